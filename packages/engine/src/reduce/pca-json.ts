/**
 * Versioned JSON for fitted PCA models: `{ format: 'segmint.pca', version: 1, ... }` with typed
 * arrays as number[] (float64 values survive JSON exactly: JSON.stringify writes the shortest
 * round-tripping decimal), so a loaded model projects identically.
 */
import { ERROR_CODES, SegmintError, formatValue } from '../core/errors.js';
import type { PCAModel } from './pca.js';

/** The JSON form of a {@link PCAModel}. */
export interface PCAModelJSON {
  readonly format: 'segmint.pca';
  readonly version: 1;
  readonly mean: number[];
  /** Components as rows: k arrays of length d. */
  readonly components: number[][];
  readonly explainedVariance: number[];
  readonly explainedVarianceRatio: number[];
  readonly cumulativeVarianceRatio: number[];
  readonly singularValues: number[];
  readonly noiseVariance: number;
  readonly whiten: boolean;
  readonly featureCount: number;
  readonly sampleCount: number;
}

/**
 * Serialises a PCA model to plain JSON-safe data.
 * @example JSON.stringify(pcaToJSON(model))
 */
export function pcaToJSON(model: PCAModel): PCAModelJSON {
  const { rows: k, cols: d, data } = model.components;
  return {
    format: 'segmint.pca',
    version: 1,
    mean: Array.from(model.mean),
    components: Array.from({ length: k }, (_, c) => Array.from(data.subarray(c * d, (c + 1) * d))),
    explainedVariance: Array.from(model.explainedVariance),
    explainedVarianceRatio: Array.from(model.explainedVarianceRatio),
    cumulativeVarianceRatio: Array.from(model.cumulativeVarianceRatio),
    singularValues: Array.from(model.singularValues),
    noiseVariance: model.noiseVariance,
    whiten: model.whiten,
    featureCount: model.featureCount,
    sampleCount: model.sampleCount,
  };
}

function invalid(field: string, rule: string, value: unknown): SegmintError {
  return new SegmintError(
    ERROR_CODES.INVALID_MODEL,
    `pcaFromJSON: '${field}' must be ${rule}; got ${formatValue(value)}.`,
    { parameter: field, value },
  );
}

function finiteArray(json: Record<string, unknown>, field: string, length: number): Float64Array {
  const value = json[field];
  if (!Array.isArray(value) || value.length !== length)
    throw invalid(field, `an array of ${length} numbers`, value);
  const out = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const x: unknown = value[i];
    if (typeof x !== 'number' || !Number.isFinite(x))
      throw invalid(`${field}[${i}]`, 'a finite number', x);
    out[i] = x;
  }
  return out;
}

function positiveInteger(json: Record<string, unknown>, field: string): number {
  const value = json[field];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
    throw invalid(field, 'a positive integer', value);
  return value;
}

/**
 * Rebuilds a PCA model from {@link pcaToJSON} output (or its JSON.parse), validating every field.
 * @throws SegmintError INVALID_MODEL naming the first bad field (format, version, shapes, values).
 * @example const model = pcaFromJSON(JSON.parse(text));
 */
export function pcaFromJSON(json: unknown): PCAModel {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw invalid('(root)', 'an object', json);
  const o = json as Record<string, unknown>;
  if (o.format !== 'segmint.pca') throw invalid('format', "'segmint.pca'", o.format);
  if (o.version !== 1) throw invalid('version', '1', o.version);
  const d = positiveInteger(o, 'featureCount');
  const n = positiveInteger(o, 'sampleCount');
  if (!Array.isArray(o.components) || o.components.length < 1 || o.components.length > d)
    throw invalid('components', `an array of 1 to ${d} rows`, o.components);
  const k = o.components.length;
  const components = new Float64Array(k * d);
  const rows = o.components as unknown[];
  for (let c = 0; c < k; c++) {
    const field = `components[${c}]`;
    components.set(finiteArray({ [field]: rows[c] }, field, d), c * d);
  }
  if (typeof o.whiten !== 'boolean') throw invalid('whiten', 'a boolean', o.whiten);
  const noiseVariance = o.noiseVariance;
  if (typeof noiseVariance !== 'number' || !Number.isFinite(noiseVariance) || noiseVariance < 0)
    throw invalid('noiseVariance', 'a non-negative finite number', noiseVariance);
  return {
    kind: 'pca',
    mean: finiteArray(o, 'mean', d),
    components: { data: components, rows: k, cols: d },
    explainedVariance: finiteArray(o, 'explainedVariance', k),
    explainedVarianceRatio: finiteArray(o, 'explainedVarianceRatio', k),
    cumulativeVarianceRatio: finiteArray(o, 'cumulativeVarianceRatio', k),
    singularValues: finiteArray(o, 'singularValues', k),
    noiseVariance,
    whiten: o.whiten,
    featureCount: d,
    sampleCount: n,
  };
}
