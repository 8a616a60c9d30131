/**
 * k-prototypes clustering of mixed numeric and categorical data (Huang 1997, "Clustering large
 * data sets with mixed numeric and categorical values", PAKDD; Huang 1998, DMKD 2:283-304): each
 * prototype is a numeric centroid plus a categorical mode, and a row's cost to a prototype is its
 * squared euclidean distance on the numeric columns plus gamma times its categorical mismatches.
 * Semantics follow the kmodes library (`KPrototypes`): Huang's gamma default, Cao/Huang/random
 * initialisation, online prototype updates, best of `nInit` runs by cost.
 *
 * Notation: X is (n, d) with p numeric and m categorical columns, k = `clusterCount`.
 *
 * Numeric columns are used as given: scale them first (they are expected standardised, so that
 * gamma weighs mismatches against comparable squared distances).
 */
import { ERROR_CODES, SegmintError } from '../core/errors.js';
import { checkParams, mergeOptions } from '../core/params.js';
import { createRandom } from '../core/random.js';
import { warning, type EstimatorWarning } from '../core/warnings.js';
import { toMatrix, type MatrixLike } from '../matrix/matrix.js';
import { assertFinite, assertNonEmpty } from '../matrix/validate.js';
import { huangGamma, splitMixed } from './k-prototypes-data.js';
import { initialPrototypes } from './k-prototypes-init.js';
import { kPrototypesRun, type PrototypeRun } from './k-prototypes-kernel.js';
import {
  K_PROTOTYPES_DEFAULTS,
  type KPrototypesModel,
  type KPrototypesOptions,
} from './k-prototypes-options.js';

export {
  K_PROTOTYPES_DEFAULTS,
  type CategoricalModes,
  type KPrototypesInit,
  type KPrototypesModel,
  type KPrototypesModelOptions,
  type KPrototypesOptions,
} from './k-prototypes-options.js';

const OWNER = 'kPrototypes';

const CONSTRAINTS = {
  clusterCount: { type: 'integer', min: 1, max: 10000 },
  categoricalColumns: { type: 'any' },
  gamma: { type: 'number', min: 0, optional: true },
  maxIterations: { type: 'integer', min: 1, max: 100000 },
  nInit: { type: 'integer', min: 1, max: 1000 },
  init: { type: 'enum', values: ['cao', 'huang', 'random'] },
  seed: { type: 'integer' },
} as const;

/**
 * Clusters the rows of mixed data X into `clusterCount` groups by k-prototypes.
 *
 * @param X - data, shape (n, d): numeric columns (scaled) and, at `categoricalColumns`, integer
 *   category codes >= 0; finite; not modified.
 * @param options - `clusterCount` (required) and any of {@link K_PROTOTYPES_DEFAULTS}
 *   (`categoricalColumns` [], `gamma` Huang's default, `maxIterations` 100, `nInit` 10, `init`
 *   'cao', `seed` 0).
 * @returns the fitted {@link KPrototypesModel} of the lowest-cost run.
 * @throws SegmintError INVALID_PARAMETER naming the option, rule and value; INVALID_SHAPE (empty
 *   X, fewer rows than clusters, a categorical value that is not an integer code >= 0);
 *   NON_FINITE_VALUE naming the row and column of a NaN or Infinity.
 * @example
 * // Column 1 holds codes 0/1.
 * const model = kPrototypes([[0, 0], [0.1, 0], [5, 1], [5.2, 1]], {
 *   clusterCount: 2, categoricalColumns: [1], nInit: 1,
 * });
 * model.labels; // Int32Array [0, 0, 1, 1] (numbering may differ)
 */
export function kPrototypes(
  X: MatrixLike,
  options: Partial<KPrototypesOptions> & { clusterCount: number },
): KPrototypesModel {
  const merged = mergeOptions<KPrototypesOptions>(
    { ...K_PROTOTYPES_DEFAULTS, clusterCount: options.clusterCount },
    options,
  );
  checkParams(OWNER, merged, CONSTRAINTS);
  const matrix = toMatrix(X);
  assertNonEmpty(OWNER, matrix);
  assertFinite(OWNER, matrix);
  const k = merged.clusterCount;
  if (matrix.rows < k)
    throw new SegmintError(
      ERROR_CODES.INVALID_SHAPE,
      `${OWNER}: X has ${matrix.rows} rows but 'clusterCount' is ${k}; need at least as many rows as clusters.`,
      { rows: matrix.rows, parameter: 'clusterCount', value: k },
    );
  const data = splitMixed(OWNER, matrix, merged.categoricalColumns);
  const gamma = merged.gamma ?? huangGamma(data.numeric, data.n, data.p);
  const random = createRandom(merged.seed);
  let best: PrototypeRun | null = null;
  let reseeded = 0;
  for (let run = 0; run < merged.nInit; run++) {
    const runRandom = random.fork();
    const initial = initialPrototypes(data, k, merged.init, runRandom);
    const result = kPrototypesRun(data, k, gamma, initial, merged.maxIterations, runRandom);
    if (best === null || result.cost < best.cost) {
      best = result;
      reseeded = result.reseeded;
    }
  }
  const kept = best!;
  const warnings: EstimatorWarning[] = [];
  if (!kept.converged)
    warnings.push(
      warning(
        'MAX_ITERATIONS_REACHED',
        `${OWNER}: the best run did not converge in ${merged.maxIterations} passes; raise 'maxIterations'.`,
        { maxIterations: merged.maxIterations },
      ),
    );
  if (reseeded > 0)
    warnings.push(
      warning(
        'EMPTY_CLUSTER_RESEEDED',
        `${OWNER}: ${reseeded} emptied cluster(s) took a random row of the largest cluster.`,
        { count: reseeded },
      ),
    );
  const { m, p, levels } = data;
  const modes = new Int32Array(k * m);
  for (let c = 0; c < k; c++)
    for (let g = 0; g < m; g++) modes[c * m + g] = levels[g]![kept.modes[c * m + g]!]!;
  const clusterSizes = new Int32Array(k);
  for (const label of kept.labels) clusterSizes[label]!++;
  return Object.freeze({
    kind: 'kPrototypes',
    numericColumns: Object.freeze([...data.numericColumns]),
    categoricalColumns: Object.freeze([...merged.categoricalColumns]),
    centroids: Object.freeze({ data: kept.centroids, rows: k, cols: p }),
    modes: Object.freeze({ data: modes, rows: k, cols: m }),
    gamma,
    cost: kept.cost,
    labels: kept.labels,
    clusterSizes,
    iterations: kept.iterations,
    converged: kept.converged,
    clusterCount: k,
    warnings: Object.freeze(warnings),
    options: Object.freeze({
      clusterCount: k,
      categoricalColumns: Object.freeze([...merged.categoricalColumns]),
      gamma: merged.gamma ?? null,
      maxIterations: merged.maxIterations,
      nInit: merged.nInit,
      init: merged.init,
      seed: merged.seed,
    }),
  });
}
