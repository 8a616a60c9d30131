/**
 * Kneedle: the knee (or elbow) of a curve, the point of maximum curvature.
 *
 * Satopää, Albrecht, Irwin & Raghavan (2011), "Finding a 'Kneedle' in a Haystack: Detecting Knee
 * Points in System Behavior", ICDCS workshops. Behaviour matches the reference Python package
 * `kneed` (`KneeLocator` with its default `interp_method='interp1d'`, which evaluates the data
 * at its own x, so no smoothing happens).
 *
 * Names (used inside the kernel): n points `(x[i], y[i])`; `xn`, `yn` the curve scaled to
 * [0, 1] and turned into a concave increasing one; `difference = yn - xn` the difference
 * curve; `S` the sensitivity. A local maximum of the difference curve at `i` becomes a knee
 * when the curve later drops below the threshold `difference[i] - S * mean(diff(xn))` before
 * reaching a local minimum.
 */
import { ERROR_CODES, SegmintError } from '../core/errors.js';
import { checkParams, invalidParameter, mergeOptions } from '../core/params.js';

/** The curve's shape. `convex` finds elbows (inertia against k), `concave` finds knees. */
export type KneedleCurve = 'convex' | 'concave';

/** Whether y grows or shrinks with x. */
export type KneedleDirection = 'increasing' | 'decreasing';

/** Options of {@link kneedle}. */
export interface KneedleOptions {
  /** Shape of the curve. Default `'concave'` (kneed's default). */
  curve: KneedleCurve;
  /** Direction of the curve. Default `'increasing'` (kneed's default). */
  direction: KneedleDirection;
  /**
   * Sensitivity S >= 0: how many "flat" x steps the difference curve must fall below its local
   * maximum before that maximum is called a knee. Larger is more conservative. Default 1.
   */
  sensitivity: number;
  /**
   * Online mode: keep scanning after the first knee and return the last one found (kneed's
   * `online=True`). Default false: the first knee is returned.
   */
  online: boolean;
}

/** Defaults of {@link kneedle}: kneed's `KneeLocator` defaults. */
export const KNEEDLE_DEFAULTS: Readonly<KneedleOptions> = Object.freeze({
  curve: 'concave',
  direction: 'increasing',
  sensitivity: 1,
  online: false,
});

/** The result of {@link kneedle}. */
export interface KneedleResult {
  /** The x value of the knee, or null when the curve has none. */
  readonly knee: number | null;
  /** The index of the knee in the input arrays, or null. */
  readonly kneeIndex: number | null;
  /** The y value of the knee, or null. */
  readonly kneeY: number | null;
  /** Every knee found, in scan order (one unless `online`). */
  readonly allKnees: readonly number[];
  /**
   * The normalised curves, length n: `x` scaled to [0, 1], `y` scaled to [0, 1] and turned
   * into a concave increasing curve (flipped for the other shapes, as kneed does), and the
   * difference curve `y - x`.
   */
  readonly normalized: {
    readonly x: readonly number[];
    readonly y: readonly number[];
    readonly difference: readonly number[];
  };
  /** The threshold on the difference curve that the returned knee crossed, or null. */
  readonly threshold: number | null;
}

const CONSTRAINTS = {
  curve: { type: 'enum', values: ['convex', 'concave'] },
  direction: { type: 'enum', values: ['increasing', 'decreasing'] },
  sensitivity: { type: 'number', min: 0 },
  online: { type: 'boolean' },
} as const;

/**
 * Finds the knee of the curve `y(x)` with the Kneedle algorithm (Satopää et al. 2011), giving
 * the same knee as kneed's `KneeLocator(x, y, S, curve, direction, online=online).knee`.
 *
 * @param x - strictly increasing, finite, length n >= 2.
 * @param y - finite, length n.
 * @param options - see {@link KneedleOptions}; defaults {@link KNEEDLE_DEFAULTS}. For an
 *   inertia-against-k elbow use `{ curve: 'convex', direction: 'decreasing' }`.
 * @returns the knee (null when the difference curve never drops below a threshold, e.g. for a
 *   straight line or a constant), the normalised curves and the threshold crossed.
 * @throws SegmintError INVALID_PARAMETER for bad options, INVALID_SHAPE for mismatched or too
 *   short arrays, NON_FINITE_VALUE for NaN or infinities, INVALID_PARAMETER when x is not
 *   strictly increasing.
 * @example
 * kneedle([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [100, 40, 20, 15, 10, 5, 4, 3, 2, 1],
 *   { curve: 'convex', direction: 'decreasing' }).knee // 2
 */
