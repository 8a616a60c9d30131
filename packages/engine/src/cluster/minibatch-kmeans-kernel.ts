/**
 * The mini-batch k-means fitting loop (Sculley 2010), following scikit-learn 1.2.1's
 * `MiniBatchKMeans.fit`: pick the best of `nInit` initialisations on a validation sample, then
 * run `floor(maxIterations * n / b)` steps on batches drawn with replacement, stopping early when
 * the smoothed batch inertia stops improving or the centres stop moving.
 *
 * Notation: X is (n, d), k clusters, b the batch size, w sample weights (or null = all 1).
 * Early stopping follows scikit-learn: the batch inertia per sample enters an exponentially
 * weighted average with alpha = min(1, 2b / (n + 1)); `maxNoImprovement` steps without a new
 * minimum of that average stop the fit; so does a squared centre shift <= tol * mean column
 * variance (only when `tolerance` > 0).
 */
import { createRandom, permutation, type Random } from '../core/random.js';
import { warning, type EstimatorWarning } from '../core/warnings.js';
import { columnStats } from '../matrix/stats.js';
import type { Matrix } from '../matrix/matrix.js';
import { kmeansPlusPlus } from './kmeans-plus-plus.js';
import { minibatchStep } from './minibatch-kmeans-step.js';
import { nearestCenter, squaredDistance } from './squared-distance.js';

/** Resolved settings the kernel runs with (validated by `miniBatchKMeans`). */
export interface MiniBatchSettings {
  readonly clusterCount: number;
  /** Method name, or explicit (k, d) centres. */
  readonly init: 'k-means++' | 'random' | Float64Array;
  readonly nInit: number;
  readonly batchSize: number;
  readonly initSize: number | null;
  readonly maxIterations: number;
  readonly tolerance: number;
  readonly maxNoImprovement: number | null;
  readonly reassignmentRatio: number;
  readonly seed: number;
}

/** What the kernel returns; the public function wraps it into the model. */
export interface MiniBatchFit {
  readonly centroids: Float64Array;
  readonly labels: Int32Array;
  readonly inertia: number;
  readonly steps: number;
  readonly iterations: number;
  readonly converged: boolean;
  readonly clusterSizes: Int32Array;
  readonly warnings: EstimatorWarning[];
}

/** Fits mini-batch k-means on validated input. */
export function miniBatchKMeansKernel(
  X: Matrix,
  weights: Float64Array | null,
  settings: MiniBatchSettings,
): MiniBatchFit {
  const { rows: n, cols: d, data } = X;
  const k = settings.clusterCount;
  const b = Math.min(settings.batchSize, n);
  const warnings: EstimatorWarning[] = [];
  let initSize = settings.initSize ?? 3 * b;
  if (initSize < k) {
    if (settings.initSize !== null)
      warnings.push(
        warning(
          'INIT_SIZE_RAISED',
          `miniBatchKMeans: 'initSize' ${initSize} is below 'clusterCount' ${k}; using ${3 * k}.`,
          { initSize, clusterCount: k },
        ),
      );
    initSize = 3 * k;
  }
  initSize = Math.min(initSize, n);
  let tolerance = 0;
  if (settings.tolerance > 0) {
    const { variance } = columnStats(X);
    let sum = 0;
    for (let f = 0; f < d; f++) sum += variance[f]!;
    tolerance = (sum / d) * settings.tolerance;
  }
  const random = createRandom(settings.seed);

  // Best of nInit initialisations, judged on one validation sample (drawn with replacement).
  const validation = randomRows(n, initSize, random);
  const validationData = gather(data, d, validation);
  const validationWeights = weights === null ? null : gatherWeights(weights, validation);
  let centers: Float64Array | null = null;
  let bestInertia = Infinity;
  const runs = settings.init instanceof Float64Array ? 1 : settings.nInit;
  for (let run = 0; run < runs; run++) {
    const candidate = initialize(X, weights, settings.init, k, initSize, random);
    const inertia = labelsAndInertia(
      validationData,
      validationWeights,
      initSize,
      d,
      candidate,
      k,
    ).inertia;
    if (centers === null || inertia < bestInertia) {
      centers = candidate;
      bestInertia = inertia;
    }
  }
  let current: Float64Array = centers!;
  let next: Float64Array = new Float64Array(k * d);
  const weightSums = new Float64Array(k);

  let ewaInertia: number | null = null;
  let ewaInertiaMin: number | null = null;
  let noImprovement = 0;
  let sinceReassign = 0;
  const totalSteps = Math.floor((settings.maxIterations * n) / b);
  const batch = new Float64Array(b * d);
  const batchWeights = weights === null ? null : new Float64Array(b);
  let step = 0;
  let converged = false;
  for (; step < totalSteps; step++) {
    for (let r = 0; r < b; r++) {
      const i = random.int(n);
      batch.set(data.subarray(i * d, (i + 1) * d), r * d);
      if (batchWeights !== null) batchWeights[r] = weights![i]!;
    }
    // Re-seed light centres every 10k samples seen, and whenever a centre is still empty.
    sinceReassign += b;
    let randomReassign = false;
    if (weightSums.includes(0) || sinceReassign >= 10 * k) {
      sinceReassign = 0;
      randomReassign = true;
    }
    let batchInertia = minibatchStep(
      batch,
      batchWeights,
      b,
      d,
      k,
      current,
      next,
      weightSums,
      random,
      randomReassign,
      settings.reassignmentRatio,
    );
    let shift = 0;
    if (tolerance > 0) for (let p = 0; p < k * d; p++) shift += (next[p]! - current[p]!) ** 2;
    [current, next] = [next, current];

    // Early stopping (scikit-learn's _mini_batch_convergence); step 0 only reflects the init.
    batchInertia /= b;
    if (step === 0) continue;
    if (ewaInertia === null) ewaInertia = batchInertia;
    else {
      const alpha = Math.min((b * 2) / (n + 1), 1);
      ewaInertia = ewaInertia * (1 - alpha) + batchInertia * alpha;
    }
    if (tolerance > 0 && shift <= tolerance) {
      converged = true;
      break;
    }
    if (ewaInertiaMin === null || ewaInertia < ewaInertiaMin) {
      noImprovement = 0;
      ewaInertiaMin = ewaInertia;
    } else noImprovement++;
    if (settings.maxNoImprovement !== null && noImprovement >= settings.maxNoImprovement) {
      converged = true;
      break;
    }
  }
  const steps = Math.min(step + 1, totalSteps);
  if (!converged) {
    warnings.push(
      warning(
        'MAX_ITERATIONS_REACHED',
        `miniBatchKMeans: stopped after ${settings.maxIterations} epochs (${steps} steps) ` +
          'without meeting a stopping rule; raise maxIterations or set tolerance.',
        { iterations: settings.maxIterations, steps },
      ),
    );
  }

  const { labels, inertia } = labelsAndInertia(data, weights, n, d, current, k);
  const clusterSizes = new Int32Array(k);
  for (let i = 0; i < n; i++) clusterSizes[labels[i]!]!++;
  for (let c = 0; c < k; c++) {
    if (clusterSizes[c] === 0)
      warnings.push(
        warning('EMPTY_CLUSTER', `miniBatchKMeans: cluster ${c} has no points.`, { cluster: c }),
      );
  }
  return {
    centroids: current,
    labels,
    inertia,
    steps,
    iterations: Math.ceil((steps * b) / n),
    converged,
    clusterSizes,
    warnings,
  };
}

