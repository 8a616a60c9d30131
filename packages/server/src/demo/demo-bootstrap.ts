/**
 * `segmint serve --demo`: make sure the catalog holds the generated demo customers as the dataset
 * "Demo customers" and a run of the demo config on them (k chosen in 2..8, as `segmint demo`
 * does), so the dashboard's first page already shows segments. Idempotent across restarts: the
 * dataset is created once (found again by name and its file under `<dataDir>/demo/`), and a new
 * run starts only when no demo run has succeeded and none is queued or running.
 *
 * The demo CSV's dates are day-month-year; the server's runs read a dataset with its path and
 * format only, so the customers are stored as Parquet with the dates already typed.
 */
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { loadSource, openDatabase, quoteIdentifier, quoteLiteral } from '@segmint/data';
import { DEMO_CONFIG, parseConfig, writeDemo } from '@segmint/pipeline';
import type { FastifyInstance } from 'fastify';
import { describeDataset } from '../datasets/read-dataset.js';
import type { DatasetRecord, RunRecord } from '../store/catalog.js';

/** Name of the demo dataset in the catalog. */
export const DEMO_DATASET_NAME = 'Demo customers';

/** Options of {@link ensureDemo}. */
export interface DemoOptions {
  /** Customers generated (default 2000, as `segmint demo`). */
  customers?: number;
  /** Seed of the generator (default 0). */
  seed?: number;
}

/** What {@link ensureDemo} found or started. */
export interface DemoState {
  datasetId: string;
  /** The demo run shown first: the latest succeeded one, else the one started now. */
  runId: string;
  /** True when a new run was started. */
  started: boolean;
  /** The run's status when ensureDemo returned. */
  status: RunRecord['status'];
}

/** The demo config as a run request body (no source, no output). */
export function demoRunConfig(): Record<string, unknown> {
  const {
    source: _source,
    output: _output,
    ...rest
  } = parseConfig(DEMO_CONFIG, {
    file: 'demo.yaml',
  });
  return rest;
}

async function writeDemoParquet(folder: string, options: DemoOptions): Promise<string> {
  await mkdir(folder, { recursive: true });
  const generated = join(folder, 'generated');
  const { files } = await writeDemo(generated, options);
  const target = join(folder, 'customers.parquet');
  const db = await openDatabase();
  try {
    const loaded = await loadSource(
      db,
      { path: files.customers, format: 'csv', dateFormat: '%d-%m-%Y' },
      { table: 'customers' },
    );
    await db.run(
      `COPY ${quoteIdentifier(loaded.table)} TO ${quoteLiteral(target)} (FORMAT parquet)`,
    );
  } finally {
    await db.close();
  }
  await rm(generated, { recursive: true, force: true });
  return target;
}

async function demoDataset(app: FastifyInstance, options: DemoOptions): Promise<DatasetRecord> {
  const folder = join(app.segmint.dataDir, 'demo');
  const existing = (await app.catalog.listDatasets()).find(
    (d) => d.name === DEMO_DATASET_NAME && d.path.startsWith(folder) && existsSync(d.path),
  );
  if (existing !== undefined) return existing;
  const path = await writeDemoParquet(folder, options);
  const described = await describeDataset(path, 'parquet');
  const dataset: DatasetRecord = {
    id: randomUUID(),
    name: DEMO_DATASET_NAME,
    path,
    format: described.format,
    rows: described.rows,
    columns: described.columns,
    origin: 'upload',
    createdAt: new Date().toISOString(),
  };
  await app.catalog.addDataset(dataset);
  return dataset;
}

/**
 * Ensures the demo dataset and a demo run exist (see the file header). Does not wait for the run.
 * @throws SegmintError WRITE_FAILED when the data folder is not writable; data-layer errors.
 * @example const demo = await ensureDemo(app); // { datasetId, runId, started, status }
 */
export async function ensureDemo(
  app: FastifyInstance,
  options: DemoOptions = {},
): Promise<DemoState> {
  const dataset = await demoDataset(app, options);
  const runs = (await app.catalog.listRuns()).filter((r) => r.datasetId === dataset.id);
  const usable =
    runs.find((r) => r.status === 'succeeded') ??
    runs.find((r) => r.status === 'queued' || r.status === 'running');
  if (usable !== undefined) {
    return { datasetId: dataset.id, runId: usable.id, started: false, status: usable.status };
  }
  const run = await app.runs.create(dataset.id, demoRunConfig());
  return { datasetId: dataset.id, runId: run.id, started: true, status: run.status };
}
