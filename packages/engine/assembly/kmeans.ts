/**
 * WebAssembly SIMD (f64x2) twins of the hot k-means kernels, compiled by AssemblyScript during the
 * engine build (`build.mjs`) and embedded as bytes in `src/wasm/kmeans-wasm-bytes.ts`.
 *
 * Notation: X is (n, d) row-major float64, C is (k, d), a(i) the label of row i (int32), u(i) and
 * l(i) Hamerly's bounds, s(j) half the distance from c_j to its nearest other centre, w(i) the
 * sample weights, D(i)^2 the k-means++ closest squared distance. Every pointer is a byte offset
 * into the one imported (shared) memory; 0 stands for "null" (the allocator never hands out 0).
 *
 * Results are bit-identical to the TypeScript kernels (`src/cluster/kmeans-assign.ts`,
 * `kmeans-plus-plus-kernel.ts`, `kmeans-kernels.ts`): the squared distance keeps the four partial
 * sums s0..s3 over f mod 4 in two f64x2 accumulators (lanes f % 4 = 0, 1 and 2, 3), the tail goes
 * into s0, and the result is s0 + s1 + (s2 + s3), exactly the TypeScript order. SIMD lanes are
 * IEEE-754 operations without fusion, and every other reduction runs in the same order as in
 * TypeScript. Hamerly (2010), "Making k-means even faster", SIAM SDM; Arthur & Vassilvitskii
 * (2007), "k-means++", SODA.
 */

/** Relative safety margin on the pruning tests (as `PRUNE_MARGIN` in kmeans-assign.ts). */
const PRUNE_MARGIN: f64 = 1e-9;

/** sum_f (a_f - b_f)^2 over d features: four partial sums in two f64x2 accumulators. */
function squaredDistance(a: usize, b: usize, d: i32): f64 {
  let acc01 = f64x2.splat(0.0);
  let acc23 = f64x2.splat(0.0);
  let f = 0;
  let pa = a;
  let pb = b;
  for (; f + 3 < d; f += 4) {
    const t01 = f64x2.sub(v128.load(pa), v128.load(pb));
    const t23 = f64x2.sub(v128.load(pa, 16), v128.load(pb, 16));
    acc01 = f64x2.add(acc01, f64x2.mul(t01, t01));
    acc23 = f64x2.add(acc23, f64x2.mul(t23, t23));
    pa += 32;
    pb += 32;
  }
  let s0 = f64x2.extract_lane(acc01, 0);
  for (; f < d; f++) {
    const t = load<f64>(pa) - load<f64>(pb);
    s0 += t * t;
    pa += 8;
    pb += 8;
  }
  return (
    s0 +
    f64x2.extract_lane(acc01, 1) +
    (f64x2.extract_lane(acc23, 0) + f64x2.extract_lane(acc23, 1))
  );
}

/**
 * Two squared distances sharing the loads of x: ||x - c||^2 (lane 0) and ||x - e||^2 (lane 1),
 * each in exactly the order of {@link squaredDistance}.
 */
function squaredDistancePair(x: usize, c: usize, e: usize, d: i32): v128 {
  let c01 = f64x2.splat(0.0);
  let c23 = f64x2.splat(0.0);
  let e01 = f64x2.splat(0.0);
  let e23 = f64x2.splat(0.0);
  let f = 0;
  let px = x;
  let pc = c;
  let pe = e;
  for (; f + 3 < d; f += 4) {
    const x01 = v128.load(px);
    const x23 = v128.load(px, 16);
    const t01 = f64x2.sub(x01, v128.load(pc));
    const t23 = f64x2.sub(x23, v128.load(pc, 16));
    const u01 = f64x2.sub(x01, v128.load(pe));
    const u23 = f64x2.sub(x23, v128.load(pe, 16));
    c01 = f64x2.add(c01, f64x2.mul(t01, t01));
    c23 = f64x2.add(c23, f64x2.mul(t23, t23));
    e01 = f64x2.add(e01, f64x2.mul(u01, u01));
    e23 = f64x2.add(e23, f64x2.mul(u23, u23));
    px += 32;
    pc += 32;
    pe += 32;
  }
  let sc = f64x2.extract_lane(c01, 0);
  let se = f64x2.extract_lane(e01, 0);
  for (; f < d; f++) {
    const xf = load<f64>(px);
    const t = xf - load<f64>(pc);
    const u = xf - load<f64>(pe);
    sc += t * t;
    se += u * u;
    px += 8;
    pc += 8;
    pe += 8;
  }
  const first =
    sc + f64x2.extract_lane(c01, 1) + (f64x2.extract_lane(c23, 0) + f64x2.extract_lane(c23, 1));
  const second =
    se + f64x2.extract_lane(e01, 1) + (f64x2.extract_lane(e23, 0) + f64x2.extract_lane(e23, 1));
  return f64x2.replace_lane(f64x2.splat(first), 1, second);
}

