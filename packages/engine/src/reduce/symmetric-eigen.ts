/**
 * Eigendecomposition of a small dense symmetric matrix by the cyclic Jacobi method (Jacobi 1846;
 * Rutishauser 1971, "Handbook for Automatic Computation II", contribution II/1; Golub & Van Loan,
 * "Matrix Computations", 4th ed., section 8.5). Each rotation zeroes one off-diagonal entry;
 * sweeps over all pairs converge quadratically, and the result is accurate to a few ulps of
 * ||A|| in eigenvalues and orthonormal to machine precision in eigenvectors.
 *
 * Notation: A is (d, d) symmetric, row-major. Cost O(d^3) per sweep, usually 6-10 sweeps:
 * instant for d <= 100, a few seconds at d = 1000.
 */

/** Eigenvalues in descending order and the matching unit eigenvectors. */
export interface SymmetricEigen {
  /** Eigenvalues, descending, length d. */
  readonly values: Float64Array;
  /** Eigenvectors as ROWS, shape (d, d) row-major: row j pairs with `values[j]`. */
  readonly vectors: Float64Array;
}

const MAX_SWEEPS = 100;

/**
 * Eigenvalues and eigenvectors of the symmetric (d, d) matrix `A` (not modified; only its upper
 * triangle is read). Ties keep the lower original index first, so the order is deterministic.
 */
export function symmetricEigen(A: Float64Array, d: number): SymmetricEigen {
  const a = new Float64Array(d * d);
  for (let p = 0; p < d; p++) {
    for (let q = p; q < d; q++) {
      a[p * d + q] = A[p * d + q]!;
      a[q * d + p] = A[p * d + q]!;
    }
  }
  // v holds eigenvectors as columns while rotating.
  const v = new Float64Array(d * d);
  for (let p = 0; p < d; p++) v[p * d + p] = 1;
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let off = 0;
    for (let p = 0; p < d; p++) for (let q = p + 1; q < d; q++) off += a[p * d + q]! ** 2;
    if (off === 0) break;
    for (let p = 0; p < d - 1; p++) {
      for (let q = p + 1; q < d; q++) {
        const apq = a[p * d + q]!;
        if (apq === 0) continue;
        const app = a[p * d + p]!;
        const aqq = a[q * d + q]!;
        // Negligible against both diagonal entries: set to zero (Numerical Recipes' test).
        const small = 1e2 * Math.abs(apq);
        if (
          sweep > 3 &&
          Math.abs(app) + small === Math.abs(app) &&
          Math.abs(aqq) + small === Math.abs(aqq)
        ) {
          a[p * d + q] = 0;
          a[q * d + p] = 0;
          continue;
        }
        // Rotation angle: t = tan(phi), the smaller root for stability.
        const theta = (aqq - app) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < d; r++) {
          if (r === p || r === q) continue;
          const arp = a[r * d + p]!;
          const arq = a[r * d + q]!;
          const newP = c * arp - s * arq;
          const newQ = s * arp + c * arq;
          a[r * d + p] = newP;
          a[p * d + r] = newP;
          a[r * d + q] = newQ;
          a[q * d + r] = newQ;
        }
        a[p * d + p] = app - t * apq;
        a[q * d + q] = aqq + t * apq;
        a[p * d + q] = 0;
        a[q * d + p] = 0;
        for (let r = 0; r < d; r++) {
          const vrp = v[r * d + p]!;
          const vrq = v[r * d + q]!;
          v[r * d + p] = c * vrp - s * vrq;
          v[r * d + q] = s * vrp + c * vrq;
        }
      }
    }
  }
  const order = Array.from({ length: d }, (_, j) => j).sort(
    (i, j) => a[j * d + j]! - a[i * d + i]! || i - j,
  );
  const values = new Float64Array(d);
  const vectors = new Float64Array(d * d);
  order.forEach((j, rank) => {
    values[rank] = a[j * d + j]!;
    for (let r = 0; r < d; r++) vectors[rank * d + r] = v[r * d + j]!;
  });
  return { values, vectors };
}
