/**
 * The config of one run, as a zod schema: every key but `source` has a default, unknown keys are
 * errors at every level, and parsing normalises the shorthands the YAML allows (`source` string ->
 * { path }, one `clustering.algorithm` -> a list, `clustering.seed` -> the top-level seed, RFM's
 * default features). {@link SegmintConfig} is the parsed (output) type the runner reads.
 */
import type { z } from 'zod';
import {
  clusteringSchema,
  profilingSchema,
  selectionSchema,
  stabilitySchema,
} from './schema-cluster.js';
import { deriveSchema, sourceSchema, transactionsSchema } from './schema-data.js';
import {
  cleaningSchema,
  encodingSchema,
  reductionSchema,
  scalingSchema,
  transformSchema,
} from './schema-prepare.js';
import { columnList, columnName, integer, section, text } from './schema-parts.js';

/** The features an RFM run clusters on when `features` is not given. */
export const RFM_FEATURES: readonly string[] = Object.freeze(['recency', 'frequency', 'monetary']);

/** The top-level keys, in documentation order. */
export const CONFIG_KEYS = [
  'source',
  'id',
  'features',
  'categorical',
  'transactions',
  'derive',
  'cleaning',
  'transform',
  'encoding',
  'scaling',
  'reduction',
  'clustering',
  'selection',
  'stability',
  'profiling',
  'output',
  'seed',
] as const;

/** The config mapping before cross-key checks and normalisation (also the JSON Schema's source). */
export const configObjectSchema = section({
  source: sourceSchema,
  id: columnName()
    .optional()
    .describe('Identifier column, copied to the outputs; default: row numbers 1..n.'),
  features: columnList(true)
    .optional()
    .describe(
      'Columns to cluster on; default: every numeric column except the id (RFM: recency, frequency, monetary).',
    ),
  categorical: columnList().default([]).describe('Categorical features to one-hot encode.'),
  transactions: transactionsSchema
    .optional()
    .describe('A purchases table: each output row becomes a customer with RFM features.'),
  derive: deriveSchema,
  cleaning: cleaningSchema.prefault({}).describe('Missing values, outliers, constant columns.'),
  transform: transformSchema.prefault({}).describe('Per-column transforms before scaling.'),
  encoding: encodingSchema.prefault({}).describe('One-hot encoding of categorical features.'),
  scaling: scalingSchema,
  reduction: reductionSchema.prefault({}).describe('Dimensionality reduction before clustering.'),
  clustering: clusteringSchema.prefault({}).describe('Algorithms, k and their parameters.'),
  selection: selectionSchema.prefault({}).describe('How k is chosen from a range.'),
  stability: stabilitySchema
    .prefault({})
    .describe('Segment stability: Jaccard of each segment over refits on subsamples.'),
  profiling: profilingSchema.prefault({}).describe('Segment profiles.'),
  output: text('a folder path')
    .optional()
    .describe('Output folder, relative to the config file; default ./segmint-out/<run id>/.'),
  seed: integer(0, 2 ** 32 - 1)
    .default(0)
    .describe('Seed of every random choice (clustering.seed defaults to it).'),
});

type ParsedObject = z.output<typeof configObjectSchema>;
type CheckedFields = Pick<ParsedObject, 'id' | 'features' | 'transactions'>;

/** Cross-key rules that one key's schema cannot express. */
function crossCheck(config: CheckedFields, context: z.RefinementCtx): void {
  const { id, features, transactions } = config;
  if (id !== undefined && features !== undefined) {
    const index = features.indexOf(id);
    if (index >= 0) {
      context.addIssue({
        code: 'custom',
        path: ['features', index],
        message: `a feature other than the id column '${id}'`,
        input: id,
      });
    }
  }
  if (id !== undefined && transactions !== undefined && id !== transactions.customer) {
    context.addIssue({
      code: 'custom',
      path: ['id'],
      message: `the transactions' customer column '${transactions.customer}' (or left out): RFM rows are customers`,
      input: id,
    });
  }
}

/** Fills the defaults that depend on other keys. */
function finish<Config extends CheckedFields & Pick<ParsedObject, 'clustering' | 'seed'>>(
  config: Config,
) {
  return {
    ...config,
    features:
      config.features ?? (config.transactions === undefined ? undefined : [...RFM_FEATURES]),
    clustering: { ...config.clustering, seed: config.clustering.seed ?? config.seed },
  };
}

/** The whole config: validation, cross-key rules and normalisation. */
export const configSchema = configObjectSchema.superRefine(crossCheck).transform(finish);

/** A config without `source` and `output` (the server supplies them). */
export const partialConfigSchema = configObjectSchema
  .omit({ source: true, output: true })
  .superRefine(crossCheck)
  .transform(finish);

/**
 * A parsed config with every default applied:
 * - `source`: { path, format?, delimiter?, header?, sheet?, dateFormat?, types? } (path relative to the
 *   config file);
 * - `features`: undefined = every numeric column except the id; RFM runs default to
 *   ['recency', 'frequency', 'monetary'];
 * - `clustering.algorithm`: a non-empty list of distinct names; `clustering.k`: number | { min, max };
 *   `clustering.seed`: the top-level seed unless set;
 * - `output`: undefined = ./segmint-out/<run id>/ (the runner picks the run id).
 */
export type SegmintConfig = z.output<typeof configSchema>;

/** A parsed config without `source` and `output` (`validateConfig(value, { partial: 'no-source' })`). */
export type PartialSegmintConfig = z.output<typeof partialConfigSchema>;

/** What a user may write: the input side of the schema (every key but `source` optional). */
export type SegmintConfigInput = z.input<typeof configSchema>;