// Full scan state, written by `scan` (module globals: wasm functions return one value).
let scanBest: i32 = 0;
let scanBestDistance: f64 = 0;
let scanSecond: f64 = 0;

/**
 * Nearest and second-nearest centre of row x over all k centres, in centre order (lowest index
 * wins ties): the comparison sequence of `lloydRows` in kmeans-assign.ts. When `own >= 0`,
 * centre `label`'s distance is `own` instead of being recomputed (Hamerly's full scan).
 */
function scan(x: usize, centers: usize, k: i32, d: i32, label: i32, own: f64): void {
  let best = 0;
  let bestDistance = Infinity;
  let second = Infinity;
  const stride = (<usize>d) << 3;
  // Four centres per pass share the loads of x (eight independent accumulator chains); each
  // distance keeps the exact order of squaredDistance. Updates are branch-free selects, in centre
  // order, with the same outcome as `if (<best) {...} else if (<second) {...}`.
  let j = 0;
  for (; j + 3 < k; j += 4) {
    let a01 = f64x2.splat(0.0);
    let a23 = f64x2.splat(0.0);
    let b01 = f64x2.splat(0.0);
    let b23 = f64x2.splat(0.0);
    let e01 = f64x2.splat(0.0);
    let e23 = f64x2.splat(0.0);
    let g01 = f64x2.splat(0.0);
    let g23 = f64x2.splat(0.0);
    let f = 0;
    let px = x;
    let pa = centers + <usize>j * stride;
    let pb = pa + stride;
    let pe = pb + stride;
    let pg = pe + stride;
    for (; f + 3 < d; f += 4) {
      const x01 = v128.load(px);
      const x23 = v128.load(px, 16);
      let t01 = f64x2.sub(x01, v128.load(pa));
      let t23 = f64x2.sub(x23, v128.load(pa, 16));
      a01 = f64x2.add(a01, f64x2.mul(t01, t01));
      a23 = f64x2.add(a23, f64x2.mul(t23, t23));
      t01 = f64x2.sub(x01, v128.load(pb));
      t23 = f64x2.sub(x23, v128.load(pb, 16));
      b01 = f64x2.add(b01, f64x2.mul(t01, t01));
      b23 = f64x2.add(b23, f64x2.mul(t23, t23));
      t01 = f64x2.sub(x01, v128.load(pe));
      t23 = f64x2.sub(x23, v128.load(pe, 16));
      e01 = f64x2.add(e01, f64x2.mul(t01, t01));
      e23 = f64x2.add(e23, f64x2.mul(t23, t23));
      t01 = f64x2.sub(x01, v128.load(pg));
      t23 = f64x2.sub(x23, v128.load(pg, 16));
      g01 = f64x2.add(g01, f64x2.mul(t01, t01));
      g23 = f64x2.add(g23, f64x2.mul(t23, t23));
      px += 32;
      pa += 32;
      pb += 32;
      pe += 32;
      pg += 32;
    }
    let sa = f64x2.extract_lane(a01, 0);
    let sb = f64x2.extract_lane(b01, 0);
    let se = f64x2.extract_lane(e01, 0);
    let sg = f64x2.extract_lane(g01, 0);
    for (; f < d; f++) {
      const xf = load<f64>(px);
      let t = xf - load<f64>(pa);
      sa += t * t;
      t = xf - load<f64>(pb);
      sb += t * t;
      t = xf - load<f64>(pe);
      se += t * t;
      t = xf - load<f64>(pg);
      sg += t * t;
      px += 8;
      pa += 8;
      pb += 8;
      pe += 8;
      pg += 8;
    }
    const d0 =
      j === label
        ? own
        : sa +
          f64x2.extract_lane(a01, 1) +
          (f64x2.extract_lane(a23, 0) + f64x2.extract_lane(a23, 1));
    const d1 =
      j + 1 === label
        ? own
        : sb +
          f64x2.extract_lane(b01, 1) +
          (f64x2.extract_lane(b23, 0) + f64x2.extract_lane(b23, 1));
    const d2 =
      j + 2 === label
        ? own
        : se +
          f64x2.extract_lane(e01, 1) +
          (f64x2.extract_lane(e23, 0) + f64x2.extract_lane(e23, 1));
    const d3 =
      j + 3 === label
        ? own
        : sg +
          f64x2.extract_lane(g01, 1) +
          (f64x2.extract_lane(g23, 0) + f64x2.extract_lane(g23, 1));
    let c = d0 < bestDistance;
    second = select<f64>(bestDistance, select<f64>(d0, second, d0 < second), c);
    bestDistance = select<f64>(d0, bestDistance, c);
    best = select<i32>(j, best, c);
    c = d1 < bestDistance;
    second = select<f64>(bestDistance, select<f64>(d1, second, d1 < second), c);
    bestDistance = select<f64>(d1, bestDistance, c);
    best = select<i32>(j + 1, best, c);
    c = d2 < bestDistance;
    second = select<f64>(bestDistance, select<f64>(d2, second, d2 < second), c);
    bestDistance = select<f64>(d2, bestDistance, c);
    best = select<i32>(j + 2, best, c);
    c = d3 < bestDistance;
    second = select<f64>(bestDistance, select<f64>(d3, second, d3 < second), c);
    bestDistance = select<f64>(d3, bestDistance, c);
    best = select<i32>(j + 3, best, c);
  }
  if (j + 1 < k) {
    const pair = squaredDistancePair(
      x,
      centers + <usize>j * stride,
      centers + <usize>(j + 1) * stride,
      d,
    );
    const d0 = j === label ? own : f64x2.extract_lane(pair, 0);
    let c = d0 < bestDistance;
    second = select<f64>(bestDistance, select<f64>(d0, second, d0 < second), c);
    bestDistance = select<f64>(d0, bestDistance, c);
    best = select<i32>(j, best, c);
    const d1 = j + 1 === label ? own : f64x2.extract_lane(pair, 1);
    c = d1 < bestDistance;
    second = select<f64>(bestDistance, select<f64>(d1, second, d1 < second), c);
    bestDistance = select<f64>(d1, bestDistance, c);
    best = select<i32>(j + 1, best, c);
    j += 2;
  }
  for (; j < k; j++) {
    const last = j === label ? own : squaredDistance(x, centers + <usize>j * stride, d);
    const lastCloser = last < bestDistance;
    second = select<f64>(bestDistance, select<f64>(last, second, last < second), lastCloser);
    bestDistance = select<f64>(last, bestDistance, lastCloser);
    best = select<i32>(j, best, lastCloser);
  }
  scanBest = best;
  scanBestDistance = bestDistance;
  scanSecond = second;
}

