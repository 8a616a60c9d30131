/**
 * Versioned JSON for fitted Gaussian mixtures: `gaussianMixtureToJSON` writes plain JSON-safe
 * data (typed arrays become number[]; JSON numbers round-trip float64 exactly), and
 * `gaussianMixtureFromJSON` checks every field and rebuilds a model with identical predictions.
 *
 * Notation: n training rows, k components, d features; covariance blocks are d * d ('full') or
 * d ('diag') numbers per component.
 */
import { ERROR_CODES, SegmintError } from '../core/errors.js';
import type { EstimatorWarning } from '../core/warnings.js';
import type {
  GaussianMixtureModel,
  GaussianMixtureModelOptions,
} from './gaussian-mixture-options.js';

/** The serialised form of a {@link GaussianMixtureModel}. */
export interface GaussianMixtureJSON {
  readonly format: 'segmint.gaussianMixture';
  readonly version: 1;
  readonly options: GaussianMixtureModelOptions;
  /** (k) */
  readonly weights: number[];
  /** Means (k, d), row-major in `data`. */
  readonly means: { readonly rows: number; readonly cols: number; readonly data: number[] };
  /** (k * d * d) or (k * d) */
  readonly covariances: number[];
  /** Same shape as `covariances`. */
  readonly precisionsCholesky: number[];
  readonly converged: boolean;
  readonly iterations: number;
  readonly lowerBound: number;
  /** (n) */
  readonly labels: number[];
  readonly warnings: EstimatorWarning[];
}

/**
 * A JSON-safe copy of `model` (`JSON.stringify` it to store).
 * @example const text = JSON.stringify(gaussianMixtureToJSON(model));
 */
export function gaussianMixtureToJSON(model: GaussianMixtureModel): GaussianMixtureJSON {
  return {
    format: 'segmint.gaussianMixture',
    version: 1,
    options: { ...model.options },
    weights: Array.from(model.weights),
    means: { rows: model.means.rows, cols: model.means.cols, data: Array.from(model.means.data) },
    covariances: Array.from(model.covariances),
    precisionsCholesky: Array.from(model.precisionsCholesky),
    converged: model.converged,
    iterations: model.iterations,
    lowerBound: model.lowerBound,
    labels: Array.from(model.labels),
    warnings: model.warnings.map((w) => ({ ...w })),
  };
}

function invalid(field: string, rule: string): SegmintError {
  return new SegmintError(
    ERROR_CODES.INVALID_MODEL,
    `gaussianMixtureFromJSON: '${field}' ${rule}.`,
    { parameter: field },
  );
}

function numbers(value: unknown, field: string, length: number, integer = false): number[] {
  if (!Array.isArray(value) || value.length !== length)
    throw invalid(field, `must be an array of ${length} numbers`);
  for (const x of value as unknown[]) {
    if (typeof x !== 'number' || !Number.isFinite(x) || (integer && !Number.isInteger(x)))
      throw invalid(field, `must hold finite ${integer ? 'integers' : 'numbers'}`);
  }
  return value as number[];
}

function count(value: unknown, field: string, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min)
    throw invalid(field, `must be an integer >= ${min}`);
  return value;
}

/**
 * Rebuilds a model from {@link gaussianMixtureToJSON} output.
 * @throws SegmintError INVALID_MODEL naming the first bad field (format, version, shapes, values).
 * @example const model = gaussianMixtureFromJSON(JSON.parse(text));
 */
export function gaussianMixtureFromJSON(json: unknown): GaussianMixtureModel {
  if (typeof json !== 'object' || json === null) throw invalid('(root)', 'must be an object');
  const j = json as Record<string, unknown>;
  if (j.format !== 'segmint.gaussianMixture')
    throw invalid('format', "must be 'segmint.gaussianMixture'");
  if (j.version !== 1) throw invalid('version', 'must be 1 (the only version this engine reads)');
  const m = j.means as Record<string, unknown> | null;
  if (typeof m !== 'object' || m === null) throw invalid('means', 'must be an object');
  const k = count(m.rows, 'means.rows', 1);
  const d = count(m.cols, 'means.cols', 1);
  const means = numbers(m.data, 'means.data', k * d);
  const o = j.options as Record<string, unknown> | null;
  if (typeof o !== 'object' || o === null || o.clusterCount !== k)
    throw invalid('options', 'must be an object whose clusterCount equals means.rows');
  if (o.covariance !== 'full' && o.covariance !== 'diag')
    throw invalid('options.covariance', "must be 'full' or 'diag'");
  const block = o.covariance === 'full' ? d * d : d;
  const weights = numbers(j.weights, 'weights', k);
  if (weights.some((w) => w <= 0)) throw invalid('weights', 'must be positive');
  const covariances = numbers(j.covariances, 'covariances', k * block);
  const factors = numbers(j.precisionsCholesky, 'precisionsCholesky', k * block);
  if (typeof j.converged !== 'boolean') throw invalid('converged', 'must be a boolean');
  const iterations = count(j.iterations, 'iterations', 0);
  if (typeof j.lowerBound !== 'number' || !Number.isFinite(j.lowerBound))
    throw invalid('lowerBound', 'must be a finite number');
  if (!Array.isArray(j.labels)) throw invalid('labels', 'must be an array');
  const labels = numbers(j.labels, 'labels', j.labels.length, true);
  if (labels.some((label) => label < 0 || label >= k))
    throw invalid('labels', `must be integers in [0, ${k - 1}]`);
  if (
    !Array.isArray(j.warnings) ||
    j.warnings.some((w) => typeof (w as { code?: unknown })?.code !== 'string')
  )
    throw invalid('warnings', 'must be an array of { code, message }');
  return Object.freeze({
    kind: 'gaussianMixture',
    weights: Float64Array.from(weights),
    means: Object.freeze({ data: Float64Array.from(means), rows: k, cols: d }),
    covariances: Float64Array.from(covariances),
    precisionsCholesky: Float64Array.from(factors),
    converged: j.converged,
    iterations,
    lowerBound: j.lowerBound,
    labels: Int32Array.from(labels),
    clusterCount: k,
    warnings: Object.freeze((j.warnings as EstimatorWarning[]).map((w) => ({ ...w }))),
    options: Object.freeze({ ...(o as unknown as GaussianMixtureModelOptions) }),
  });
}
