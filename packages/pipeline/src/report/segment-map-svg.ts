/**
 * The segment map: customers projected on the first two principal components of the prepared
 * features, one dot per customer coloured by segment. Beyond `maxPoints` rows a seeded uniform
 * sample is drawn (and the chart says so), so the HTML stays small whatever n is.
 *
 * Names: n = rows, x/y = PC1/PC2 coordinates.
 */
import { createRandom, permutation } from '@segmint/engine';
import {
  escapeXml,
  finiteExtent,
  formatNumber,
  linearScale,
  niceTicks,
  round,
  segmentColour,
  svgOpen,
  truncate,
} from './svg.js';

/** Projected points: parallel arrays of length n. */
export interface SegmentMapPoints {
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  /** Segment id of each point (index into `names`). */
  readonly segment: ArrayLike<number>;
}

/** Options of {@link downsamplePoints} and {@link segmentMapSvg}. */
export interface SegmentMapOptions {
  /** At most this many points are drawn. Default 5000. */
  readonly maxPoints?: number;
  /** Seed of the sample. Default 0. */
  readonly seed?: number;
  /** Axis labels. Default 'PC1' and 'PC2'. */
  readonly xLabel?: string;
  readonly yLabel?: string;
  /** Chart size in px. Default 700 x 420. */
  readonly width?: number;
  readonly height?: number;
}

/** A downsampled copy of the points plus how many there were. */
export interface DownsampledPoints {
  readonly x: number[];
  readonly y: number[];
  readonly segment: number[];
  /** n before sampling. */
  readonly total: number;
}

/**
 * Keeps at most `maxPoints` points: all of them when n <= maxPoints, else a seeded uniform
 * sample without replacement, in input order (deterministic for a seed).
 * @example downsamplePoints(points, { maxPoints: 5000 }).x.length // <= 5000
 */
export function downsamplePoints(
  points: SegmentMapPoints,
  options: SegmentMapOptions = {},
): DownsampledPoints {
  const n = points.x.length;
  const maxPoints = Math.max(1, Math.floor(options.maxPoints ?? 5000));
  let indices: number[];
  if (n <= maxPoints) {
    indices = Array.from({ length: n }, (_, i) => i);
  } else {
    const order = permutation(n, createRandom(options.seed ?? 0));
    indices = Array.from(order.subarray(0, maxPoints)).sort((a, b) => a - b);
  }
  return {
    x: indices.map((i) => points.x[i]!),
    y: indices.map((i) => points.y[i]!),
    segment: indices.map((i) => points.segment[i]!),
    total: n,
  };
}

/**
 * Draws the segment map as a scatter plot with a legend.
 * @param points - projected coordinates and segments (all rows, or already downsampled with
 *   `total` set to the full count).
 * @param names - segment names, indexed by segment id (escaped in the output).
 * @returns an `<svg>` string: one `<circle>` per drawn point inside `<g class="points">`, a
 *   legend, and a caption "showing m of n customers" when sampled.
 * @example segmentMapSvg({ x: pc1, y: pc2, segment: labels }, ['Young savers', 'Affluent'])
 */
export function segmentMapSvg(
  points: SegmentMapPoints | DownsampledPoints,
  names: readonly string[],
  options: SegmentMapOptions = {},
): string {
  const sample =
    'total' in points && points.x.length <= (options.maxPoints ?? 5000)
      ? points
      : downsamplePoints(points, options);
  const width = options.width ?? 700;
  const height = options.height ?? 420;
  const legendWidth = 230;
  const margin = { top: 14, right: legendWidth, bottom: 40, left: 50 };
  const xExtent = finiteExtent(sample.x) ?? [0, 1];
  const yExtent = finiteExtent(sample.y) ?? [0, 1];
  const sx = linearScale(xExtent[0], xExtent[1], margin.left, width - margin.right);
  const sy = linearScale(yExtent[0], yExtent[1], height - margin.bottom, margin.top);
  const caption =
    sample.total > sample.x.length
      ? `showing a random sample of ${sample.x.length.toLocaleString('en-US')} of ${sample.total.toLocaleString('en-US')} customers`
      : `${sample.total.toLocaleString('en-US')} customers`;
  const out: string[] = [svgOpen(width, height, `Segment map (${caption})`, 'chart segment-map')];
  const bottom = height - margin.bottom;
  const right = width - margin.right;
  out.push(
    `<line x1="${margin.left}" y1="${bottom}" x2="${right}" y2="${bottom}" stroke="#999"/>`,
    `<line x1="${margin.left}" y1="${margin.top}" x2="${margin.left}" y2="${bottom}" stroke="#999"/>`,
  );
  for (const tick of niceTicks(xExtent[0], xExtent[1], 5)) {
    out.push(
      `<text x="${round(sx(tick))}" y="${bottom + 14}" font-size="10" text-anchor="middle">${formatNumber(tick)}</text>`,
    );
  }
  for (const tick of niceTicks(yExtent[0], yExtent[1], 5)) {
    out.push(
      `<text x="${margin.left - 5}" y="${round(sy(tick)) + 3}" font-size="10" text-anchor="end">${formatNumber(tick)}</text>`,
    );
  }
  out.push(
    `<text x="${(margin.left + right) / 2}" y="${height - 18}" font-size="11" text-anchor="middle">${escapeXml(options.xLabel ?? 'PC1')}</text>`,
    `<text x="12" y="${(margin.top + bottom) / 2}" font-size="11" text-anchor="middle" transform="rotate(-90 12 ${(margin.top + bottom) / 2})">${escapeXml(options.yLabel ?? 'PC2')}</text>`,
    `<text class="caption" x="${margin.left}" y="${height - 4}" font-size="10" fill="#666">${escapeXml(caption)}</text>`,
    '<g class="points" fill-opacity="0.65">',
  );
  for (let i = 0; i < sample.x.length; i++) {
    const x = sample.x[i]!;
    const y = sample.y[i]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    out.push(
      `<circle cx="${round(sx(x))}" cy="${round(sy(y))}" r="2.2" fill="${segmentColour(sample.segment[i]!)}"/>`,
    );
  }
  out.push('</g><g class="legend">');
  names.forEach((name, index) => {
    const y = margin.top + 8 + index * 18;
    out.push(
      `<circle cx="${right + 16}" cy="${y}" r="5" fill="${segmentColour(index)}"/>`,
      `<text x="${right + 26}" y="${y + 4}" font-size="11">${escapeXml(truncate(name, 32))}</text>`,
    );
  });
  out.push('</g></svg>');
  return out.join('');
}