/**
 * Moves row x from cluster `from` to cluster `to` in a block's unit-weight centroid sums (k * d)
 * and counts (k), exactly as `moveRows` in kmeans-kernels.ts: a cluster left empty is reset to
 * exact zeros. Called in row order as labels change, which is the order `moveRows` uses.
 */
function moveRow(x: usize, d: i32, from: i32, to: i32, sums: usize, counts: usize): void {
  const stride = (<usize>d) << 3;
  const fromAt = counts + ((<usize>from) << 3);
  const remaining = load<f64>(fromAt) - 1;
  store<f64>(fromAt, remaining);
  const fromSums = sums + <usize>from * stride;
  const toSums = sums + <usize>to * stride;
  let f = 0;
  if (remaining === 0) {
    memory.fill(fromSums, 0, stride);
  } else {
    for (; f + 1 < d; f += 2) {
      const at = fromSums + ((<usize>f) << 3);
      v128.store(at, f64x2.sub(v128.load(at), v128.load(x + ((<usize>f) << 3))));
    }
    if (f < d) {
      const at = fromSums + ((<usize>f) << 3);
      store<f64>(at, load<f64>(at) - load<f64>(x + ((<usize>f) << 3)));
    }
  }
  const toAt = counts + ((<usize>to) << 3);
  store<f64>(toAt, load<f64>(toAt) + 1);
  for (f = 0; f + 1 < d; f += 2) {
    const at = toSums + ((<usize>f) << 3);
    v128.store(at, f64x2.add(v128.load(at), v128.load(x + ((<usize>f) << 3))));
  }
  if (f < d) {
    const at = toSums + ((<usize>f) << 3);
    store<f64>(at, load<f64>(at) + load<f64>(x + ((<usize>f) << 3)));
  }
}

