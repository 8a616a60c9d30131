/**
 * Number and date formatting for tables and cards (en-US, thousands separators).
 */
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });

/**
 * A count with thousands separators.
 * @example formatCount(2240) // '2,240'
 */
export const formatCount = (value: number): string => integer.format(value);

/**
 * A number with at most two decimals; '–' for null/NaN.
 * @example formatNumber(0.12345) // '0.12'
 */
export const formatNumber = (value: number | null | undefined): string =>
  value === null || value === undefined || !Number.isFinite(value) ? '–' : decimal.format(value);

/**
 * A share in [0, 1] as a percentage.
 * @example formatShare(0.256) // '25.6%'
 */
export const formatShare = (value: number): string => percent.format(value);

/**
 * A cell of a data table: numbers formatted, null as an empty marker, the rest as text.
 * @example formatCell(null) // '∅'
 */
export function formatCell(value: unknown): string {
  if (value === null || value === undefined) return '∅';
  if (typeof value === 'number')
    return Number.isInteger(value) ? String(value) : formatNumber(value);
  // Dates arrive as ISO timestamps; midnight UTC ones are plain dates.
  if (typeof value === 'string')
    return value.replace(/^(\d{4}-\d{2}-\d{2})T00:00:00(\.000)?Z$/, '$1');
  if (typeof value === 'boolean' || typeof value === 'bigint') return value.toString();
  return JSON.stringify(value) ?? '';
}

/**
 * An ISO time as a short local date and time.
 * @example formatTime('2026-01-02T03:04:05Z')
 */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString('en-GB', { dateStyle: 'short', timeStyle: 'short' });
}

/**
 * A byte count in KB/MB.
 * @example formatBytes(1536) // '1.5 KB'
 */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${decimal.format(bytes / 1024)} KB`;
  return `${decimal.format(bytes / 1024 / 1024)} MB`;
}
