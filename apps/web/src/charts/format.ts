/**
 * Number formatting for chart labels, annotations and hover text: thousands separators, compact
 * units (12.3k, 4.5M), a precision that fits the magnitude (so a heatmap cell shows "52,347",
 * "3.45" or "0.123", never "52347.12345"), percentages, and a dash for missing values.
 *
 * Intl.NumberFormat instances are cached: creating one costs far more than formatting with it.
 */

/** What a missing or non-finite value shows as. */
export const MISSING_TEXT = '—';

const LOCALE = 'en-US';
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let cached = formatters.get(key);
  if (cached === undefined) {
    cached = new Intl.NumberFormat(LOCALE, options);
    formatters.set(key, cached);
  }
  return cached;
}

function isNumber(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * A number with thousands separators and a fixed number of decimals.
 * @param value - The number; null, undefined, NaN and infinities give {@link MISSING_TEXT}.
 * @param decimals - Digits after the point (default 0).
 * @example formatInteger(1234567) // '1,234,567'; formatFixed(0.5, 2) // '0.50'
 */
export function formatFixed(value: number | null | undefined, decimals = 0): string {
  if (!isNumber(value)) return MISSING_TEXT;
  return formatter(`fixed${decimals}`, {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(value);
}

/**
 * A count: an integer with thousands separators.
 * @example formatInteger(50000) // '50,000'
 */
export function formatInteger(value: number | null | undefined): string {
  return formatFixed(isNumber(value) ? Math.round(value) : value, 0);
}

/**
 * A compact number: 950, 12.3k, 4.5M, 1.2B (one decimal above a thousand).
 * @example formatCompact(1_234_567) // '1.2M'
 */
export function formatCompact(value: number | null | undefined): string {
  if (!isNumber(value)) return MISSING_TEXT;
  if (Math.abs(value) < 1000) return formatNumber(value);
  return formatter('compact', {
    notation: 'compact',
    compactDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(value);
}

/**
 * A number with a precision that fits its magnitude, for annotations and hover text:
 * >= 100,000 compact ("123.5k"), >= 1,000 an integer with separators ("52,347"), >= 100 an
 * integer, >= 10 one decimal, >= 1 two decimals, below 1 three significant digits ("0.0123"),
 * 0 as "0".
 * @example formatNumber(52347.1) // '52,347'; formatNumber(3.14159) // '3.14'; formatNumber(0.012345) // '0.0123'
 */
export function formatNumber(value: number | null | undefined): string {
  if (!isNumber(value)) return MISSING_TEXT;
  const magnitude = Math.abs(value);
  if (magnitude === 0) return '0';
  if (magnitude >= 100_000) return formatCompact(value);
  if (magnitude >= 100) return formatFixed(value, 0);
  if (magnitude >= 10) return formatFixed(value, 1);
  if (magnitude >= 1) return formatFixed(value, 2);
  return formatter('significant3', { maximumSignificantDigits: 3 }).format(value);
}

/**
 * A share in [0, 1] as a percentage with one decimal.
 * @example formatPercent(0.2345) // '23.5%'
 */
export function formatPercent(value: number | null | undefined, decimals = 1): string {
  if (!isNumber(value)) return MISSING_TEXT;
  return `${formatFixed(value * 100, decimals)}%`;
}

/**
 * Shortens a label for an axis or a legend (full names belong in hover text).
 * @param maxLength - Longest result, ellipsis included (default 24).
 * @example truncateLabel('High-income frequent buyers of wine', 20) // 'High-income frequen…'
 */
export function truncateLabel(label: string, maxLength = 24): string {
  if (label.length <= maxLength) return label;
  return `${label.slice(0, Math.max(1, maxLength - 1)).trimEnd()}…`;
}

/** Escapes the characters Plotly's pseudo-HTML labels interpret (`<`, `>`, `&`). */
export function escapeLabel(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
