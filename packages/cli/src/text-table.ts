/**
 * Plain-text tables for the terminal: columns padded to their widest cell, numbers (by column
 * alignment) right-aligned, a dashed rule under the header. Pure.
 */

/** Alignment of one column. */
export type Align = 'left' | 'right';

/**
 * Formats `rows` under `headers`; `align[i]` aligns column i (default left). Returns the lines
 * joined with newlines, ending with a newline.
 *
 * @example
 * ```ts
 * formatTable(['name', 'n'], [['age', '12']], ['left', 'right']);
 * // "name   n\n----  --\nage   12\n"
 * ```
 */
export function formatTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly Align[] = [],
): string {
  const widths = headers.map((header, column) =>
    Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    widths
      .map((width, column) => {
        const cell = cells[column] ?? '';
        return align[column] === 'right' ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)]
    .map((text) => `${text}\n`)
    .join('');
}
