/**
 * A cheap fingerprint of a chart spec, so `<Plot>` can skip redrawing when a page rebuilds an
 * identical spec on every render (builders return new objects each call). Long arrays (the
 * point clouds of the maps: up to 50,000 x 3 numbers) are summarised by length, first, last and
 * a position-weighted sum instead of being written out, so fingerprinting stays far cheaper than
 * a redraw; everything else is written in full.
 */
import type { ChartSpec } from './spec.js';

/** Arrays longer than this are summarised. */
const SUMMARY_THRESHOLD = 64;

function summarise(values: readonly unknown[]): string {
  let weighted = 0;
  let text = 0;
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i];
    if (typeof value === 'number')
      weighted += (Number.isFinite(value) ? value : 0.5) * ((i % 997) + 1);
    else if (typeof value === 'string')
      text = (text * 31 + value.length + (value.charCodeAt(0) || 0)) % 1_000_000_007;
    else weighted += value === null ? 0.25 : 0.75;
  }
  return `#${values.length}:${String(values[0])}:${String(values[values.length - 1])}:${weighted}:${text}`;
}

/**
 * The fingerprint of a spec: equal specs give equal keys; a changed value almost surely changes
 * it (long arrays are compared through a weighted checksum).
 * @example specKey(elbowChart(selection)) === specKey(elbowChart(selection)) // true
 */
export function specKey(spec: ChartSpec): string {
  return JSON.stringify(spec, (_key, value: unknown) => {
    if (
      Array.isArray(value) &&
      value.length > SUMMARY_THRESHOLD &&
      value.every((v) => !Array.isArray(v))
    ) {
      return summarise(value);
    }
    if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
    return value;
  });
}