/**
 * Lloyd: labels of rows [start, end) by full scan; bounds too when `upper` != 0; when `sums` != 0
 * each relabelled row is moved between the block's centroid sums (see {@link moveRow}). Returns
 * the number of changed labels.
 */
export function lloydRows(
  X: usize,
  d: i32,
  k: i32,
  centers: usize,
  labels: usize,
  upper: usize,
  lower: usize,
  sums: usize,
  counts: usize,
  start: i32,
  end: i32,
): i32 {
  let changed = 0;
  const stride = (<usize>d) << 3;
  for (let i = start; i < end; i++) {
    const x = X + <usize>i * stride;
    scan(x, centers, k, d, -1, 0);
    const labelAt = labels + ((<usize>i) << 2);
    const previous = load<i32>(labelAt);
    if (previous !== scanBest) {
      changed++;
      store<i32>(labelAt, scanBest);
      if (sums !== 0) moveRow(x, d, previous, scanBest, sums, counts);
    }
    if (upper !== 0 && lower !== 0) {
      store<f64>(upper + ((<usize>i) << 3), Math.sqrt(scanBestDistance));
      store<f64>(lower + ((<usize>i) << 3), Math.sqrt(scanSecond));
    }
  }
  return changed;
}

/**
 * Hamerly: labels and bounds of rows [start, end), distances only where the bounds fail; block
 * sums moved as in {@link lloydRows}.
 */
export function hamerlyRows(
  X: usize,
  d: i32,
  k: i32,
  centers: usize,
  labels: usize,
  upper: usize,
  lower: usize,
  shifts: usize,
  halfSeparation: usize,
  maxShift: f64,
  maxShiftIndex: i32,
  secondMaxShift: f64,
  sums: usize,
  counts: usize,
  start: i32,
  end: i32,
): i32 {
  let changed = 0;
  const stride = (<usize>d) << 3;
  for (let i = start; i < end; i++) {
    const labelAt = labels + ((<usize>i) << 2);
    const upperAt = upper + ((<usize>i) << 3);
    const lowerAt = lower + ((<usize>i) << 3);
    const label = load<i32>(labelAt);
    let u = load<f64>(upperAt) + load<f64>(shifts + ((<usize>label) << 3));
    let l = load<f64>(lowerAt) - (label === maxShiftIndex ? secondMaxShift : maxShift);
    const s = load<f64>(halfSeparation + ((<usize>label) << 3));
    const m = s > l ? s : l;
    if (u > m - PRUNE_MARGIN * (u + m)) {
      const x = X + <usize>i * stride;
      const own = squaredDistance(x, centers + <usize>label * stride, d);
      u = Math.sqrt(own);
      if (u > m - PRUNE_MARGIN * (u + m)) {
        scan(x, centers, k, d, label, own);
        u = Math.sqrt(scanBestDistance);
        l = Math.sqrt(scanSecond);
        if (scanBest !== label) {
          changed++;
          store<i32>(labelAt, scanBest);
          if (sums !== 0) moveRow(x, d, label, scanBest, sums, counts);
        }
      }
    }
    store<f64>(upperAt, u);
    store<f64>(lowerAt, l);
  }
  return changed;
}

