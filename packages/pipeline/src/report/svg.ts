/**
 * Small pure helpers shared by the report's SVG chart builders: escaping, number formatting,
 * linear scales, tick values and a colour palette. No DOM: every chart is a string, so charts are
 * unit-tested as text (the idea of Observable Plot's pure builders) and the HTML report stays a
 * single self-contained file.
 */

/**
 * Escapes text for HTML and SVG (element content and double- or single-quoted attributes).
 * Every user-controlled string (column names, category values, file names) goes through this.
 * @example escapeXml('<script>') // '&lt;script&gt;'
 */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Formats a number for a chart label: up to 3 significant digits for small values, grouped
 * thousands for large ones, 'n/a' for NaN or infinities.
 * @example formatNumber(1234567) // '1,234,567'; formatNumber(0.12345) // '0.123'
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  const magnitude = Math.abs(value);
  if (magnitude >= 1000) return Math.round(value).toLocaleString('en-US');
  if (magnitude >= 100) return value.toFixed(0);
  if (magnitude === 0) return '0';
  return String(Number(value.toPrecision(3)));
}

/** Formats a share in [0, 1] as a percentage with one decimal: 0.1234 -> '12.3%'. */
export function formatPercent(share: number): string {
  return Number.isFinite(share) ? `${(share * 100).toFixed(1)}%` : 'n/a';
}

/**
 * A linear map from `[domainMin, domainMax]` to `[rangeMin, rangeMax]`. A degenerate domain
 * (min == max) maps everything to the middle of the range.
 */
export function linearScale(
  domainMin: number,
  domainMax: number,
  rangeMin: number,
  rangeMax: number,
): (value: number) => number {
  const span = domainMax - domainMin;
  if (!(span > 0) || !Number.isFinite(span)) {
    const middle = (rangeMin + rangeMax) / 2;
    return () => middle;
  }
  return (value) => rangeMin + ((value - domainMin) / span) * (rangeMax - rangeMin);
}

/** Minimum and maximum of the finite values, or null when there are none. */
export function finiteExtent(values: ArrayLike<number>): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : null;
}

/**
 * About `count` round tick values covering [lo, hi] (steps of 1, 2 or 5 times a power of ten).
 * @example niceTicks(0, 10, 5) // [0, 2, 4, 6, 8, 10]
 */
export function niceTicks(lo: number, hi: number, count: number): number[] {
  if (!(hi > lo) || !Number.isFinite(lo) || !Number.isFinite(hi)) return [lo];
  const raw = (hi - lo) / Math.max(1, count);
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) {
    ticks.push(Number(t.toPrecision(12)));
  }
  return ticks;
}

/**
 * SVG path data through the points, skipping non-finite values (a gap starts a new segment).
 * @example linePath([0, 10], [5, 7]) // 'M0,5L10,7'
 */
export function linePath(xs: readonly number[], ys: readonly number[]): string {
  let path = '';
  let pen = false;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    const y = ys[i]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      pen = false;
      continue;
    }
    path += `${pen ? 'L' : 'M'}${round(x)},${round(y)}`;
    pen = true;
  }
  return path;
}

/** Rounds a coordinate to 0.01 px (keeps the SVG text short). */
export function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * Categorical colours (Okabe & Ito 2008, colour-blind safe, then Tableau 10 for more
 * segments); the colour of segment `index` cycles through them.
 */
export const SEGMENT_COLOURS: readonly string[] = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#000000',
  '#4E79A7',
  '#F28E2B',
  '#E15759',
  '#76B7B2',
  '#59A14F',
  '#EDC948',
  '#B07AA1',
  '#FF9DA7',
  '#9C755F',
  '#BAB0AC',
];

/** Colour of noise rows (segment -1: dbscan, hdbscan). */
export const NOISE_COLOUR = '#a0a0a0';

/** The colour of segment `index` (cycles through {@link SEGMENT_COLOURS}; noise is grey). */
export function segmentColour(index: number): string {
  if (index < 0) return NOISE_COLOUR;
  const n = SEGMENT_COLOURS.length;
  return SEGMENT_COLOURS[((index % n) + n) % n]!;
}

/**
 * A diverging colour for a standardised value z: blue below zero, white at zero, orange-red
 * above, saturating at |z| = `limit` (default 2).
 */
export function divergingColour(z: number, limit = 2): string {
  if (!Number.isFinite(z)) return '#eeeeee';
  const t = Math.max(-1, Math.min(1, z / limit));
  // Interpolate white (255,255,255) towards blue (33,102,172) or red (178,24,43) (ColorBrewer RdBu).
  const target = t < 0 ? [33, 102, 172] : [178, 24, 43];
  const a = Math.abs(t);
  const channel = (i: number) => Math.round(255 + (target[i]! - 255) * a);
  return `rgb(${channel(0)},${channel(1)},${channel(2)})`;
}

/** Opening `<svg>` tag with a viewBox, an accessible role and an escaped title. */
export function svgOpen(width: number, height: number, title: string, className: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="${escapeXml(className)}" ` +
    `viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" ` +
    `aria-label="${escapeXml(title)}"><title>${escapeXml(title)}</title>`
  );
}

/** Shortens a label to `max` characters with an ellipsis. */
export function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