export function kneedle(
  x: readonly number[],
  y: readonly number[],
  options?: Partial<KneedleOptions>,
): KneedleResult {
  const merged = mergeOptions<KneedleOptions>(KNEEDLE_DEFAULTS, options);
  checkParams('kneedle', merged, CONSTRAINTS);
  if (!isArray(x) || !isArray(y) || x.length !== y.length || x.length < 2) {
    throw new SegmintError(
      ERROR_CODES.INVALID_SHAPE,
      `kneedle: 'x' and 'y' must be arrays of the same length >= 2; got lengths ` +
        `${isArray(x) ? x.length : 'none'} and ${isArray(y) ? y.length : 'none'}.`,
      { value: [x.length, y.length] },
    );
  }
  for (const [name, values] of [
    ['x', x],
    ['y', y],
  ] as const) {
    for (let i = 0; i < values.length; i++) {
      const value = values[i]!;
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new SegmintError(
          ERROR_CODES.NON_FINITE_VALUE,
          `kneedle: '${name}' has ${String(value)} at index ${i}; values must be finite.`,
          { parameter: name, row: i, value },
        );
      }
    }
  }
  for (let i = 1; i < x.length; i++) {
    if (!(x[i]! > x[i - 1]!)) {
      throw invalidParameter('kneedle', 'x', `strictly increasing (index ${i})`, x[i]);
    }
  }
  return kneedleKernel(x, y, merged);
}

/** Unchecked twin of {@link kneedle}: assumes valid, strictly increasing x and finite y. */
export function kneedleKernel(
  x: readonly number[],
  y: readonly number[],
  options: KneedleOptions,
): KneedleResult {
  const n = x.length;
  const { curve, direction, online } = options;
  const S = options.sensitivity;
  const xn = normalize(x);
  let yn = normalize(y);
  // Turn every shape into a concave increasing curve (kneed's transform_y). Normalised y has
  // maximum exactly 1, so `max - y` is `1 - y`.
  if (direction === 'decreasing') {
    if (curve === 'concave') yn = yn.reverse();
    else yn = yn.map((v) => 1 - v);
  } else if (curve === 'convex') {
    yn = yn.map((v) => 1 - v).reverse();
  }
  const difference = yn.map((v, i) => v - xn[i]!);
  const normalized = { x: xn, y: yn, difference };
  const none: KneedleResult = {
    knee: null,
    kneeIndex: null,
    kneeY: null,
    allKnees: [],
    normalized,
    threshold: null,
  };

  // Local extrema as scipy's argrelextrema(..., np.greater_equal / np.less_equal) with the
  // default mode 'clip': an end point is compared with its only neighbour. NaN (a constant y)
  // compares false, so a constant curve has no maximum and no knee.
  const isMaximum = new Array<boolean>(n);
  const isMinimum = new Array<boolean>(n);
  const maximumValues: number[] = [];
  let firstMaximum = -1;
  for (let i = 0; i < n; i++) {
    const here = difference[i]!;
    const left = difference[Math.max(i - 1, 0)]!;
    const right = difference[Math.min(i + 1, n - 1)]!;
    isMaximum[i] = here >= left && here >= right;
    isMinimum[i] = here <= left && here <= right;
    if (isMaximum[i]) {
      maximumValues.push(here);
      if (firstMaximum < 0) firstMaximum = i;
    }
  }
  if (firstMaximum < 0) return none;

  let meanStep = 0;
  for (let i = 1; i < n; i++) meanStep += xn[i]! - xn[i - 1]!;
  meanStep = Math.abs(meanStep / (n - 1));

  let maximumCount = 0;
  let threshold = 0;
  let thresholdIndex = firstMaximum;
  let detectionActive = true;
  let found: { index: number; threshold: number } | null = null;
  const allKnees: number[] = [];
  for (let i = firstMaximum; i < n - 1; i++) {
    if (isMaximum[i]) {
      threshold = maximumValues[maximumCount]! - S * meanStep;
      thresholdIndex = i;
      maximumCount++;
      detectionActive = true;
    }
    if (isMinimum[i]) {
      // After a local minimum, no knee until the next local maximum.
      threshold = 0;
      detectionActive = false;
    }
    if (detectionActive && difference[i + 1]! < threshold) {
      // Map the index on the (possibly flipped) difference curve back to the input.
      const flipped =
        (curve === 'convex' && direction === 'increasing') ||
        (curve === 'concave' && direction === 'decreasing');
      const index = flipped ? n - 1 - thresholdIndex : thresholdIndex;
      if (!allKnees.includes(x[index]!)) allKnees.push(x[index]!);
      found = { index, threshold };
      if (!online) break;
    }
  }
  if (found === null) return none;
  return {
    knee: x[found.index]!,
    kneeIndex: found.index,
    kneeY: y[found.index]!,
    allKnees,
    normalized,
    threshold: found.threshold,
  };
}

/** Array check that does not narrow the element type to `any`. */
function isArray(value: unknown): boolean {
  return Array.isArray(value);
}

/** Scales to [0, 1] by min and max; a constant array gives NaN (0 / 0), as numpy does. */
function normalize(values: readonly number[]): number[] {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return values.map((v) => (v - min) / (max - min));
}