/** Weighted inertia of rows [start, end) in row order (weights 0: unit weights). */
export function inertiaRows(
  X: usize,
  d: i32,
  centers: usize,
  labels: usize,
  weights: usize,
  start: i32,
  end: i32,
): f64 {
  const stride = (<usize>d) << 3;
  let total: f64 = 0;
  for (let i = start; i < end; i++) {
    const label = load<i32>(labels + ((<usize>i) << 2));
    const distance = squaredDistance(X + <usize>i * stride, centers + <usize>label * stride, d);
    total += weights === 0 ? distance : distance * load<f64>(weights + ((<usize>i) << 3));
  }
  return total;
}

/** Squared distance of each row of [start, end) to its labelled centre, into `output` (n). */
export function pointDistanceRows(
  X: usize,
  d: i32,
  centers: usize,
  labels: usize,
  output: usize,
  start: i32,
  end: i32,
): void {
  const stride = (<usize>d) << 3;
  for (let i = start; i < end; i++) {
    const label = load<i32>(labels + ((<usize>i) << 2));
    store<f64>(
      output + ((<usize>i) << 3),
      squaredDistance(X + <usize>i * stride, centers + <usize>label * stride, d),
    );
  }
}

/** k-means++ first centre: D(i)^2 = ||x_i - c||^2 into `closest`; returns the block potential. */
export function seedFirstRows(
  X: usize,
  d: i32,
  weights: usize,
  center: usize,
  closest: usize,
  start: i32,
  end: i32,
): f64 {
  const stride = (<usize>d) << 3;
  let potential: f64 = 0;
  for (let i = start; i < end; i++) {
    const distance = squaredDistance(X + <usize>i * stride, center, d);
    store<f64>(closest + ((<usize>i) << 3), distance);
    potential += weights === 0 ? distance : distance * load<f64>(weights + ((<usize>i) << 3));
  }
  return potential;
}

/**
 * k-means++ step on rows [start, end): fold `pending` (0: none) into D^2, then the potential
 * sum_i w(i) min(D(i)^2, ||x_i - candidate_t||^2) of each of the `trials` candidates, written to
 * `potentials` (trials doubles). Candidates are processed in pairs sharing the loads of x; each
 * potential is still a running sum in row order.
 */
export function seedCandidateRows(
  X: usize,
  d: i32,
  weights: usize,
  pending: usize,
  candidates: usize,
  trials: i32,
  closest: usize,
  potentials: usize,
  start: i32,
  end: i32,
): void {
  const stride = (<usize>d) << 3;
  if (pending !== 0) {
    for (let i = start; i < end; i++) {
      const distance = squaredDistance(X + <usize>i * stride, pending, d);
      const at = closest + ((<usize>i) << 3);
      if (distance < load<f64>(at)) store<f64>(at, distance);
    }
  }
  let t = 0;
  for (; t + 1 < trials; t += 2) {
    const first = candidates + <usize>t * stride;
    const second = first + stride;
    let potentialFirst: f64 = 0;
    let potentialSecond: f64 = 0;
    for (let i = start; i < end; i++) {
      const pair = squaredDistancePair(X + <usize>i * stride, first, second, d);
      const previous = load<f64>(closest + ((<usize>i) << 3));
      const a = f64x2.extract_lane(pair, 0);
      const b = f64x2.extract_lane(pair, 1);
      const w: f64 = weights === 0 ? 1 : load<f64>(weights + ((<usize>i) << 3));
      if (weights === 0) {
        potentialFirst += previous < a ? previous : a;
        potentialSecond += previous < b ? previous : b;
      } else {
        potentialFirst += (previous < a ? previous : a) * w;
        potentialSecond += (previous < b ? previous : b) * w;
      }
    }
    store<f64>(potentials + ((<usize>t) << 3), potentialFirst);
    store<f64>(potentials + ((<usize>(t + 1)) << 3), potentialSecond);
  }
  if (t < trials) {
    const candidate = candidates + <usize>t * stride;
    let potential: f64 = 0;
    for (let i = start; i < end; i++) {
      const distance = squaredDistance(X + <usize>i * stride, candidate, d);
      const previous = load<f64>(closest + ((<usize>i) << 3));
      const nearest = previous < distance ? previous : distance;
      potential += weights === 0 ? nearest : nearest * load<f64>(weights + ((<usize>i) << 3));
    }
    store<f64>(potentials + ((<usize>t) << 3), potential);
  }
}

