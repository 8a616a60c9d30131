/**
 * model.json: the engine's segmentation model (`segmentationToJSON`, format 'segmint.model')
 * plus a `run` block with what `predictFile` needs to rebuild the features of new rows from a
 * raw file: the id column, the derive recipes, the feature lists, the source column kinds, and
 * whether the model clusters RFM scores (then new rows need recency, frequency and monetary
 * columns, or transactions to compute them from).
 */
import {
  ERROR_CODES,
  SegmintError,
  segmentationFromJSON,
  segmentationToJSON,
  type SegmentationModel,
} from '@segmint/engine';
import type { FeatureRecipe } from '@segmint/data';
import type { RunTransactions } from './run-config.js';

/** The `run` block of model.json. */
export interface ModelRunInfo {
  readonly runId: string;
  /** Id column of the input (null: row numbers 1..n). */
  readonly id: string | null;
  readonly features: { readonly numeric: string[]; readonly categorical: string[] };
  readonly derive: FeatureRecipe[];
  /** Present when the model was fitted on RFM scores computed from transactions. */
  readonly transactions: RunTransactions | null;
  /** How the training file was read (delimiter, header, sheet, dateFormat); reused by predict. */
  readonly sourceOptions: {
    readonly delimiter?: string;
    readonly header?: boolean;
    readonly sheet?: string;
    readonly dateFormat?: string;
  };
  /** Name and DuckDB type of each column of the training file. */
  readonly sourceColumns: { readonly name: string; readonly type: string; readonly kind: string }[];
}

/** A model file: the model and its run block. */
export interface RunModelFile {
  readonly model: SegmentationModel;
  readonly run: ModelRunInfo;
}

/**
 * model.json text (pretty-printed).
 * @example JSON.parse(modelFileText(model, run)).run.features.numeric
 */
export function modelFileText(model: SegmentationModel, run: ModelRunInfo): string {
  return `${JSON.stringify({ ...segmentationToJSON(model), run }, null, 2)}\n`;
}

/**
 * Parses model.json, validating the model (engine) and the run block.
 * @param file - the path, for messages.
 * @throws SegmintError INVALID_MODEL naming the file and the bad field.
 */
export function parseModelFile(text: string, file: string): RunModelFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SegmintError(
      ERROR_CODES.INVALID_MODEL,
      `${file} is not valid JSON (${(error as Error).message}).`,
      { file },
      { cause: error },
    );
  }
  let model: SegmentationModel;
  try {
    model = segmentationFromJSON(json);
  } catch (error) {
    if (error instanceof SegmintError) {
      throw new SegmintError(
        error.code,
        `${file}: ${error.message}`,
        { ...error.details, file },
        {
          cause: error,
        },
      );
    }
    throw error;
  }
  const run = (json as { run?: unknown }).run;
  if (typeof run !== 'object' || run === null || Array.isArray(run)) {
    throw invalid(file, 'model.run', 'an object (model files written by `segmint run` have one)');
  }
  const r = run as Record<string, unknown>;
  const features = r.features as { numeric?: unknown; categorical?: unknown } | undefined;
  if (
    typeof features !== 'object' ||
    features === null ||
    !isStringArray(features.numeric) ||
    !isStringArray(features.categorical)
  ) {
    throw invalid(file, 'model.run.features', '{ numeric: string[], categorical: string[] }');
  }
  if (!(r.id === null || typeof r.id === 'string'))
    throw invalid(file, 'model.run.id', 'a string or null');
  if (!Array.isArray(r.derive)) throw invalid(file, 'model.run.derive', 'an array of recipes');
  if (!(r.transactions === null || (typeof r.transactions === 'object' && r.transactions !== null)))
    throw invalid(file, 'model.run.transactions', 'an object or null');
  return {
    model,
    run: {
      runId: typeof r.runId === 'string' ? r.runId : 'unknown',
      id: r.id,
      features: { numeric: features.numeric, categorical: features.categorical },
      derive: r.derive as FeatureRecipe[],
      transactions: r.transactions as RunTransactions | null,
      sourceOptions: readSourceOptions(r.sourceOptions),
      sourceColumns: Array.isArray(r.sourceColumns)
        ? (r.sourceColumns as ModelRunInfo['sourceColumns'])
        : [],
    },
  };
}

/** Keeps the well-typed reading options of a model's `sourceOptions` (older files: none). */
function readSourceOptions(value: unknown): ModelRunInfo['sourceOptions'] {
  if (typeof value !== 'object' || value === null) return {};
  const o = value as Record<string, unknown>;
  return {
    ...(typeof o.delimiter === 'string' ? { delimiter: o.delimiter } : {}),
    ...(typeof o.header === 'boolean' ? { header: o.header } : {}),
    ...(typeof o.sheet === 'string' ? { sheet: o.sheet } : {}),
    ...(typeof o.dateFormat === 'string' ? { dateFormat: o.dateFormat } : {}),
  };
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function invalid(file: string, field: string, expected: string): SegmintError {
  return new SegmintError(ERROR_CODES.INVALID_MODEL, `${file}: '${field}' must be ${expected}.`, {
    file,
    field,
  });
}
