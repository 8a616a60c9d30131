/**
 * The cost of a row against the k-prototypes prototypes, shared by fitting and prediction so
 * that predict on the training rows reproduces the fitted labels bit for bit.
 *
 * Notation: row i has numeric values x (p) and categorical codes z (m); prototype c has centroid
 * C_c (p) and mode Q_c (m). cost(i, c) = gamma * #{g : z_g != Q_cg} + sum_f (x_f - C_cf)^2,
 * always summed in that order (Huang 1997). Both searches abandon a prototype as soon as its
 * partial cost can no longer matter (partial distance search: the terms are >= 0), and both return
 * the lowest-index prototype among those of minimal cost.
 */

/**
 * Lowest cost (into `best[0]`), second-lowest cost (into `best[1]`) and the nearest prototype of
 * row i. Xc and the modes may hold dense levels or raw codes, as long as both use the same
 * (Int32Array only: one array type keeps this hot function monomorphic).
 */
export function nearestPrototype(
  numeric: Float64Array,
  numericOffset: number,
  p: number,
  categorical: Int32Array,
  categoricalOffset: number,
  m: number,
  centroids: Float64Array,
  modes: Int32Array,
  k: number,
  gamma: number,
  best: Float64Array,
): number {
  let nearest = 0;
  let lowest = Infinity;
  let second = Infinity;
  for (let c = 0; c < k; c++) {
    let mismatches = 0;
    const cm = c * m;
    for (let g = 0; g < m; g++)
      if (categorical[categoricalOffset + g] !== modes[cm + g]) mismatches++;
    let cost = gamma * mismatches;
    const cp = c * p;
    for (let f = 0; f < p && cost < second; f++) {
      const diff = numeric[numericOffset + f]! - centroids[cp + f]!;
      cost += diff * diff;
    }
    if (cost < lowest) {
      second = lowest;
      lowest = cost;
      nearest = c;
    } else if (cost < second) {
      second = cost;
    }
  }
  best[0] = lowest;
  best[1] = second;
  return nearest;
}

/** cost(i, c) abandoned once it exceeds `bound` (then some value > bound is returned). */
function boundedCost(
  numeric: Float64Array,
  numericOffset: number,
  p: number,
  categorical: Int32Array,
  categoricalOffset: number,
  m: number,
  centroids: Float64Array,
  modes: Int32Array,
  c: number,
  gamma: number,
  bound: number,
): number {
  let mismatches = 0;
  const cm = c * m;
  for (let g = 0; g < m; g++)
    if (categorical[categoricalOffset + g] !== modes[cm + g]) mismatches++;
  let cost = gamma * mismatches;
  const cp = c * p;
  for (let f = 0; f < p && cost <= bound; f++) {
    const diff = numeric[numericOffset + f]! - centroids[cp + f]!;
    cost += diff * diff;
  }
  return cost;
}

/**
 * The nearest prototype of row i and its cost (into `best[0]`), the same answer as
 * {@link nearestPrototype}, but evaluating `start` (usually the row's current cluster) first so
 * that its cost prunes the others early.
 */
export function nearestFrom(
  numeric: Float64Array,
  numericOffset: number,
  p: number,
  categorical: Int32Array,
  categoricalOffset: number,
  m: number,
  centroids: Float64Array,
  modes: Int32Array,
  k: number,
  gamma: number,
  start: number,
  best: Float64Array,
): number {
  let nearest = start;
  let lowest = boundedCost(
    numeric,
    numericOffset,
    p,
    categorical,
    categoricalOffset,
    m,
    centroids,
    modes,
    start,
    gamma,
    Infinity,
  );
  for (let c = 0; c < k; c++) {
    if (c === start) continue;
    const cost = boundedCost(
      numeric,
      numericOffset,
      p,
      categorical,
      categoricalOffset,
      m,
      centroids,
      modes,
      c,
      gamma,
      lowest,
    );
    if (cost < lowest || (cost === lowest && c < nearest)) {
      lowest = cost;
      nearest = c;
    }
  }
  best[0] = lowest;
  return nearest;
}