/**
 * {@link hamerlyRows} (`hamerly` != 0) or {@link lloydRows} over blocks [first, end) of
 * `blockRows` rows, one call for a whole range (calls from JavaScript cost ~1 us each): writes
 * each block's changed-label count to `blockChanged` (f64) and, when `incremental` != 0, moves
 * relabelled rows between that block's sums (`blockSums` + b * k * d doubles) and counts
 * (`blockWeights` + b * k doubles).
 */
export function assignBlocks(
  hamerly: i32,
  X: usize,
  n: i32,
  d: i32,
  k: i32,
  centers: usize,
  labels: usize,
  upper: usize,
  lower: usize,
  shifts: usize,
  halfSeparation: usize,
  maxShift: f64,
  maxShiftIndex: i32,
  secondMaxShift: f64,
  incremental: i32,
  blockSums: usize,
  blockWeights: usize,
  blockChanged: usize,
  blockRows: i32,
  first: i32,
  end: i32,
): void {
  const sumsBytes = (<usize>k * <usize>d) << 3;
  const countsBytes = (<usize>k) << 3;
  for (let b = first; b < end; b++) {
    const start = b * blockRows;
    const stop = min(n, start + blockRows);
    const sums = incremental !== 0 ? blockSums + <usize>b * sumsBytes : 0;
    const counts = incremental !== 0 ? blockWeights + <usize>b * countsBytes : 0;
    const changed =
      hamerly !== 0
        ? hamerlyRows(
            X,
            d,
            k,
            centers,
            labels,
            upper,
            lower,
            shifts,
            halfSeparation,
            maxShift,
            maxShiftIndex,
            secondMaxShift,
            sums,
            counts,
            start,
            stop,
          )
        : lloydRows(X, d, k, centers, labels, upper, lower, sums, counts, start, stop);
    store<f64>(blockChanged + ((<usize>b) << 3), <f64>changed);
  }
}

/** {@link seedFirstRows} over blocks [first, end): each block's potential into `blockPotential`. */
export function seedFirstBlocks(
  X: usize,
  n: i32,
  d: i32,
  weights: usize,
  center: usize,
  closest: usize,
  blockPotential: usize,
  blockRows: i32,
  first: i32,
  end: i32,
): void {
  for (let b = first; b < end; b++) {
    const start = b * blockRows;
    const potential = seedFirstRows(
      X,
      d,
      weights,
      center,
      closest,
      start,
      min(n, start + blockRows),
    );
    store<f64>(blockPotential + ((<usize>b) << 3), potential);
  }
}

/** {@link seedCandidateRows} over blocks [first, end) (potentials at `blockPotential` + b * trials). */
export function seedCandidateBlocks(
  X: usize,
  n: i32,
  d: i32,
  weights: usize,
  pending: usize,
  candidates: usize,
  trials: i32,
  closest: usize,
  blockPotential: usize,
  blockRows: i32,
  first: i32,
  end: i32,
): void {
  for (let b = first; b < end; b++) {
    const start = b * blockRows;
    const potentials = blockPotential + ((<usize>b * <usize>trials) << 3);
    seedCandidateRows(
      X,
      d,
      weights,
      pending,
      candidates,
      trials,
      closest,
      potentials,
      start,
      min(n, start + blockRows),
    );
  }
}

/** Weighted inertia of each block of [first, end) into `blockOutput` (see {@link inertiaRows}). */
export function inertiaBlocks(
  X: usize,
  n: i32,
  d: i32,
  centers: usize,
  labels: usize,
  weights: usize,
  blockOutput: usize,
  blockRows: i32,
  first: i32,
  end: i32,
): void {
  for (let b = first; b < end; b++) {
    const start = b * blockRows;
    const total = inertiaRows(X, d, centers, labels, weights, start, min(n, start + blockRows));
    store<f64>(blockOutput + ((<usize>b) << 3), total);
  }
}

