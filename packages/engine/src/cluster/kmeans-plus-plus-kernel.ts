/**
 * Block kernels of greedy k-means++ seeding (see `kmeans-plus-plus.ts`).
 *
 * Notation: X is (n, d) row-major, w(i) the sample weights, D(i)^2 the squared distance from x_i
 * to its closest chosen centre (`closest`), phi = sum_i w(i) D(i)^2 the potential, L the number
 * of candidates per step.
 *
 * Each step streams X once: the centre chosen at the previous step is folded into D^2 while the
 * block is loaded for the L candidate distances (the block potentials of the chosen candidate are
 * already known, so sampling never needs the explicit update pass). Each block writes its own
 * partial potentials; the caller sums blocks in order, so the seeding is identical for any number
 * of threads. With `wasm` kernels (the task's arrays live in WebAssembly memory) the same loops
 * run as WASM SIMD, bit-identical (see `assembly/kmeans.ts`).
 */
import type { SeedCandidatesTask, SeedFirstTask } from './kmeans-blocks.js';
import { squaredDistance } from './squared-distance.js';
import type { KMeansWasmKernels } from '../wasm/kmeans-wasm.js';

/** D(i)^2 = ||x_i - c||^2 for the first centre c, and the block's potential. */
export function seedFirst(task: SeedFirstTask, b: number, wasm: KMeansWasmKernels | null): void {
  const { X, d, weights, center, closest } = task;
  const start = b * task.blockRows;
  const end = Math.min(task.n, start + task.blockRows);
  if (wasm !== null) {
    const w = weights?.byteOffset ?? 0;
    const c = center.byteOffset;
    task.blockPotential[b] = wasm.seedFirstRows(
      X.byteOffset,
      d,
      w,
      c,
      closest.byteOffset,
      start,
      end,
    );
    return;
  }
  let potential = 0;
  for (let i = start; i < end; i++) {
    const distance = squaredDistance(X, i * d, center, 0, d);
    closest[i] = distance;
    potential += weights === null ? distance : distance * weights[i]!;
  }
  task.blockPotential[b] = potential;
}

/**
 * D(i)^2 = min(D(i)^2, ||x_i - pending||^2), then the block's potential
 * sum_i w(i) min(D(i)^2, ||x_i - candidate_t||^2) for every candidate t.
 */
export function seedCandidates(
  task: SeedCandidatesTask,
  b: number,
  wasm: KMeansWasmKernels | null,
): void {
  const { X, d, weights, pending, candidates, trials, closest, blockPotential } = task;
  const start = b * task.blockRows;
  const end = Math.min(task.n, start + task.blockRows);
  if (wasm !== null) {
    wasm.seedCandidateRows(
      X.byteOffset,
      d,
      weights?.byteOffset ?? 0,
      pending?.byteOffset ?? 0,
      candidates.byteOffset,
      trials,
      closest.byteOffset,
      blockPotential.byteOffset + b * trials * Float64Array.BYTES_PER_ELEMENT,
      start,
      end,
    );
    return;
  }
  if (pending !== null) {
    for (let i = start; i < end; i++) {
      const distance = squaredDistance(X, i * d, pending, 0, d);
      if (distance < closest[i]!) closest[i] = distance;
    }
  }
  // Candidates outer, rows inner: the block's rows stay in cache across candidates, and each
  // potential is a plain running sum in row order.
  for (let t = 0; t < trials; t++) {
    const co = t * d;
    let potential = 0;
    if (weights === null) {
      for (let i = start; i < end; i++) {
        const distance = squaredDistance(X, i * d, candidates, co, d);
        const previous = closest[i]!;
        potential += previous < distance ? previous : distance;
      }
    } else {
      for (let i = start; i < end; i++) {
        const distance = squaredDistance(X, i * d, candidates, co, d);
        const previous = closest[i]!;
        potential += (previous < distance ? previous : distance) * weights[i]!;
      }
    }
    blockPotential[b * trials + t] = potential;
  }
}
