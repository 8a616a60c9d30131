/**
 * The chart spec every builder returns, `{ data, layout, config }` as Plotly takes it, and the
 * shared pieces: the house layout (fonts, margins, colours, hover labels), the config (responsive,
 * no Plotly logo, PNG export named after the chart) and the empty state.
 *
 * Builders are pure functions (results -> spec): no DOM, no Plotly import at run time (types
 * only), so they run in node under vitest and in a worker if ever needed.
 */
import type { Annotations, Config, Data, Layout, LayoutAxis } from 'plotly.js';
import { SEGMENT_PALETTE } from './palette.js';

/** A Plotly figure: what `<Plot spec>` renders and what `Plotly.react` takes. */
export interface ChartSpec {
  readonly data: Data[];
  readonly layout: Partial<Layout>;
  readonly config: Partial<Config>;
}

/** Options every builder accepts. */
export interface BaseChartOptions {
  /** Chart title (also the accessible name of the chart). Each builder has a default. */
  readonly title?: string;
  /** Height in pixels. Default: each builder's, growing with the number of segments. */
  readonly height?: number;
}

/** Font stack shared with the dashboard's stylesheet. */
export const FONT_FAMILY =
  'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** Text and grid colours. */
export const COLORS = Object.freeze({
  text: '#1f2933',
  muted: '#616e7c',
  grid: '#e4e7eb',
  axis: '#9aa5b1',
  accent: '#d1495b',
  highlight: 'rgba(78, 121, 167, 0.12)',
});

/** An axis with the house style and a title. */
export function axis(title: string, extra: Partial<LayoutAxis> = {}): Partial<LayoutAxis> {
  return {
    title: { text: title, font: { size: 12, color: COLORS.muted } },
    gridcolor: COLORS.grid,
    zerolinecolor: COLORS.axis,
    linecolor: COLORS.axis,
    automargin: true,
    ...extra,
  };
}

/**
 * The house layout with a title (and an optional subtitle) merged under `extra`.
 * @example baseLayout('Elbow', { height: 360 }).title // { text: 'Elbow', ... }
 */
export function baseLayout(
  title: string,
  extra: Partial<Layout> = {},
  subtitle?: string,
): Partial<Layout> {
  const hasSubtitle = subtitle !== undefined && subtitle !== '';
  return {
    title: {
      text: title,
      x: 0,
      xanchor: 'left',
      xref: 'container',
      pad: { l: 12 },
      font: { size: 15, color: COLORS.text },
      ...(hasSubtitle
        ? { subtitle: { text: subtitle, font: { size: 12, color: COLORS.muted } } }
        : {}),
    },
    font: { family: FONT_FAMILY, size: 12, color: COLORS.text },
    paper_bgcolor: '#ffffff',
    plot_bgcolor: '#ffffff',
    colorway: [...SEGMENT_PALETTE],
    margin: { l: 56, r: 24, t: hasSubtitle ? 76 : 52, b: 48 },
    hoverlabel: { font: { family: FONT_FAMILY, size: 12 } },
    legend: { font: { size: 11 } },
    height: 380,
    // Keeps zoom, pan, legend toggles and the 3-D camera across Plotly.react calls for the
    // same chart (a new title, i.e. another chart or feature, resets them).
    uirevision: title,
    ...extra,
  };
}

/**
 * The config: responsive, no Plotly logo, the editing buttons removed, and PNG export at 2x named
 * after the chart.
 * @param fileName - PNG name without extension (e.g. `'segmint-elbow'`).
 */
export function baseConfig(fileName: string): Partial<Config> {
  return {
    responsive: true,
    displaylogo: false,
    displayModeBar: 'hover',
    modeBarButtonsToRemove: ['select2d', 'lasso2d', 'autoScale2d', 'toggleSpikelines'],
    toImageButtonOptions: { format: 'png', filename: fileName, scale: 2 },
  };
}

/** A centred paper-coordinates note (empty states, verdicts). */
export function centeredNote(text: string, extra: Partial<Annotations> = {}): Partial<Annotations> {
  return {
    text,
    xref: 'paper',
    yref: 'paper',
    x: 0.5,
    y: 0.5,
    showarrow: false,
    font: { size: 13, color: COLORS.muted },
    ...extra,
  };
}

/**
 * The empty state: no traces, hidden axes and a centred message saying why.
 * @example emptySpec('Elbow', 'No k range in this run.', 'segmint-elbow').data // []
 */
export function emptySpec(title: string, message: string, fileName: string): ChartSpec {
  return {
    data: [],
    layout: baseLayout(title, {
      height: 240,
      xaxis: { visible: false },
      yaxis: { visible: false },
      annotations: [centeredNote(message)],
    }),
    config: baseConfig(fileName),
  };
}

/** True when a value is a finite number (null, undefined and NaN are not). */
export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** `values` with non-finite entries (NaN, infinities, undefined) replaced by null (Plotly gaps). */
export function toGaps(values: readonly (number | null | undefined)[]): (number | null)[] {
  return values.map((value) => (isFiniteNumber(value) ? value : null));
}

/**
 * An x axis of candidate ks: every k ticked when there are at most 20, automatic ticks beyond.
 * @example kAxis([2, 3, 4]).tickvals // [2, 3, 4]
 */
export function kAxis(k: readonly number[], extra: Partial<LayoutAxis> = {}): Partial<LayoutAxis> {
  const ticks: Partial<LayoutAxis> =
    k.length <= 20 ? { tickmode: 'array', tickvals: [...k] } : { tickmode: 'auto', dtick: 1 };
  return axis('Number of segments (k)', { ...ticks, zeroline: false, ...extra });
}

/**
 * Tick angle for a category axis: 0 when the labels fit side by side in `width` pixels (about 7
 * pixels a character plus padding), else -30 so long segment names do not overlap.
 * @example categoryTickAngle(['A', 'B']) // 0
 */
export function categoryTickAngle(labels: readonly string[], width = 640): number {
  const needed = labels.reduce((sum, label) => sum + label.length * 7 + 16, 0);
  return needed <= width ? 0 : -30;
}

/**
 * A horizontal legend under the plot, for charts whose plot area needs the full width (radar,
 * 3-D scene): their labels stick out of the plot area and a side legend would cover them.
 * @param offset - Distance below the plot area, in plot heights (default 0.04).
 */
export function legendBelow(title: string, offset = 0.04): Partial<Layout['legend']> {
  return {
    orientation: 'h',
    x: 0,
    xanchor: 'left',
    y: -offset,
    yanchor: 'top',
    title: { text: title, side: 'left' },
    itemsizing: 'constant',
    font: { size: 11 },
  };
}
