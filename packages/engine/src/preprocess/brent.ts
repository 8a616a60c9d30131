/**
 * Scalar minimisation, a line-by-line port of scipy 1.10's `optimize.bracket` (golden-section
 * expansion with parabolic extrapolation, grow limit 110) followed by `optimize.Brent.optimize`
 * (Brent 1973, "Algorithms for Minimization without Derivatives", ch. 5: golden section plus
 * inverse parabolic interpolation; tol = 1.48e-8 relative, mintol = 1e-11, maxiter = 500).
 * Porting scipy's exact control flow, not just the method, makes scikit-learn's
 * `PowerTransformer` lambdas reproducible to ~1e-9 instead of to Brent's tolerance.
 *
 * Names: f = objective, (xa, xb, xc) = bracket with f(xb) below f(xa) and f(xc).
 */

/** Result of {@link brentMinimize}. */
export interface BrentResult {
  readonly x: number;
  readonly fx: number;
  readonly iterations: number;
  readonly evaluations: number;
}

const GOLD = 1.618034;
const VERY_SMALL = 1e-21;
const CG = 0.381966;

/**
 * Minimises `f` starting from the two points `xa`, `xb` (scipy `brent(f, brack=(xa, xb))`).
 * @throws Error when bracketing needs more than 1000 iterations (f unbounded below).
 */
export function brentMinimize(
  f: (x: number) => number,
  xa0: number,
  xb0: number,
  tol = 1.48e-8,
  maxIterations = 500,
): BrentResult {
  // --- bracket (scipy.optimize.bracket)
  let xa = xa0;
  let xb = xb0;
  let fa = f(xa);
  let fb = f(xb);
  if (fa < fb) {
    [xa, xb] = [xb, xa];
    [fa, fb] = [fb, fa];
  }
  let xc = xb + GOLD * (xb - xa);
  let fc = f(xc);
  let evaluations = 3;
  let iter = 0;
  const growLimit = 110;
  while (fc < fb) {
    const tmp1 = (xb - xa) * (fb - fc);
    const tmp2 = (xb - xc) * (fb - fa);
    const val = tmp2 - tmp1;
    const denom = Math.abs(val) < VERY_SMALL ? 2 * VERY_SMALL : 2 * val;
    let w = xb - ((xb - xc) * tmp2 - (xb - xa) * tmp1) / denom;
    const wlim = xb + growLimit * (xc - xb);
    if (iter > 1000) throw new Error('brentMinimize: too many bracketing iterations.');
    iter++;
    let fw: number;
    if ((w - xc) * (xb - w) > 0) {
      fw = f(w);
      evaluations++;
      if (fw < fc) {
        xa = xb;
        xb = w;
        fa = fb;
        fb = fw;
        break;
      } else if (fw > fb) {
        xc = w;
        fc = fw;
        break;
      }
      w = xc + GOLD * (xc - xb);
      fw = f(w);
      evaluations++;
    } else if ((w - wlim) * (wlim - xc) >= 0) {
      w = wlim;
      fw = f(w);
      evaluations++;
    } else if ((w - wlim) * (xc - w) > 0) {
      fw = f(w);
      evaluations++;
      if (fw < fc) {
        xb = xc;
        xc = w;
        w = xc + GOLD * (xc - xb);
        fb = fc;
        fc = fw;
        fw = f(w);
        evaluations++;
      }
    } else {
      w = xc + GOLD * (xc - xb);
      fw = f(w);
      evaluations++;
    }
    xa = xb;
    xb = xc;
    xc = w;
    fa = fb;
    fb = fc;
    fc = fw;
  }

  // --- Brent.optimize
  let x = xb;
  let w = xb;
  let v = xb;
  let fx = fb;
  let fw = fb;
  let fv = fb;
  let a = xa < xc ? xa : xc;
  let b = xa < xc ? xc : xa;
  let deltax = 0;
  let rat = 0;
  let iterations = 0;
  const mintol = 1e-11;
  while (iterations < maxIterations) {
    const tol1 = tol * Math.abs(x) + mintol;
    const tol2 = 2 * tol1;
    const xmid = 0.5 * (a + b);
    if (Math.abs(x - xmid) < tol2 - 0.5 * (b - a)) break;
    if (Math.abs(deltax) <= tol1) {
      deltax = x >= xmid ? a - x : b - x;
      rat = CG * deltax;
    } else {
      const tmp1 = (x - w) * (fx - fv);
      let tmp2 = (x - v) * (fx - fw);
      let p = (x - v) * tmp2 - (x - w) * tmp1;
      tmp2 = 2 * (tmp2 - tmp1);
      if (tmp2 > 0) p = -p;
      tmp2 = Math.abs(tmp2);
      const dxTemp = deltax;
      deltax = rat;
      if (p > tmp2 * (a - x) && p < tmp2 * (b - x) && Math.abs(p) < Math.abs(0.5 * tmp2 * dxTemp)) {
        rat = (p * 1) / tmp2;
        const u = x + rat;
        if (u - a < tol2 || b - u < tol2) rat = xmid - x >= 0 ? tol1 : -tol1;
      } else {
        deltax = x >= xmid ? a - x : b - x;
        rat = CG * deltax;
      }
    }
    const u = Math.abs(rat) < tol1 ? (rat >= 0 ? x + tol1 : x - tol1) : x + rat;
    const fu = f(u);
    evaluations++;
    if (fu > fx) {
      if (u < x) a = u;
      else b = u;
      if (fu <= fw || w === x) {
        v = w;
        w = u;
        fv = fw;
        fw = fu;
      } else if (fu <= fv || v === x || v === w) {
        v = u;
        fv = fu;
      }
    } else {
      if (u >= x) a = x;
      else b = x;
      v = w;
      w = x;
      x = u;
      fv = fw;
      fw = fx;
      fx = fu;
    }
    iterations++;
  }
  return { x, fx, iterations, evaluations };
}
