/**
 * Records to CSV text (RFC 4180): a header row, comma separators, "\n" line ends, fields
 * quoted only when they hold a comma, a quote or a line break (quotes doubled). null and
 * undefined are empty fields; numbers use JavaScript's shortest round-trip form; other values
 * (objects) are written as JSON.
 */

function field(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text =
    typeof value === 'string'
      ? value
      : typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : JSON.stringify(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Formats records as CSV with the given columns, in order.
 * @example toCsv([{ a: 1, b: 'x,y' }], ['a', 'b']) // 'a,b\n1,"x,y"\n'
 */
export function toCsv(
  records: readonly Record<string, unknown>[],
  columns: readonly string[],
): string {
  const lines = [columns.map(field).join(',')];
  for (const record of records)
    lines.push(columns.map((column) => field(record[column])).join(','));
  return `${lines.join('\n')}\n`;
}
