/**
 * Ward linkage by the nearest-neighbour chain (Müllner 2011, "Modern hierarchical,
 * agglomerative clustering algorithms", algorithm NN-chain-linkage) without any n x n matrix:
 * each cluster keeps its centroid and size, and the Ward distance between clusters A and B is
 * computed on the fly,
 *
 *   ward(A, B) = sqrt(2 |A| |B| / (|A| + |B|)) ||c_A - c_B||,
 *
 * the height SciPy's `linkage(X, 'ward')` reports. Memory is O(n d); time O(n^2 d) at worst.
 *
 * The inner loop (nearest active cluster of the chain's tip x) minimises the Ward criterion
 * ||c_x - c_i||^2 / (1/|x| + 1/|i|). Two prunings keep it tight:
 * - the centroids are kept sorted by their projection p on the data's principal axis, and the
 *   scan walks outwards from x, stopping on each side once (p_i - p_x)^2 / (1/|x| + 1/s_min)
 *   exceeds the best criterion (s_min = the smallest active cluster size), since a projection
 *   never lengthens a vector;
 * - the squared distance is accumulated four features at a time and abandoned once it exceeds
 *   best * (1/|x| + 1/|i|) (no division for rejected candidates).
 * Centroids live in one flat Float64Array in projection order (merged clusters move a few slots;
 * dead slots are skipped and compacted away once they outnumber the live ones). Ties resolve as
 * in SciPy's `nn_chain`: prefer the chain's previous element, then the lowest id.
 *
 * Notation: X is (n, d); a cluster is named by one of its rows (the larger of the two merged
 * names survives, as in SciPy); m active clusters, L slots (live and dead) in projection order.
 */
import { finishLinkage, type LinkageMatrix } from './linkage-matrix.js';

/**
 * ||a - b||^2 accumulated exactly as in the inner loop (four partial sums), so the criterion is
 * symmetric bit for bit: a chain must see d(A, B) = d(B, A) to stop.
 */
function squaredGap(data: Float64Array, ao: number, bo: number, d: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let f = 0;
  for (; f + 3 < d; f += 4) {
    const t0 = data[ao + f]! - data[bo + f]!;
    const t1 = data[ao + f + 1]! - data[bo + f + 1]!;
    const t2 = data[ao + f + 2]! - data[bo + f + 2]!;
    const t3 = data[ao + f + 3]! - data[bo + f + 3]!;
    s0 += t0 * t0;
    s1 += t1 * t1;
    s2 += t2 * t2;
    s3 += t3 * t3;
  }
  for (; f < d; f++) {
    const diff = data[ao + f]! - data[bo + f]!;
    s0 += diff * diff;
  }
  return s0 + s1 + (s2 + s3);
}

/** Unit principal axis of X's rows (power iteration on the covariance; e_0 if degenerate). */
export function principalAxis(X: Float64Array, n: number, d: number): Float64Array {
  const mean = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let f = 0; f < d; f++) mean[f]! += X[i * d + f]! / n;
  const covariance = new Float64Array(d * d);
  for (let i = 0; i < n; i++)
    for (let f = 0; f < d; f++) {
      const a = X[i * d + f]! - mean[f]!;
      for (let g = 0; g < d; g++) covariance[f * d + g]! += a * (X[i * d + g]! - mean[g]!);
    }
  let axis = new Float64Array(d).fill(1 / Math.sqrt(d));
  for (let iteration = 0; iteration < 100; iteration++) {
    const next = new Float64Array(d);
    for (let f = 0; f < d; f++)
      for (let g = 0; g < d; g++) next[f]! += covariance[f * d + g]! * axis[g]!;
    let norm = 0;
    for (let f = 0; f < d; f++) norm += next[f]! * next[f]!;
    norm = Math.sqrt(norm);
    if (!(norm > 0) || !Number.isFinite(norm)) {
      axis = new Float64Array(d);
      axis[0] = 1;
      break;
    }
    for (let f = 0; f < d; f++) next[f]! /= norm;
    axis = next;
  }
  return axis;
}

/**
 * Ward linkage of the rows of X (finite, n >= 1) in SciPy's format.
 * @param X - row-major data, shape (n, d).
 */
