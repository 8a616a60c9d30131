/**
 * Predictions for the models routes. JSON rows are checked against the model's input (every
 * column must be a training-file column, a model input or a derived feature; values are scalars;
 * numeric inputs take numbers), written to a temporary CSV and scored with @segmint/pipeline's
 * `predictFile`, so derive recipes and type conforming work exactly as for files. Uploaded
 * files go through `predictFile` directly. Fast path: when the model has no derive recipes and
 * is not an RFM model, JSON rows become an engine Table (`tableFromRecords` with the model's
 * input schema) scored in-process by `predictSegments` (no DuckDB, no temporary files), with
 * the same results and validation errors as the file path. Temporary folders are always removed; error messages
 * name the client's file (or "request rows"), never a server path.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  isSegmintError,
  pipelineInputSchema,
  predictSegments,
  SegmintError,
  tableFromRecords,
} from '@segmint/engine';
import { predictFile } from '@segmint/pipeline';
import type { RunModelFile } from '@segmint/pipeline';

/** One prediction as the API returns it. */
export interface ApiPrediction {
  id: unknown;
  segment: number;
  segmentName: string;
  confidence: number;
  outOfDistribution: boolean;
  outlier: boolean;
}

type Scalar = string | number | boolean | null;

/**
 * Checks request rows against a model.
 * @throws SegmintError INVALID_PARAMETER naming the row (1-based) and column: an unknown
 *   column, a non-scalar value, or a non-number in a numeric input; or no rows at all.
 */
export function checkRows(file: RunModelFile, rows: readonly Record<string, unknown>[]): void {
  if (rows.length === 0) {
    throw new SegmintError('INVALID_PARAMETER', "'rows' must hold at least one row.", {
      parameter: 'rows',
    });
  }
  const schema = pipelineInputSchema(file.model.pipeline);
  const numeric = new Set(schema.filter((c) => c.kind === 'numeric').map((c) => c.name));
  const known = new Set<string>([
    ...schema.map((c) => c.name),
    ...file.run.sourceColumns.map((c) => c.name),
    ...file.run.derive.map((recipe) => ('name' in recipe && recipe.name ? recipe.name : '')),
    ...(file.run.id === null ? [] : [file.run.id]),
  ]);
  rows.forEach((row, index) => {
    const rowNumber = index + 1;
    for (const [column, value] of Object.entries(row)) {
      if (!known.has(column)) {
        throw new SegmintError(
          'INVALID_PARAMETER',
          `Row ${rowNumber}: unknown column ${JSON.stringify(column)}; the model knows ${[...known]
            .filter((k) => k !== '')
            .map((k) => JSON.stringify(k))
            .join(', ')}.`,
          { parameter: `rows.${index}.${column}`, row: rowNumber, column },
        );
      }
      const scalar = value === null || ['string', 'number', 'boolean'].includes(typeof value);
      const badNumber =
        numeric.has(column) &&
        value !== null &&
        !(typeof value === 'number' && Number.isFinite(value));
      if (!scalar || badNumber) {
        throw new SegmintError(
          'INVALID_PARAMETER',
          `Row ${rowNumber}, column ${JSON.stringify(column)}: expected ${badNumber ? 'a finite number or null' : 'a string, number, boolean or null'}; got ${JSON.stringify(value) ?? typeof value}.`,
          { parameter: `rows.${index}.${column}`, row: rowNumber, column, value },
        );
      }
    }
  });
}

function csvCell(value: Scalar | undefined, delimiter: string): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /["\r\n]/.test(text) || text.includes(delimiter)
    ? `"${text.replaceAll('"', '""')}"`
    : text;
}

/** Request rows as CSV text (columns in first-seen order; missing keys are empty). */
export function rowsToCsv(rows: readonly Record<string, unknown>[], delimiter = ','): string {
  const columns: string[] = [];
  for (const row of rows)
    for (const key of Object.keys(row)) if (!columns.includes(key)) columns.push(key);
  const lines = [
    columns.map((c) => csvCell(c, delimiter)).join(delimiter),
    ...rows.map((row) => columns.map((c) => csvCell(row[c] as Scalar, delimiter)).join(delimiter)),
  ];
  return `${lines.join('\n')}\n`;
}

function hidePath(error: unknown, path: string, name: string): unknown {
  if (!isSegmintError(error) || !error.message.includes(path)) return error;
  const details = Object.fromEntries(
    Object.entries(error.details).map(([key, value]) => [key, value === path ? name : value]),
  );
  return new SegmintError(error.code, error.message.replaceAll(path, name), details, {
    cause: error,
  });
}

function toApiPrediction(row: Record<string, unknown>, idColumn: string): ApiPrediction {
  return {
    id: row[idColumn] ?? null,
    segment: Number(row.segment),
    segmentName: String(row.segment_name),
    confidence: Number(row.confidence),
    outOfDistribution: row.out_of_distribution === true,
    outlier: row.outlier === true,
  };
}

