/**
 * XLSX sheets, read in JavaScript with exceljs (DuckDB's Excel support needs an extension that may
 * not be installable offline), then bulk-inserted with the DuckDB appender. The first non-empty
 * row is the header. Each column's type is inferred from its cells: all numbers -> DOUBLE, all
 * dates -> TIMESTAMP, all booleans -> BOOLEAN, anything else -> VARCHAR (numbers as text).
 * Formula cells contribute their cached result; rich text and hyperlinks their text.
 */
import { timestampValue } from '@duckdb/node-api';
import exceljs from 'exceljs';
import type { Database } from '../database.js';
import { quoteIdentifier } from '../database.js';
import { QueryError } from '../query-error.js';
import type { SourceSpec } from './format.js';
import { invalidFile } from './invalid-file.js';

/** A cell reduced to a plain value. */
type Plain = number | string | boolean | Date | null;

/** The plain value of an exceljs cell value. */
export function plainCellValue(value: unknown): Plain {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if ('result' in record) return plainCellValue(record.result);
    if ('richText' in record && Array.isArray(record.richText)) {
      return (record.richText as { text?: string }[]).map((part) => part.text ?? '').join('');
    }
    if ('text' in record) return plainCellValue(record.text);
    if ('error' in record) return null;
  }
  return null;
}

type XlsxType = 'DOUBLE' | 'TIMESTAMP' | 'BOOLEAN' | 'VARCHAR';

/** The DuckDB type for a column's non-null values. */
function inferType(values: readonly Plain[]): XlsxType {
  let type: XlsxType | null = null;
  for (const value of values) {
    if (value === null) continue;
    const next: XlsxType =
      typeof value === 'number'
        ? 'DOUBLE'
        : typeof value === 'boolean'
          ? 'BOOLEAN'
          : value instanceof Date
            ? 'TIMESTAMP'
            : 'VARCHAR';
    if (type === null) type = next;
    else if (type !== next) return 'VARCHAR';
  }
  return type ?? 'VARCHAR';
}

/**
 * Loads one sheet of an XLSX workbook into `table`.
 * @throws SegmintError INVALID_FILE when the workbook cannot be read, has several sheets and
 *   `source.sheet` is absent (listing them), names a sheet that does not exist, or is empty.
 */
export async function loadXlsx(db: Database, source: SourceSpec, table: string): Promise<void> {
  const workbook = new exceljs.Workbook();
  try {
    await workbook.xlsx.readFile(source.path);
  } catch (error) {
    throw invalidFile(source.path, `cannot be read as XLSX (${String(error)})`, error);
  }
  const names = workbook.worksheets.map((sheet) => sheet.name);
  let sheet = workbook.worksheets[0];
  if (source.sheet !== undefined) {
    sheet = workbook.getWorksheet(source.sheet);
    if (sheet === undefined) {
      throw invalidFile(
        source.path,
        `no sheet named "${source.sheet}"; the sheets are: ${names.join(', ')}`,
        undefined,
        { sheets: names },
      );
    }
  } else if (names.length > 1) {
    throw invalidFile(
      source.path,
      `the workbook has ${names.length} sheets (${names.join(', ')}); name one with 'sheet'`,
      undefined,
      { sheets: names },
    );
  }
  if (sheet === undefined) throw invalidFile(source.path, 'the workbook has no sheets');

  const rows: Plain[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values = row.values as unknown[]; // 1-based: values[0] is unused
    rows.push(values.slice(1).map(plainCellValue));
  });
  const header = rows.shift();
  if (header === undefined) throw invalidFile(source.path, `sheet "${sheet.name}" is empty`);
  const width = Math.max(header.length, ...rows.map((row) => row.length));
  const headerNames = columnNames(header, width);
  const types = headerNames.map((_, j) => inferType(rows.map((row) => row[j] ?? null)));

  const definition = headerNames
    .map((name, j) => `${quoteIdentifier(name)} ${types[j]}`)
    .join(', ');
  await db.run(`CREATE OR REPLACE TABLE ${quoteIdentifier(table)} (${definition})`);
  const appendSql = `APPEND INTO ${quoteIdentifier(table)}`;
  try {
    const appender = await db.connection.createAppender(table);
    for (const row of rows) {
      for (let j = 0; j < width; j++) appendCell(appender, types[j]!, row[j] ?? null);
      appender.endRow();
    }
    appender.closeSync();
  } catch (error) {
    throw new QueryError(appendSql, error);
  }
}

/** Header cells as unique column names ('column7' for a blank header cell; 'x_2' for a repeat). */
function columnNames(header: readonly Plain[], width: number): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (let j = 0; j < width; j++) {
    const cell = header[j] ?? null;
    const base =
      cell === null ? `column${j + 1}` : cell instanceof Date ? cell.toISOString() : String(cell);
    let name = base;
    for (let suffix = 2; seen.has(name); suffix++) name = `${base}_${suffix}`;
    seen.add(name);
    out.push(name);
  }
  return out;
}

type Appender = Awaited<ReturnType<Database['connection']['createAppender']>>;

function appendCell(appender: Appender, type: XlsxType, value: Plain): void {
  if (value === null) return appender.appendNull();
  switch (type) {
    case 'DOUBLE':
      return appender.appendDouble(value as number);
    case 'BOOLEAN':
      return appender.appendBoolean(value as boolean);
    case 'TIMESTAMP':
      return appender.appendTimestamp(timestampValue(BigInt((value as Date).getTime()) * 1000n));
    default:
      return appender.appendVarchar(value instanceof Date ? value.toISOString() : String(value));
  }
}
