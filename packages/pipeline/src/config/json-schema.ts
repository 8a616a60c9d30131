/**
 * The config's JSON Schema (draft 2020-12), for editor completion and validation of
 * segmint.yaml files (e.g. the YAML language server's `# yaml-language-server: $schema=...`).
 * Generated from the zod schema's input side, so defaults and descriptions come along. The
 * committed copy lives in packages/pipeline/schema/segmint.config.schema.json; a test keeps it
 * current (`npx vitest run packages/pipeline/src/config -u` rewrites it).
 */
import { z } from 'zod';
import { configObjectSchema } from './schema.js';

/**
 * The JSON Schema of a config file (what a user writes: every key but `source` optional).
 * @returns a fresh JSON-safe object with `$schema`, `title` and one property per key.
 * @example
 * ```ts
 * Object.keys(configJsonSchema().properties as object); // ['source', 'id', 'features', ...]
 * ```
 */
export function configJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(configObjectSchema, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    title: 'Segmint run config',
    description:
      'One segmentation run: the data source, cleaning, features, clustering, k selection, profiling and outputs. Paths are relative to the config file.',
    ...rest,
  };
}