export function wardChainKernel(X: Float64Array, n: number, d: number): LinkageMatrix {
  const first = new Int32Array(Math.max(0, n - 1));
  const second = new Int32Array(Math.max(0, n - 1));
  const height = new Float64Array(Math.max(0, n - 1));
  if (n < 2) return finishLinkage(first, second, height);
  const axis = principalAxis(X, n, d);
  const project = (data: Float64Array, offset: number): number => {
    let p = 0;
    for (let f = 0; f < d; f++) p += data[offset + f]! * axis[f]!;
    return p;
  };

  // Slots in projection order: id, centroid, 1 / size, projection. id -1 marks a dead slot.
  let slots = 0;
  const slotId = new Int32Array(n);
  const centers = new Float64Array(n * d);
  const inverseSize = new Float64Array(n);
  const projection = new Float64Array(n);
  const position = new Int32Array(n);
  {
    const raw = new Float64Array(n);
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      raw[i] = project(X, i * d);
      order[i] = i;
    }
    order.sort((a, b) => raw[a]! - raw[b]! || a - b);
    for (let q = 0; q < n; q++) {
      const i = order[q]!;
      slotId[q] = i;
      centers.set(X.subarray(i * d, i * d + d), q * d);
      inverseSize[q] = 1;
      projection[q] = raw[i]!;
      position[i] = q;
    }
    slots = n;
  }
  // Rounding slack for the projection bound: |p_i - p_x| may exceed ||c_i - c_x|| by a few ulps.
  let largest = 0;
  for (let q = 0; q < n; q++) largest = Math.max(largest, Math.abs(projection[q]!));
  const slack = 1e-12 * (largest + 1);

  const size = new Float64Array(n).fill(1);
  // Active clusters per size, for the smallest active size s_min.
  const sizeCount = new Int32Array(n + 1);
  sizeCount[1] = n;
  let smallest = 1;
  let lowest = 0;
  let dead = 0;
  const chain = new Int32Array(n);
  let chainLength = 0;
  const d4 = d - (d % 4);

  const moveSlot = (from: number, to: number): void => {
    const id = slotId[from]!;
    slotId[to] = id;
    inverseSize[to] = inverseSize[from]!;
    projection[to] = projection[from]!;
    centers.copyWithin(to * d, from * d, from * d + d);
    if (id >= 0) position[id] = to;
  };

  for (let t = 0; t < n - 1; t++) {
    if (chainLength === 0) {
      while (size[lowest] === 0) lowest++;
      chain[0] = lowest;
      chainLength = 1;
    }
    let x = 0;
    let y = -1;
    let best = Infinity;
    for (;;) {
      x = chain[chainLength - 1]!;
      const px = position[x]!;
      const xo = px * d;
      const inverseX = inverseSize[px]!;
      const reach = inverseX + 1 / smallest;
      const projectionX = projection[px]!;
      best = Infinity;
      y = -1;
      let previous = -1;
      if (chainLength > 1) {
        previous = chain[chainLength - 2]!;
        const pp = position[previous]!;
        y = previous;
        best = squaredGap(centers, xo, pp * d, d) / (inverseX + inverseSize[pp]!);
      }
      for (let direction = -1; direction <= 1; direction += 2) {
        for (let q = px + direction; q >= 0 && q < slots; q += direction) {
          const i = slotId[q]!;
          if (i < 0) continue;
          const gap = Math.abs(projection[q]! - projectionX) - slack;
          if (gap > 0 && gap * gap > best * reach) break;
          const scale = inverseX + inverseSize[q]!;
          const limit = best * scale;
          const io = q * d;
          let s0 = 0;
          let s1 = 0;
          let s2 = 0;
          let s3 = 0;
          let f = 0;
          let rejected = false;
          for (; f < d4; f += 4) {
            const t0 = centers[xo + f]! - centers[io + f]!;
            const t1 = centers[xo + f + 1]! - centers[io + f + 1]!;
            const t2 = centers[xo + f + 2]! - centers[io + f + 2]!;
            const t3 = centers[xo + f + 3]! - centers[io + f + 3]!;
            s0 += t0 * t0;
            s1 += t1 * t1;
            s2 += t2 * t2;
            s3 += t3 * t3;
            if (s0 + s1 + (s2 + s3) > limit) {
              rejected = true;
              break;
            }
          }
          if (rejected) continue;
          for (; f < d; f++) {
            const diff = centers[xo + f]! - centers[io + f]!;
            s0 += diff * diff;
          }
          const criterion = (s0 + s1 + (s2 + s3)) / scale;
          if (criterion < best || (criterion === best && y !== previous && i < y)) {
            best = criterion;
            y = i;
          }
        }
      }
      if (chainLength > 1 && y === previous) break;
      chain[chainLength++] = y;
    }
    chainLength -= 2;
    if (x > y) {
      const swap = x;
      x = y;
      y = swap;
    }
    first[t] = x;
    second[t] = y;
    height[t] = Math.sqrt(2 * best);

    // Merge x into y: y's centroid becomes the size-weighted mean, x's slot dies.
    const nx = size[x]!;
    const ny = size[y]!;
    const total = nx + ny;
    sizeCount[nx]!--;
    sizeCount[ny]!--;
    sizeCount[total]!++;
    while (sizeCount[smallest] === 0 && smallest < n) smallest++;
    size[x] = 0;
    size[y] = total;
    const slotX = position[x]!;
    slotId[slotX] = -1;
    dead++;
    let q = position[y]!;
    const xo = slotX * d;
    const yo = q * d;
    for (let f = 0; f < d; f++)
      centers[yo + f] = (nx * centers[xo + f]! + ny * centers[yo + f]!) / total;
    inverseSize[q] = 1 / total;
    const moved = project(centers, yo);
    projection[q] = moved;
    // Slide y's slot to its place in projection order (live slots stay sorted).
    const spareCenter = centers.slice(yo, yo + d);
    const spareInverse = inverseSize[q]!;
    while (q + 1 < slots && (slotId[q + 1]! < 0 || projection[q + 1]! < moved)) {
      moveSlot(q + 1, q);
      q++;
    }
    while (q > 0 && (slotId[q - 1]! < 0 || projection[q - 1]! > moved)) {
      moveSlot(q - 1, q);
      q--;
    }
    slotId[q] = y;
    position[y] = q;
    inverseSize[q] = spareInverse;
    projection[q] = moved;
    centers.set(spareCenter, q * d);

    if (dead * 2 > slots) {
      let live = 0;
      for (let r = 0; r < slots; r++) if (slotId[r]! >= 0) moveSlot(r, live++);
      slots = live;
      dead = 0;
    }
  }
  return finishLinkage(first, second, height);
}