/**
 * Mean over features of the population variance of X, exactly as `meanVariance` in
 * kmeans-prepare.ts: per-feature sums in row order (f64x2 over pairs of features keeps each
 * feature's own order), means, then per-feature sums of squared deviations in row order, then
 * sum_f squares_f / n in feature order, divided by d. `mean` and `squares` are zeroed scratch of
 * d doubles each. Non-finite values make the result non-finite.
 */
export function meanVariance(X: usize, n: i32, d: i32, mean: usize, squares: usize): f64 {
  const stride = (<usize>d) << 3;
  const pairs = d & ~1;
  for (let i = 0; i < n; i++) {
    const row = X + <usize>i * stride;
    let f = 0;
    for (; f < pairs; f += 2) {
      const at = mean + ((<usize>f) << 3);
      v128.store(at, f64x2.add(v128.load(at), v128.load(row + ((<usize>f) << 3))));
    }
    if (f < d) {
      const at = mean + ((<usize>f) << 3);
      store<f64>(at, load<f64>(at) + load<f64>(row + ((<usize>f) << 3)));
    }
  }
  const count = <f64>n;
  for (let f = 0; f < d; f++) {
    const at = mean + ((<usize>f) << 3);
    store<f64>(at, load<f64>(at) / count);
  }
  for (let i = 0; i < n; i++) {
    const row = X + <usize>i * stride;
    let f = 0;
    for (; f < pairs; f += 2) {
      const at = squares + ((<usize>f) << 3);
      const t = f64x2.sub(v128.load(row + ((<usize>f) << 3)), v128.load(mean + ((<usize>f) << 3)));
      v128.store(at, f64x2.add(v128.load(at), f64x2.mul(t, t)));
    }
    if (f < d) {
      const at = squares + ((<usize>f) << 3);
      const t = load<f64>(row + ((<usize>f) << 3)) - load<f64>(mean + ((<usize>f) << 3));
      store<f64>(at, load<f64>(at) + t * t);
    }
  }
  let total: f64 = 0;
  for (let f = 0; f < d; f++) total += load<f64>(squares + ((<usize>f) << 3)) / count;
  return total / <f64>d;
}

/** 1 when all `count` doubles at `values` are finite (x - x is 0 exactly for finite x). */
export function allFinite(values: usize, count: i32): i32 {
  let acc = f64x2.splat(0.0);
  let p = values;
  let i = 0;
  for (; i + 1 < count; i += 2) {
    const v = v128.load(p);
    acc = f64x2.add(acc, f64x2.sub(v, v));
    p += 16;
  }
  let tail: f64 = 0;
  if (i < count) {
    const v = load<f64>(p);
    tail = v - v;
  }
  return <i32>(f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1) + tail === 0);
}

/**
 * Centroid sums and weights over blocks, in block order (`reduceBlocks` in kmeans-run.ts):
 * sums (k * d) = sum_b blockSums[b], weights (k) = sum_b blockWeights[b]. Element-wise, so the
 * f64x2 adds keep every element's own order. `sums` and `weights` are overwritten.
 */
export function reduceBlocks(
  blockSums: usize,
  blockWeights: usize,
  blockCount: i32,
  k: i32,
  d: i32,
  sums: usize,
  weights: usize,
): void {
  const kd = k * d;
  memory.fill(sums, 0, (<usize>kd) << 3);
  memory.fill(weights, 0, (<usize>k) << 3);
  for (let b = 0; b < blockCount; b++) {
    addInto(sums, blockSums + ((<usize>b * <usize>kd) << 3), kd);
    addInto(weights, blockWeights + ((<usize>b * <usize>k) << 3), k);
  }
}

/** target[p] += source[p] for p < count. */
function addInto(target: usize, source: usize, count: i32): void {
  let p = 0;
  for (; p + 1 < count; p += 2) {
    const at = target + ((<usize>p) << 3);
    v128.store(at, f64x2.add(v128.load(at), v128.load(source + ((<usize>p) << 3))));
  }
  if (p < count) {
    const at = target + ((<usize>p) << 3);
    store<f64>(at, load<f64>(at) + load<f64>(source + ((<usize>p) << 3)));
  }
}
