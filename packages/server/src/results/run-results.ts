/**
 * Reading a finished run's outputs (the files `runPipeline` writes into the run's output folder):
 * pages of segments.parquet through @segmint/data (a fresh in-memory DuckDB per request, bound
 * offset/limit/segment) and report.json (the maps come from dashboard.json: dashboard-results.ts).
 * Column names of the segment files (snake_case) become the API's camelCase fields; the first
 * column is the id.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadSource, openDatabase, quoteIdentifier } from '@segmint/data';
import type { Database } from '@segmint/data';
import { SegmintError } from '@segmint/engine';
import { jsonValue } from '../datasets/read-dataset.js';
import { HttpError } from '../http/http-error.js';
import type { Catalog, RunRecord } from '../store/catalog.js';

/** File names inside a run's output folder. */
export const RESULT_FILES = {
  segmentsCsv: 'segments.csv',
  segmentsParquet: 'segments.parquet',
  model: 'model.json',
  report: 'report.json',
  reportHtml: 'report.html',
  manifest: 'manifest.json',
} as const;

/** Segment file columns -> API fields (the id column is handled separately). */
const FIELD_NAMES: Readonly<Record<string, string>> = {
  segment: 'segment',
  segment_name: 'segmentName',
  confidence: 'confidence',
  out_of_distribution: 'outOfDistribution',
  outlier: 'outlier',
  recency: 'recency',
  frequency: 'frequency',
  monetary: 'monetary',
  rfm_score: 'rfmScore',
  rfm_segment: 'rfmSegment',
};

/**
 * The run with this id when it has results.
 * @throws SegmintError NOT_FOUND for an unknown id; HttpError 409 RUN_NOT_FINISHED when the run
 *   has not succeeded (or has no output folder).
 */
export async function requireFinishedRun(
  catalog: Catalog,
  id: string,
): Promise<RunRecord & { outputDir: string }> {
  const run = await catalog.getRun(id);
  if (run === null) {
    throw new SegmintError('NOT_FOUND', `Run '${id}' not found.`, { parameter: 'id', value: id });
  }
  if (run.status !== 'succeeded' || run.outputDir === null) {
    throw new HttpError(
      409,
      'RUN_NOT_FINISHED',
      `Run '${id}' has no results yet (status '${run.status}').`,
      { id, status: run.status },
    );
  }
  return { ...run, outputDir: run.outputDir };
}

/** One row of the segments route. */
export type SegmentRow = Record<string, unknown> & { id: unknown; segment: number };

function toSegmentRow(row: Record<string, unknown>, idColumn: string): SegmentRow {
  const out: Record<string, unknown> = { id: jsonValue(row[idColumn]) };
  for (const [key, value] of Object.entries(row)) {
    if (key === idColumn) continue;
    out[FIELD_NAMES[key] ?? key] = jsonValue(value);
  }
  return out as SegmentRow;
}

async function withSegments<T>(
  outputDir: string,
  work: (db: Database, table: string, idColumn: string) => Promise<T>,
): Promise<T> {
  const db = await openDatabase();
  try {
    const loaded = await loadSource(
      db,
      { path: join(outputDir, RESULT_FILES.segmentsParquet), format: 'parquet' },
      { table: 'segments' },
    );
    const idColumn = loaded.columns[0]?.name ?? 'row';
    return await work(db, quoteIdentifier(loaded.table), idColumn);
  } finally {
    await db.close();
  }
}

/**
 * A page of a run's segment assignments: `total` counts the rows matching `segment` (all rows
 * when undefined); rows keep file order.
 */
export function readSegmentsPage(
  outputDir: string,
  query: { segment?: number; offset: number; limit: number },
): Promise<{ total: number; rows: SegmentRow[] }> {
  return withSegments(outputDir, async (db, table, idColumn) => {
    const filter = query.segment === undefined ? '' : 'WHERE segment = $segment';
    const filterParams: Record<string, number> =
      query.segment === undefined ? {} : { segment: query.segment };
    const counted = await db.all(`SELECT COUNT(*) AS n FROM ${table} ${filter}`, filterParams);
    const rows = await db.all(`SELECT * FROM ${table} ${filter} LIMIT $limit OFFSET $offset`, {
      ...filterParams,
      limit: query.limit,
      offset: query.offset,
    });
    return {
      total: Number(counted[0]?.n ?? 0),
      rows: rows.map((row) => toSegmentRow(row, idColumn)),
    };
  });
}

/** Every row of segments.parquet with its file column names (for the JSON export). */
export function readAllSegments(outputDir: string): Promise<Record<string, unknown>[]> {
  return withSegments(outputDir, async (db, table) => {
    const rows = await db.all(`SELECT * FROM ${table}`);
    return rows.map((row) =>
      Object.fromEntries(Object.entries(row).map(([key, value]) => [key, jsonValue(value)])),
    );
  });
}

/** report.json of a run, parsed. */
export async function readReport(outputDir: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(join(outputDir, RESULT_FILES.report), 'utf8')) as Record<
    string,
    unknown
  >;
}
