/**
 * The categorical palette: one colour per segment id, the same everywhere in the dashboard (a
 * segment is the same colour on the map, the radar, the bars and its card).
 *
 * The first 10 colours are Tableau 10 (Stone 2016), chosen for distinctness and colour-blind
 * friendliness; the next 20 are darker and lighter variants of the same hues ordered so that
 * neighbours differ; beyond 30 colours come from golden-angle hue steps (Ankerst et al.'s
 * "maximally different" spiral), so any segment count gets a colour. Noise (-1, DBSCAN/HDBSCAN)
 * is always grey.
 */

/** Colour of noise points (segment -1). */
export const NOISE_COLOR = '#9e9e9e';

/** The fixed part of the palette (30 colours). */
export const SEGMENT_PALETTE: readonly string[] = Object.freeze([
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
  '#2b5c8a',
  '#c4651b',
  '#a83638',
  '#3f8f89',
  '#37702f',
  '#b5961a',
  '#7d4f72',
  '#d66b7a',
  '#6b4d3c',
  '#7f7f7f',
  '#a0cbe8',
  '#ffbe7d',
  '#ff9d9a',
  '#a7d8d4',
  '#8cd17d',
  '#f1ce63',
  '#d4a6c8',
  '#fabfd2',
  '#d7b5a6',
  '#17becf',
]);

const GOLDEN_ANGLE = 137.508;

/**
 * The colour of a segment id.
 * @param segment - Segment id (0, 1, ...); -1 (or any negative id) is noise.
 * @returns A CSS colour: palette entry `segment` for ids below 30, an `hsl()` colour beyond.
 * @example segmentColor(0) // '#4e79a7'; segmentColor(-1) // '#9e9e9e'
 */
export function segmentColor(segment: number): string {
  if (!Number.isFinite(segment) || segment < 0) return NOISE_COLOR;
  const index = Math.floor(segment);
  const fixed = SEGMENT_PALETTE[index];
  if (fixed !== undefined) return fixed;
  const hue = (index * GOLDEN_ANGLE) % 360;
  const lightness = index % 2 === 0 ? 42 : 58;
  return `hsl(${hue.toFixed(1)}, 62%, ${lightness}%)`;
}

/**
 * Colours for a list of segment ids, in order.
 * @example segmentColors([0, 2]) // ['#4e79a7', '#e15759']
 */
export function segmentColors(segments: readonly number[]): string[] {
  return segments.map(segmentColor);
}

/**
 * The palette for `count` series that are not segments (algorithms, categories), in order.
 * @example seriesColor(1) // '#f28e2b'
 */
export function seriesColor(index: number): string {
  return segmentColor(index);
}

/**
 * A colour with transparency: `#rrggbb` -> `rgba(...)`, `hsl(...)` -> `hsla(...)`; any other
 * colour is returned unchanged (opaque).
 * @example withAlpha('#4e79a7', 0.5) // 'rgba(78, 121, 167, 0.5)'
 */
export function withAlpha(color: string, alpha: number): string {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (hex !== null) {
    const [, r, g, b] = hex;
    return `rgba(${parseInt(r!, 16)}, ${parseInt(g!, 16)}, ${parseInt(b!, 16)}, ${alpha})`;
  }
  const hsl = /^hsl\((.*)\)$/i.exec(color);
  if (hsl !== null) return `hsla(${hsl[1]}, ${alpha})`;
  return color;
}
