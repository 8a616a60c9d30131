/**
 * A whole k-means fit as block steps: `nInit` runs (each seeded, then iterated by
 * `kmeans-run.ts`), keep the lowest inertia (the first on ties, as scikit-learn), then turn the
 * kept run into a {@link KMeansModel} with its warnings.
 *
 * Notation: X is (n, d), k the cluster count, w the sample weights.
 *
 * Run r draws from `createRandom(seed)` for r = 0 (so `kmeans` and `kmeansPlusPlus` with the same
 * seed pick the same centres) and from seeds of a derived stream for r > 0.
 */
import { createRandom, type Random } from '../core/random.js';
import { warning, type EstimatorWarning } from '../core/warnings.js';
import type { Allocator, BlockData, BlockSteps } from './kmeans-blocks.js';
import type { KMeansModel } from './kmeans-options.js';
import { defaultLocalTrials, kmeansPlusPlusSteps } from './kmeans-plus-plus.js';
import type { PreparedKMeans } from './kmeans-prepare.js';
import { allocateRunBuffers, kmeansRunSteps, type RunResult } from './kmeans-run.js';

/** The unchecked fit of `prepared` over `data` (X possibly in shared memory). */
export function* kmeansFitSteps(
  prepared: PreparedKMeans,
  data: BlockData,
  allocator: Allocator,
): BlockSteps<KMeansModel> {
  const { k, nInit, init, seed } = prepared;
  const settings = {
    k,
    maxIterations: prepared.maxIterations,
    tolerance: prepared.tolerance,
    hamerly: prepared.hamerly,
  };
  const buffers = allocateRunBuffers(
    data,
    k,
    prepared.hamerly,
    prepared.elkan,
    prepared.maxIterations,
    allocator,
  );
  const streams = createRandom(seed).fork();
  let best: RunResult | undefined;
  for (let run = 0; run < nInit; run++) {
    const random = run === 0 ? createRandom(seed) : createRandom(streams.seed());
    let centers: Float64Array;
    if (typeof init !== 'string') centers = init;
    else if (init === 'random') centers = randomRows(data, k, random);
    else {
      const seeds = kmeansPlusPlusSteps(data, k, random, defaultLocalTrials(k), allocator);
      centers = (yield* seeds).centers;
    }
    const result = yield* kmeansRunSteps(data, centers, settings, buffers, allocator);
    if (best === undefined || result.inertia < best.inertia) best = result;
  }
  return toModel(prepared, data, best!);
}

function toModel(prepared: PreparedKMeans, data: BlockData, run: RunResult): KMeansModel {
  const { k } = prepared;
  const { n, d } = data;
  const clusterSizes = new Int32Array(k);
  for (let i = 0; i < n; i++) clusterSizes[run.labels[i]!]!++;
  const warnings: EstimatorWarning[] = [...prepared.warnings];
  if (!run.converged) {
    warnings.push(
      warning(
        'MAX_ITERATIONS_REACHED',
        `kmeans: did not converge within maxIterations = ${prepared.maxIterations}; ` +
          'raise maxIterations or tolerance.',
        { iterations: run.iterations },
      ),
    );
  }
  if (run.reseeds.length > 0) {
    const total = run.reseeds.reduce((sum, event) => sum + event.clusters.length, 0);
    warnings.push(
      warning(
        'EMPTY_CLUSTER_RESEEDED',
        `kmeans: ${total} empty cluster${total === 1 ? ' was' : 's were'} reseeded with the ` +
          'points farthest from their centroids.',
        { total, events: run.reseeds.slice(0, 20).map((e) => ({ ...e })) },
      ),
    );
  }
  const found = clusterSizes.reduce((count, size) => count + (size > 0 ? 1 : 0), 0);
  if (found < k) {
    const distinct = countDistinctRows(data, k);
    warnings.push(
      distinct < k
        ? warning(
            'FEWER_DISTINCT_POINTS_THAN_CLUSTERS',
            `kmeans: X has only ${distinct} distinct points for ${k} clusters; ` +
              'some centroids are duplicates.',
            { distinctPoints: distinct, clusterCount: k },
          )
        : warning(
            'FEWER_CLUSTERS_THAN_REQUESTED',
            `kmeans: only ${found} of ${k} clusters have members.`,
            { nonEmptyClusters: found, clusterCount: k },
          ),
    );
  }
  return Object.freeze({
    kind: 'kmeans',
    labels: run.labels,
    centroids: Object.freeze({ data: run.centers, rows: k, cols: d }),
    inertia: run.inertia,
    iterations: run.iterations,
    converged: run.converged,
    clusterSizes,
    warnings: Object.freeze(warnings),
    options: Object.freeze({ ...prepared.modelOptions }),
  });
}

/** Distinct rows of X, counting up to `limit` (then it stops: only "fewer than k" matters). */
function countDistinctRows(data: BlockData, limit: number): number {
  const { X, n, d } = data;
  const seen = new Set<string>();
  for (let i = 0; i < n && seen.size < limit; i++) {
    seen.add(Array.prototype.join.call(X.subarray(i * d, i * d + d), ','));
  }
  return seen.size;
}

/**
 * k distinct rows as initial centres: the first k of a random permutation without weights
 * (scikit-learn), a weighted draw without replacement otherwise (Efraimidis & Spirakis 2006 keys
 * log(u) / w; zero-weight rows come last).
 */
function randomRows(data: BlockData, k: number, random: Random): Float64Array {
  const { X, n, d, weights } = data;
  let rows: ArrayLike<number>;
  if (weights === null) {
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    for (let i = 0; i < k; i++) {
      const j = i + random.int(n - i);
      const t = order[i]!;
      order[i] = order[j]!;
      order[j] = t;
    }
    rows = order;
  } else {
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const u = random.next();
      keys[i] =
        weights[i]! > 0 ? Math.log(u === 0 ? Number.MIN_VALUE : u) / weights[i]! : -Infinity;
    }
    const order = Array.from({ length: n }, (_, i) => i);
    order.sort((a, b) => keys[b]! - keys[a]! || a - b);
    rows = order;
  }
  const centers = new Float64Array(k * d);
  for (let c = 0; c < k; c++) centers.set(X.subarray(rows[c]! * d, rows[c]! * d + d), c * d);
  return centers;
}
