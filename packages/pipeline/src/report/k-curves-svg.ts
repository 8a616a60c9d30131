/**
 * The k-selection chart: one small panel per criterion curve over the candidate k (inertia with
 * its Kneedle knee, silhouette with its confidence band when estimated, Calinski-Harabasz,
 * Davies-Bouldin), the chosen k marked in every panel. Pure: returns an SVG string.
 *
 * Criteria as in the engine's select/vote.ts: elbow (Satopää et al. 2011), silhouette
 * (Rousseeuw 1987), Calinski & Harabasz (1974), Davies & Bouldin (1979).
 */
import type { SelectionCurves } from '@segmint/engine';
import {
  escapeXml,
  finiteExtent,
  formatNumber,
  linePath,
  linearScale,
  niceTicks,
  round,
  svgOpen,
} from './svg.js';

/** Options of {@link kCurvesSvg}. */
export interface KCurvesSvgOptions {
  /** The knee of the inertia curve (a k value), marked with a circle. Default none. */
  readonly knee?: number | null;
  /** The chosen k, marked by a dashed line in every panel. Default none. */
  readonly chosenK?: number | null;
  /** Width of one panel in px. Default 300. */
  readonly panelWidth?: number;
  /** Height of one panel in px. Default 180. */
  readonly panelHeight?: number;
}

/** The four panels, in order: the curve key, its title and which direction is better. */
export const K_CURVE_PANELS = [
  { key: 'inertia', criterion: 'elbow', title: 'Inertia (elbow)', better: 'knee' },
  { key: 'silhouette', criterion: 'silhouette', title: 'Silhouette', better: 'higher' },
  {
    key: 'calinskiHarabasz',
    criterion: 'calinski-harabasz',
    title: 'Calinski-Harabasz',
    better: 'higher',
  },
  { key: 'daviesBouldin', criterion: 'davies-bouldin', title: 'Davies-Bouldin', better: 'lower' },
] as const;

const MARGIN = { top: 26, right: 12, bottom: 30, left: 56 };

/**
 * Draws the k-selection curves as a 2 x 2 grid of panels.
 * @param curves - arrays over k (the engine's `chooseK(...).curves`); NaN values leave gaps.
 * @returns an `<svg>` string with one `<path class="curve" data-criterion="...">` per criterion,
 *   a `<circle class="knee">` when `knee` is on the curve, and `<line class="chosen">` per panel
 *   when `chosenK` is given.
 * @example kCurvesSvg(result.curves, { knee: result.knee.knee, chosenK: 5 })
 */
export function kCurvesSvg(curves: SelectionCurves, options: KCurvesSvgOptions = {}): string {
  const panelWidth = options.panelWidth ?? 300;
  const panelHeight = options.panelHeight ?? 180;
  const width = panelWidth * 2;
  const height = panelHeight * 2;
  const parts: string[] = [svgOpen(width, height, 'Quality curves over k', 'chart k-curves')];
  K_CURVE_PANELS.forEach((panel, index) => {
    const x0 = (index % 2) * panelWidth;
    const y0 = Math.floor(index / 2) * panelHeight;
    parts.push(
      `<g transform="translate(${x0},${y0})">`,
      panelSvg(curves, panel, panelWidth, panelHeight, options),
      '</g>',
    );
  });
  parts.push('</svg>');
  return parts.join('');
}

