/**
 * The one squared Euclidean distance every k-means kernel uses, so Lloyd, Hamerly, k-means++,
 * inertia and predict agree bit for bit.
 *
 * Computed directly as sum_f (a_f - b_f)^2 with four partial sums (breaking the floating-point
 * add dependency chain roughly quadruples throughput), not with ||a||^2 - 2 a.b + ||b||^2, which
 * loses digits to cancellation when a point sits near a centre far from the origin.
 */

/** Squared Euclidean distance between a[ao..ao+d) and b[bo..bo+d). */
export function squaredDistance(
  a: Float64Array,
  ao: number,
  b: Float64Array,
  bo: number,
  d: number,
): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let f = 0;
  for (; f + 3 < d; f += 4) {
    const t0 = a[ao + f]! - b[bo + f]!;
    const t1 = a[ao + f + 1]! - b[bo + f + 1]!;
    const t2 = a[ao + f + 2]! - b[bo + f + 2]!;
    const t3 = a[ao + f + 3]! - b[bo + f + 3]!;
    s0 += t0 * t0;
    s1 += t1 * t1;
    s2 += t2 * t2;
    s3 += t3 * t3;
  }
  for (; f < d; f++) {
    const t = a[ao + f]! - b[bo + f]!;
    s0 += t * t;
  }
  return s0 + s1 + (s2 + s3);
}

/** Index of the nearest centre to row `xo` of X (lowest index on ties). */
export function nearestCenter(
  X: Float64Array,
  xo: number,
  centers: Float64Array,
  k: number,
  d: number,
): number {
  let best = 0;
  let bestDistance = Infinity;
  for (let j = 0; j < k; j++) {
    const distance = squaredDistance(X, xo, centers, j * d, d);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = j;
    }
  }
  return best;
}
