/**
 * The readable column table of `segmint profile`: one row per column with its DuckDB type,
 * inferred role, missing share, distinct count and a summary (min / median / max for numbers,
 * min .. max for dates, the top values with counts otherwise). Pure.
 */
import type { ColumnProfile } from '@segmint/data';
import { formatTable } from './text-table.js';

/** Compact number: integers as is, others with up to 4 significant digits. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs >= 1e6 || abs < 1e-3)) return value.toExponential(3);
  return String(Number(value.toPrecision(4)));
}

function formatValue(value: number | string | null): string {
  if (value === null) return '';
  return typeof value === 'number' ? formatNumber(value) : value;
}

function shorten(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}

/** The summary cell of one column (see file header). */
export function columnSummary(column: ColumnProfile): string {
  if (column.count === column.missing) return '(all missing)';
  if (column.quantiles !== null && typeof column.min === 'number' && typeof column.max === 'number')
    return `${formatNumber(column.min)} / ${formatNumber(column.quantiles.p50)} / ${formatNumber(column.max)}`;
  if (column.role === 'date' || (column.top.length === 0 && column.min !== null))
    return `${formatValue(column.min)} .. ${formatValue(column.max)}`;
  return column.top
    .slice(0, 3)
    .map((entry) => `${shorten(entry.value, 20)} (${entry.count})`)
    .join(', ');
}

/**
 * The whole table, preceded by a one-line header naming the file, rows and columns.
 *
 * @example
 * ```ts
 * formatProfileTable({ file: 'a.csv', rows: 3, columns: profiles });
 * ```
 */
export function formatProfileTable(profile: {
  readonly file: string;
  readonly rows: number;
  readonly columns: readonly ColumnProfile[];
}): string {
  const header = `${profile.file}: ${profile.rows} rows, ${profile.columns.length} columns\n\n`;
  return (
    header +
    formatTable(
      ['column', 'type', 'role', 'missing', 'distinct', 'min / median / max or top values'],
      profile.columns.map((column) => [
        shorten(column.name, 32),
        column.type,
        column.role,
        `${(column.missingShare * 100).toFixed(1)}%`,
        String(column.distinct),
        columnSummary(column),
      ]),
      ['left', 'left', 'left', 'right', 'right', 'left'],
    )
  );
}
