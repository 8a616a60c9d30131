/**
 * `predictFile`: score the rows of a data file with a model written by `runPipeline`. The model
 * file's `run` block says how features were built: for RFM models, a transactions file is turned
 * into RFM rows first (a file that already has recency, frequency and monetary columns is used
 * as is); derive recipes run when a column the model needs is missing; then the engine's
 * `predictSegments` (same preprocessing, nearest centroid, confidence, out-of-distribution flag).
 * On the training file it reproduces segments.csv's segments exactly.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import {
  computeRfm,
  deriveFeatures,
  describeTable,
  loadSource,
  openDatabase,
  readColumnValues,
  readTable,
  writeTable,
} from '@segmint/data';
import {
  ERROR_CODES,
  SegmintError,
  pipelineInputSchema,
  predictSegments,
  type ColumnSchema,
  type Table,
  type TableColumn,
} from '@segmint/engine';
import { parseModelFile } from './model-file.js';
import { assignmentColumns } from './segments-table.js';

/** Output formats of {@link predictFile}. */
export type PredictFormat = 'csv' | 'parquet' | 'json';

/**
 * Scores `inputPath` with the model at `modelPath` and writes id, segment, segment_name,
 * confidence, out_of_distribution and outlier to `outputPath` (atomically).
 * @param options - `format`: default from the output extension (.csv, .parquet, .json), else csv.
 * @returns the number of rows scored and the output path.
 * @throws SegmintError NOT_FOUND naming a missing model or input file; INVALID_MODEL naming the
 *   model field; INVALID_FILE naming the input file and a column the model needs but the file
 *   lacks (or a value that does not fit it); WRITE_FAILED.
 * @example await predictFile('out/model.json', 'new-customers.csv', 'predictions.csv')
 */
export async function predictFile(
  modelPath: string,
  inputPath: string,
  outputPath: string,
  options: { format?: PredictFormat } = {},
): Promise<{ rows: number; outputPath: string }> {
  const { model, run } = parseModelFile(await readModelText(modelPath), modelPath);
  const format = options.format ?? formatFromExtension(outputPath);
  const db = await openDatabase();
  try {
    // Read the new file as the training file was read (delimiter, header, sheet, date format);
    // its format comes from its own extension.
    const loaded = await loadSource(
      db,
      { ...run.sourceOptions, path: inputPath },
      { table: 'source' },
    );
    let table = loaded.table;
    let columns = await describeTable(db, table);
    const has = (name: string) => columns.some((c) => c.name === name);
    if (run.transactions && !has('recency') && has(run.transactions.customer)) {
      const { segments, ...spec } = run.transactions;
      table = (await computeRfm(db, table, spec, segments ? { scoreMap: segments } : {})).table;
      columns = await describeTable(db, table);
    }
    const schema = pipelineInputSchema(model.pipeline);
    if (run.derive.length > 0 && schema.some((c) => !has(c.name))) {
      table = (await deriveFeatures(db, table, run.derive)).table;
      columns = await describeTable(db, table);
    }
    const missing = schema.filter((c) => !has(c.name)).map((c) => c.name);
    if (missing.length > 0) {
      throw new SegmintError(
        ERROR_CODES.INVALID_FILE,
        `${inputPath}: the model needs column${missing.length === 1 ? '' : 's'} ${missing.map((m) => JSON.stringify(m)).join(', ')}, which the file does not have. Columns: ${columns.map((c) => JSON.stringify(c.name)).join(', ')}.`,
        { file: inputPath, column: missing[0] },
      );
    }
    const raw = await readTable(
      db,
      table,
      schema.map((c) => c.name),
    );
    const predictions = predictSegments(model, conformTable(raw, schema, inputPath));
    const idColumn = run.id ?? run.transactions?.customer ?? null;
    const ids =
      idColumn !== null && has(idColumn)
        ? { name: idColumn, values: await readColumnValues(db, table, idColumn) }
        : null;
    await writeTable(db, assignmentColumns(ids, predictions), outputPath, format);
    return { rows: predictions.length, outputPath };
  } finally {
    await db.close();
  }
}

/**
 * Casts columns to the kinds the model was trained on: numbers read as text in a numeric
 * column are parsed, numbers in a categorical column become strings.
 * @throws SegmintError INVALID_FILE naming the file, column, row (1-based) and value that is
 *   not a number.
 */
export function conformTable(t: Table, schema: readonly ColumnSchema[], file: string): Table {
  const columns = schema.map((wanted): TableColumn => {
    const column = t.columns.find((c) => c.name === wanted.name)!;
    if (column.kind === wanted.kind) return column;
    if (wanted.kind === 'categorical') {
      return {
        name: column.name,
        kind: 'categorical',
        values: Array.from(column.values as Float64Array, (v) =>
          Number.isNaN(v) ? null : String(v),
        ),
      };
    }
    const values = new Float64Array(t.rows);
    (column.values as readonly (string | null)[]).forEach((v, i) => {
      const trimmed = v?.trim() ?? '';
      const parsed = trimmed === '' ? NaN : Number(trimmed);
      if (trimmed !== '' && !Number.isFinite(parsed)) {
        throw new SegmintError(
          ERROR_CODES.INVALID_FILE,
          `${file}: column ${JSON.stringify(column.name)}, row ${i + 1} must be a number (the model was trained on numbers); got ${JSON.stringify(v)}.`,
          { file, column: column.name, row: i + 1, value: v },
        );
      }
      values[i] = parsed;
    });
    return { name: column.name, kind: 'numeric', values };
  });
  return { rows: t.rows, columns };
}

/** 'parquet' for .parquet, 'json' for .json, else 'csv'. */
export function formatFromExtension(path: string): PredictFormat {
  const extension = extname(path).toLowerCase();
  return extension === '.parquet' ? 'parquet' : extension === '.json' ? 'json' : 'csv';
}

async function readModelText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new SegmintError(
      code === 'ENOENT' ? ERROR_CODES.NOT_FOUND : ERROR_CODES.INVALID_FILE,
      code === 'ENOENT'
        ? `Model file not found: ${path}.`
        : `Cannot read the model file ${path}: ${(error as Error).message}.`,
      { file: path },
      { cause: error },
    );
  }
}