/**
 * Scores a file with `predictFile` in a temporary folder.
 * @param clientName - the name shown in error messages instead of the server path.
 * @param output - 'json': parsed predictions; 'csv': the CSV text predictFile writes.
 */
export async function predictUpload(
  modelPath: string,
  write: (folder: string) => Promise<string>,
  clientName: string,
  output: 'json' | 'csv',
): Promise<{ predictions: ApiPrediction[]; csv: string | null }> {
  const folder = await mkdtemp(join(tmpdir(), 'segmint-predict-'));
  let inputPath = '';
  try {
    inputPath = await write(folder);
    const outputPath = join(folder, `predictions.${output}`);
    await predictFile(modelPath, inputPath, outputPath, { format: output });
    const text = await readFile(outputPath, 'utf8');
    if (output === 'csv') return { predictions: [], csv: text };
    const rows = JSON.parse(text) as Record<string, unknown>[];
    const idColumn = rows[0] === undefined ? 'row' : (Object.keys(rows[0])[0] ?? 'row');
    return { predictions: rows.map((row) => toApiPrediction(row, idColumn)), csv: null };
  } catch (error) {
    throw inputPath === '' ? error : hidePath(error, inputPath, clientName);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/**
 * True when request rows can be scored in-process: the model has no derive recipes, is not an
 * RFM model, and no model input holds a boolean (the CSV path reads `true` as a number).
 */
export function canPredictInProcess(
  file: RunModelFile,
  rows: readonly Record<string, unknown>[],
): boolean {
  if (file.run.derive.length > 0 || file.run.transactions !== null) return false;
  const names = pipelineInputSchema(file.model.pipeline).map((c) => c.name);
  return rows.every((row) => names.every((name) => typeof row[name] !== 'boolean'));
}

/**
 * Scores checked request rows in-process (see {@link canPredictInProcess}); results equal the
 * `predictFile` path: empty strings are missing, confidence is rounded to 6 decimals, the id is
 * the model's id column when the rows have it, else the row number.
 * @throws SegmintError INVALID_FILE when no row has a column the model needs.
 */
export function predictRowsInProcess(
  file: RunModelFile,
  rows: readonly Record<string, unknown>[],
): ApiPrediction[] {
  const schema = pipelineInputSchema(file.model.pipeline);
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    for (const key of Object.keys(row)) {
      if (!seen.has(key)) {
        seen.add(key);
        columns.push(key);
      }
    }
  }
  const missing = schema.filter((c) => !seen.has(c.name)).map((c) => c.name);
  if (missing.length > 0) {
    throw new SegmintError(
      'INVALID_FILE',
      `request rows: the model needs column${missing.length === 1 ? '' : 's'} ${missing.map((m) => JSON.stringify(m)).join(', ')}, which the file does not have. Columns: ${columns.map((c) => JSON.stringify(c)).join(', ')}.`,
      { file: 'request rows', column: missing[0] },
    );
  }
  const cleaned = rows.map((row) => {
    const out: Record<string, unknown> = {};
    for (const { name } of schema) {
      const value = row[name];
      out[name] = value === '' ? null : value;
    }
    return out;
  });
  const predictions = predictSegments(file.model, tableFromRecords(cleaned, schema));
  const idColumn = file.run.id;
  const hasId = idColumn !== null && seen.has(idColumn);
  return predictions.map((p, index) => {
    const id = hasId ? rows[index]![idColumn] : index + 1;
    return {
      id: id === undefined || id === '' ? null : id,
      segment: p.segment,
      segmentName: p.segmentName,
      confidence: Math.round(p.confidence * 1e6) / 1e6,
      outOfDistribution: p.outOfDistribution,
      outlier: p.outlier,
    };
  });
}

/**
 * Scores request rows (checked with {@link checkRows}) with the model at `modelPath`:
 * in-process when {@link canPredictInProcess}, else through `predictFile`.
 */
export async function predictRows(
  modelPath: string,
  file: RunModelFile,
  rows: readonly Record<string, unknown>[],
): Promise<ApiPrediction[]> {
  checkRows(file, rows);
  if (canPredictInProcess(file, rows)) return predictRowsInProcess(file, rows);
  return predictRowsThroughFile(modelPath, file, rows);
}

/** Scores request rows through a temporary CSV and `predictFile` (the general path). */
export async function predictRowsThroughFile(
  modelPath: string,
  file: RunModelFile,
  rows: readonly Record<string, unknown>[],
): Promise<ApiPrediction[]> {
  const delimiter = file.run.sourceOptions.delimiter ?? ',';
  const { predictions } = await predictUpload(
    modelPath,
    async (folder) => {
      const path = join(folder, 'rows.csv');
      await writeFile(path, rowsToCsv(rows, delimiter));
      return path;
    },
    'request rows',
    'json',
  );
  return predictions;
}