function panelSvg(
  curves: SelectionCurves,
  panel: (typeof K_CURVE_PANELS)[number],
  width: number,
  height: number,
  options: KCurvesSvgOptions,
): string {
  const ks = curves.k;
  const values = curves[panel.key];
  const band =
    panel.key === 'silhouette' ? bandValues(curves.silhouetteLower, curves.silhouetteUpper) : null;
  const extent = finiteExtent(band ? [...values, ...band.lower, ...band.upper] : values) ?? [0, 1];
  const pad = (extent[1] - extent[0]) * 0.08 || Math.abs(extent[0]) * 0.1 || 1;
  const yLo = extent[0] - pad;
  const yHi = extent[1] + pad;
  const kLo = ks[0] ?? 0;
  const kHi = ks[ks.length - 1] ?? 1;
  const left = MARGIN.left;
  const right = width - MARGIN.right;
  const top = MARGIN.top;
  const bottom = height - MARGIN.bottom;
  const sx = linearScale(kLo, kHi, left, right);
  const sy = linearScale(yLo, yHi, bottom, top);
  const out: string[] = [];
  const better = panel.better === 'knee' ? 'look for the bend' : `${panel.better} is better`;
  out.push(
    `<text class="panel-title" x="${left}" y="16" font-size="12" font-weight="600">` +
      `${escapeXml(panel.title)} <tspan font-weight="400" fill="#666">(${better})</tspan></text>`,
    `<line x1="${left}" y1="${bottom}" x2="${right}" y2="${bottom}" stroke="#999"/>`,
    `<line x1="${left}" y1="${top}" x2="${left}" y2="${bottom}" stroke="#999"/>`,
  );
  for (const k of ks) {
    out.push(
      `<text x="${round(sx(k))}" y="${bottom + 14}" font-size="10" text-anchor="middle">${k}</text>`,
    );
  }
  out.push(
    `<text x="${(left + right) / 2}" y="${height - 4}" font-size="10" text-anchor="middle" fill="#666">k</text>`,
  );
  for (const tick of niceTicks(yLo, yHi, 4)) {
    const y = round(sy(tick));
    out.push(
      `<line x1="${left - 3}" y1="${y}" x2="${right}" y2="${y}" stroke="#eee"/>`,
      `<text x="${left - 5}" y="${y + 3}" font-size="10" text-anchor="end">${formatNumber(tick)}</text>`,
    );
  }
  if (band) {
    const upper = band.upper.map((v, i) => [sx(ks[i]!), sy(v)] as const);
    const lower = band.lower.map((v, i) => [sx(ks[i]!), sy(v)] as const).reverse();
    const points = [...upper, ...lower].filter(([x, y]) => Number.isFinite(x + y));
    if (points.length > 2) {
      const d = points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${round(x)},${round(y)}`);
      out.push(`<path class="band" d="${d.join('')}Z" fill="#0072B2" fill-opacity="0.15"/>`);
    }
  }
  if (options.chosenK !== undefined && options.chosenK !== null && ks.includes(options.chosenK)) {
    const x = round(sx(options.chosenK));
    out.push(
      `<line class="chosen" x1="${x}" y1="${top}" x2="${x}" y2="${bottom}" stroke="#D55E00" stroke-dasharray="4 3"/>`,
    );
  }
  const xs = ks.map(sx);
  const ys = values.map(sy);
  out.push(
    `<path class="curve" data-criterion="${panel.criterion}" d="${linePath(xs, ys)}" fill="none" stroke="#0072B2" stroke-width="2"/>`,
  );
  values.forEach((v, i) => {
    if (Number.isFinite(v)) {
      out.push(
        `<circle cx="${round(xs[i]!)}" cy="${round(ys[i]!)}" r="2.5" fill="#0072B2"><title>k = ${ks[i]}: ${formatNumber(v)}</title></circle>`,
      );
    }
  });
  if (panel.key === 'inertia' && options.knee !== undefined && options.knee !== null) {
    const index = ks.indexOf(options.knee);
    const v = values[index];
    if (index >= 0 && v !== undefined && Number.isFinite(v)) {
      out.push(
        `<circle class="knee" cx="${round(sx(options.knee))}" cy="${round(sy(v))}" r="6" fill="none" stroke="#D55E00" stroke-width="2"><title>knee at k = ${options.knee}</title></circle>`,
      );
    }
  }
  return out.join('');
}

/** The silhouette band when it differs from the curve (an estimate), else null. */
function bandValues(
  lower: readonly number[],
  upper: readonly number[],
): { lower: readonly number[]; upper: readonly number[] } | null {
  const differs = lower.some((v, i) => Number.isFinite(v) && v !== upper[i]);
  return differs ? { lower, upper } : null;
}