/** Nearest-centre labels and the weighted inertia sum_i w_i ||x_i - c(label i)||^2. */
export function labelsAndInertia(
  data: Float64Array,
  weights: Float64Array | null,
  n: number,
  d: number,
  centers: Float64Array,
  k: number,
): { labels: Int32Array; inertia: number } {
  const labels = new Int32Array(n);
  let inertia = 0;
  for (let i = 0; i < n; i++) {
    const c = nearestCenter(data, i * d, centers, k, d);
    labels[i] = c;
    const distance = squaredDistance(data, i * d, centers, c * d, d);
    inertia += weights === null ? distance : weights[i]! * distance;
  }
  return { labels, inertia };
}

/** Initial centres from a random subset of `initSize` rows (all rows when initSize = n). */
function initialize(
  X: Matrix,
  weights: Float64Array | null,
  init: MiniBatchSettings['init'],
  k: number,
  initSize: number,
  random: Random,
): Float64Array {
  if (init instanceof Float64Array) return init.slice();
  const { rows: n, cols: d } = X;
  const rows = initSize < n ? randomRows(n, initSize, random) : null;
  const subset = rows === null ? X.data : gather(X.data, d, rows);
  const size = rows === null ? n : initSize;
  if (init === 'random') {
    const order = permutation(size, random);
    return gather(subset, d, order.subarray(0, k));
  }
  const subsetWeights =
    weights === null ? undefined : rows === null ? weights : gatherWeights(weights, rows);
  const { centroids } = kmeansPlusPlus({ data: subset, rows: size, cols: d }, k, {
    seed: random.seed(),
    ...(subsetWeights === undefined ? {} : { sampleWeight: subsetWeights }),
  });
  return centroids.data.slice();
}

/** `count` row indices drawn uniformly with replacement (numpy's randint). */
function randomRows(n: number, count: number, random: Random): Int32Array {
  const out = new Int32Array(count);
  for (let r = 0; r < count; r++) out[r] = random.int(n);
  return out;
}

function gather(data: Float64Array, d: number, rows: ArrayLike<number>): Float64Array {
  const out = new Float64Array(rows.length * d);
  for (let r = 0; r < rows.length; r++)
    out.set(data.subarray(rows[r]! * d, (rows[r]! + 1) * d), r * d);
  return out;
}

function gatherWeights(weights: Float64Array, rows: ArrayLike<number>): Float64Array {
  const out = new Float64Array(rows.length);
  for (let r = 0; r < rows.length; r++) out[r] = weights[rows[r]!]!;
  return out;
}
