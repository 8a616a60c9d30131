/**
 * Versioned JSON for fitted pipelines: one plain object
 * `{ format: 'segmint.pipeline', version: 1, input, steps, featureNames }` (no functions, no
 * typed arrays, no NaN), validated field by field on load so a hand-edited or truncated file
 * fails with an error naming the bad field ("steps[2].scale[0]") instead of scoring garbage.
 */
import { arrayField, asString, invalidModel, readObject, stringField } from './json-read.js';
import type { FittedPipeline } from './pipeline.js';
import { stepFromJSON, stepToJSON, type FittedStep } from './steps.js';
import type { ColumnKind, ColumnSchema } from './table.js';

/** Serialised form of a {@link FittedPipeline}. */
export interface PipelineJSON {
  readonly format: 'segmint.pipeline';
  readonly version: 1;
  readonly input: readonly ColumnSchema[];
  readonly steps: readonly FittedStep[];
  readonly featureNames: readonly string[];
}

/** Turns a fitted pipeline into a JSON-safe object (`JSON.stringify` it to store). */
export function pipelineToJSON(fitted: FittedPipeline): PipelineJSON {
  return {
    format: 'segmint.pipeline',
    version: 1,
    input: fitted.input.map((c) => ({ name: c.name, kind: c.kind })),
    steps: fitted.steps.map(stepToJSON),
    featureNames: [...fitted.featureNames],
  };
}

/**
 * Validates and rebuilds a pipeline; transforms are identical to the original's.
 * @throws SegmintError INVALID_MODEL naming the bad field (format, version, steps[i].field).
 * @example pipelineFromJSON(JSON.parse(text))
 */
export function pipelineFromJSON(json: unknown): FittedPipeline {
  const o = readObject(json, 'pipeline');
  const format = o.value.format;
  if (format !== 'segmint.pipeline')
    throw invalidModel('pipeline.format', "'segmint.pipeline'", format);
  const version = o.value.version;
  if (version !== 1)
    throw invalidModel('pipeline.version', '1 (the only version this engine reads)', version);
  const input = arrayField(o, 'input', (value, path) => {
    const c = readObject(value, path);
    return {
      name: stringField(c, 'name'),
      kind: stringField<ColumnKind>(c, 'kind', ['numeric', 'categorical']),
    };
  });
  const steps = arrayField(o, 'steps', (value, path) => stepFromJSON(value, path));
  const featureNames = arrayField(o, 'featureNames', asString);
  return { input, steps, featureNames };
}
