/**
 * What a source file is: the {@link SourceSpec} users write and the format read from the file
 * extension when the spec does not name one.
 */
import { ERROR_CODES, SegmintError, formatValue } from '@segmint/engine';

/** The file formats the data layer loads. */
export type SourceFormat = 'csv' | 'tsv' | 'parquet' | 'json' | 'ndjson' | 'xlsx';

/** The formats, for validation and messages. */
export const SOURCE_FORMATS: readonly SourceFormat[] = [
  'csv',
  'tsv',
  'parquet',
  'json',
  'ndjson',
  'xlsx',
];

/**
 * A data file to load.
 * - `path`: the file (absolute, or relative to the process's working directory).
 * - `format`: from the extension when absent (.csv .txt .csv.gz .tsv .parquet .json .ndjson
 *   .jsonl .xlsx, each optionally .gz except parquet/xlsx).
 * - `delimiter`, `header`: CSV/TSV only; sniffed by DuckDB when absent.
 * - `sheet`: XLSX only; required when the workbook has several sheets.
 * - `dateFormat`: CSV only, a DuckDB strptime format such as '%d-%m-%Y'; sniffed when absent.
 * - `types`: CSV only, column name -> DuckDB type forced instead of sniffed
 *   (`{ ZipCode: 'VARCHAR', Income: 'DOUBLE' }`); a value that does not fit is an error naming
 *   the file, line, column and value.
 */
export interface SourceSpec {
  path: string;
  format?: SourceFormat;
  delimiter?: string;
  header?: boolean;
  sheet?: string;
  dateFormat?: string;
  types?: Record<string, string>;
}

/**
 * The format of `spec`: `spec.format` when given, else from the extension (case-insensitive,
 * a trailing `.gz` ignored).
 * @throws SegmintError INVALID_FILE when the extension is unknown (naming the file and the formats).
 * @example detectFormat({ path: 'sales.csv.gz' }) // 'csv'
 */
export function detectFormat(spec: SourceSpec): SourceFormat {
  if (spec.format !== undefined) {
    if (!SOURCE_FORMATS.includes(spec.format)) {
      throw new SegmintError(
        ERROR_CODES.INVALID_FILE,
        `${spec.path}: unknown format ${formatValue(spec.format)}; expected one of ${SOURCE_FORMATS.join(', ')}.`,
        { file: spec.path, value: spec.format },
      );
    }
    return spec.format;
  }
  const lower = spec.path.toLowerCase().replace(/\.gz$/, '');
  const extension = lower.slice(lower.lastIndexOf('.') + 1);
  switch (extension) {
    case 'csv':
    case 'txt':
      return 'csv';
    case 'tsv':
    case 'tab':
      return 'tsv';
    case 'parquet':
    case 'pq':
      return 'parquet';
    case 'json':
      return 'json';
    case 'ndjson':
    case 'jsonl':
      return 'ndjson';
    case 'xlsx':
      return 'xlsx';
    default:
      throw new SegmintError(
        ERROR_CODES.INVALID_FILE,
        `${spec.path}: cannot tell the format from the extension; name it with 'format' (one of ${SOURCE_FORMATS.join(', ')}).`,
        { file: spec.path },
      );
  }
}
