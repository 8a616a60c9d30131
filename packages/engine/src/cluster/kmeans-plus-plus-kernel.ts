/**
 * Block kernels of greedy k-means++ seeding (see `kmeans-plus-plus.ts`).
 *
 * Notation: X is (n, d) row-major, w(i) the sample weights, D(i)^2 the squared distance from x_i
 * to its closest chosen centre (`closest`), phi = sum_i w(i) D(i)^2 the potential.
 *
 * Each block writes its own partial potential; the caller sums blocks in order, so the seeding is
 * identical for any number of threads.
 */
import type { SeedCandidatesTask, SeedUpdateTask } from './kmeans-blocks.js';
import { squaredDistance } from './squared-distance.js';

/**
 * seed-first: D(i)^2 = ||x_i - c||^2. seed-update: D(i)^2 = min(D(i)^2, ||x_i - c||^2).
 * Both write the block's potential.
 */
export function seedUpdate(task: SeedUpdateTask, b: number): void {
  const { X, d, weights, center, closest } = task;
  const start = b * task.blockRows;
  const end = Math.min(task.n, start + task.blockRows);
  const first = task.kind === 'seed-first';
  let potential = 0;
  for (let i = start; i < end; i++) {
    let distance = squaredDistance(X, i * d, center, 0, d);
    if (!first) {
      const previous = closest[i]!;
      if (previous < distance) distance = previous;
    }
    closest[i] = distance;
    potential += weights === null ? distance : distance * weights[i]!;
  }
  task.blockPotential[b] = potential;
}

/** The block's potential sum_i w(i) min(D(i)^2, ||x_i - candidate_t||^2) for every candidate t. */
export function seedCandidates(task: SeedCandidatesTask, b: number): void {
  const { X, d, weights, candidates, trials, closest, blockPotential } = task;
  const start = b * task.blockRows;
  const end = Math.min(task.n, start + task.blockRows);
  const out = b * trials;
  for (let t = 0; t < trials; t++) blockPotential[out + t] = 0;
  // Rows outer, candidates inner: each row is read from memory once for all candidates.
  for (let i = start; i < end; i++) {
    const xo = i * d;
    const previous = closest[i]!;
    const w = weights === null ? 1 : weights[i]!;
    for (let t = 0; t < trials; t++) {
      let distance = squaredDistance(X, xo, candidates, t * d, d);
      if (previous < distance) distance = previous;
      blockPotential[out + t]! += weights === null ? distance : distance * w;
    }
  }
}
