/**
 * The server's catalog: datasets, runs, models and run events, persisted in an embedded DuckDB
 * file (`<dataDir>/catalog.duckdb`) through @segmint/data's {@link Database}. Every value is a
 * bound parameter; JSON fields (columns, config, error, event) are stored as text. Timestamps are
 * ISO-8601 strings. On open, runs left 'queued' or 'running' by a previous process become
 * 'interrupted' (the server stopped under them) so they can be re-run; nothing else changes.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { openDatabase } from '@segmint/data';
import type { Database, Row } from '@segmint/data';

/** A column of a dataset as the API shows it. */
export interface DatasetColumn {
  name: string;
  type: string;
}

/** One dataset: an uploaded file (owned by the server) or a registered server-side path. */
export interface DatasetRecord {
  id: string;
  name: string;
  /** Absolute path of the file. */
  path: string;
  format: string;
  rows: number;
  columns: DatasetColumn[];
  /** 'upload': the server owns the file and deletes it; 'registered': it only points at it. */
  origin: 'upload' | 'registered';
  createdAt: string;
  /** How the file is read beyond its format (CSV delimiter, Excel sheet); {} = defaults. */
  options?: { delimiter?: string; sheet?: string };
}

/** Run states; 'interrupted' marks runs that were in progress when the server stopped. */
export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled' | 'interrupted';

/** One run of the pipeline on a dataset. */
export interface RunRecord {
  id: string;
  datasetId: string;
  config: unknown;
  status: RunStatus;
  /** 0..1. */
  progress: number;
  error: { code: string; message: string; details?: unknown } | null;
  modelId: string | null;
  /** Output folder of the run (segments, report, model), once known. */
  outputDir: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A fitted model file produced by a run. */
export interface ModelRecord {
  id: string;
  runId: string;
  path: string;
  createdAt: string;
}

/** One stored progress event of a run, in order (`seq` from 1). */
export interface RunEventRecord {
  runId: string;
  seq: number;
  event: unknown;
  at: string;
}

const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS datasets (id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL,
    path VARCHAR NOT NULL, format VARCHAR NOT NULL, rows BIGINT NOT NULL, columns VARCHAR NOT NULL,
    origin VARCHAR NOT NULL, created_at VARCHAR NOT NULL)`,
  // Added after the first catalogs were written: older files gain the column on open.
  `ALTER TABLE datasets ADD COLUMN IF NOT EXISTS options VARCHAR`,
  `CREATE TABLE IF NOT EXISTS runs (id VARCHAR PRIMARY KEY, dataset_id VARCHAR NOT NULL,
    config VARCHAR NOT NULL, status VARCHAR NOT NULL, progress DOUBLE NOT NULL, error VARCHAR,
    model_id VARCHAR, output_dir VARCHAR, created_at VARCHAR NOT NULL, updated_at VARCHAR NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS models (id VARCHAR PRIMARY KEY, run_id VARCHAR NOT NULL,
    path VARCHAR NOT NULL, created_at VARCHAR NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS run_events (run_id VARCHAR NOT NULL, seq INTEGER NOT NULL,
    event VARCHAR NOT NULL, "at" VARCHAR NOT NULL, PRIMARY KEY (run_id, seq))`,
];

function text(row: Row, key: string): string {
  // Every catalog column read as text is VARCHAR; anything else is a scalar (never an object).
  const value = row[key];
  return typeof value === 'string' ? value : String(value);
}

function optionalText(row: Row, key: string): string | null {
  const value = row[key];
  return value === null || value === undefined ? null : text(row, key);
}

function parseJson(value: string | null): unknown {
  return value === null ? null : (JSON.parse(value) as unknown);
}

function toDataset(row: Row): DatasetRecord {
  return {
    id: text(row, 'id'),
    name: text(row, 'name'),
    path: text(row, 'path'),
    format: text(row, 'format'),
    rows: Number(row.rows),
    columns: parseJson(text(row, 'columns')) as DatasetColumn[],
    origin: text(row, 'origin') === 'registered' ? 'registered' : 'upload',
    createdAt: text(row, 'created_at'),
    options: parseJson(optionalText(row, 'options') ?? '{}') ?? {},
  };
}

function toRun(row: Row): RunRecord {
  return {
    id: text(row, 'id'),
    datasetId: text(row, 'dataset_id'),
    config: parseJson(text(row, 'config')),
    status: text(row, 'status') as RunStatus,
    progress: Number(row.progress),
    error: parseJson(optionalText(row, 'error')) as RunRecord['error'],
    modelId: optionalText(row, 'model_id'),
    outputDir: optionalText(row, 'output_dir'),
    createdAt: text(row, 'created_at'),
    updatedAt: text(row, 'updated_at'),
  };
}

function toModel(row: Row): ModelRecord {
  return {
    id: text(row, 'id'),
    runId: text(row, 'run_id'),
    path: text(row, 'path'),
    createdAt: text(row, 'created_at'),
  };
}

/** Fields of a run that {@link Catalog.updateRun} may change. */
export type RunPatch = Partial<
  Pick<RunRecord, 'status' | 'progress' | 'error' | 'modelId' | 'outputDir'>
>;

/**
 * The catalog over one DuckDB file. Open with {@link Catalog.open}; close with
 * {@link Catalog.close} (the app does so on shutdown).
 * @example
 * const catalog = await Catalog.open('/var/segmint');
 * await catalog.addDataset({ ... });
 * await catalog.close();
 */
export class Catalog {
  /** Runs marked 'interrupted' when this catalog was opened (a restart found them in progress). */
  readonly interruptedOnOpen: string[];
  private readonly db: Database;

  private constructor(db: Database, interrupted: string[]) {
    this.db = db;
    this.interruptedOnOpen = interrupted;
  }

  /**
   * Opens (creating when absent) `<dataDir>/catalog.duckdb`, creates missing tables and marks
   * runs left 'queued' or 'running' as 'interrupted'.
   * @throws QueryError when DuckDB cannot open the file (e.g. another process holds it).
   */
  static async open(dataDir: string): Promise<Catalog> {
    await mkdir(dataDir, { recursive: true });
    const db = await openDatabase({ path: join(dataDir, 'catalog.duckdb') });
    try {
      for (const statement of SCHEMA) await db.run(statement);
      const stale = await db.all(
        "SELECT id FROM runs WHERE status IN ('queued', 'running') ORDER BY created_at",
      );
      const ids = stale.map((row) => text(row, 'id'));
      if (ids.length > 0) {
        await db.run(
          "UPDATE runs SET status = 'interrupted', updated_at = $now WHERE status IN ('queued', 'running')",
          { now: new Date().toISOString() },
        );
      }
      return new Catalog(db, ids);
    } catch (error) {
      await db.close();
      throw error;
    }
  }

  /** Stores a new dataset. */
  async addDataset(dataset: DatasetRecord): Promise<void> {
    await this.db.run(
      `INSERT INTO datasets (id, name, path, format, rows, columns, origin, created_at, options)
        VALUES ($id, $name, $path, $format, $rows, $columns, $origin, $createdAt, $options)`,
      {
        id: dataset.id,
        name: dataset.name,
        path: dataset.path,
        format: dataset.format,
        rows: dataset.rows,
        columns: JSON.stringify(dataset.columns),
        origin: dataset.origin,
        createdAt: dataset.createdAt,
        options: JSON.stringify(dataset.options ?? {}),
      },
    );
  }

  /** The dataset with this id, or null. */
  async getDataset(id: string): Promise<DatasetRecord | null> {
    const rows = await this.db.all('SELECT * FROM datasets WHERE id = $id', { id });
    return rows[0] === undefined ? null : toDataset(rows[0]);
  }

  /** Every dataset, newest first. */
  async listDatasets(): Promise<DatasetRecord[]> {
    const rows = await this.db.all('SELECT * FROM datasets ORDER BY created_at DESC, id');
    return rows.map(toDataset);
  }

  /** Removes a dataset's entry; true when it existed. */
  async deleteDataset(id: string): Promise<boolean> {
    const existing = await this.getDataset(id);
    if (existing === null) return false;
    await this.db.run('DELETE FROM datasets WHERE id = $id', { id });
    return true;
  }

  /** Stores a new run. */
  async addRun(run: RunRecord): Promise<void> {
    await this.db.run(
      `INSERT INTO runs VALUES ($id, $datasetId, $config, $status, $progress, $error, $modelId,
        $outputDir, $createdAt, $updatedAt)`,
      {
        id: run.id,
        datasetId: run.datasetId,
        config: JSON.stringify(run.config),
        status: run.status,
        progress: run.progress,
        error: run.error === null ? null : JSON.stringify(run.error),
        modelId: run.modelId,
        outputDir: run.outputDir,
        createdAt: run.createdAt,
        updatedAt: run.updatedAt,
      },
    );
  }

  /** The run with this id, or null. */
  async getRun(id: string): Promise<RunRecord | null> {
    const rows = await this.db.all('SELECT * FROM runs WHERE id = $id', { id });
    return rows[0] === undefined ? null : toRun(rows[0]);
  }

  /** Every run, newest first. */
  async listRuns(): Promise<RunRecord[]> {
    const rows = await this.db.all('SELECT * FROM runs ORDER BY created_at DESC, id');
    return rows.map(toRun);
  }

  /** Changes some fields of a run (and its `updatedAt`); returns the updated run or null. */
  async updateRun(id: string, patch: RunPatch): Promise<RunRecord | null> {
    const current = await this.getRun(id);
    if (current === null) return null;
    const next: RunRecord = { ...current, ...patch, updatedAt: new Date().toISOString() };
    await this.db.run(
      `UPDATE runs SET status = $status, progress = $progress, error = $error,
        model_id = $modelId, output_dir = $outputDir, updated_at = $updatedAt WHERE id = $id`,
      {
        id,
        status: next.status,
        progress: next.progress,
        error: next.error === null ? null : JSON.stringify(next.error),
        modelId: next.modelId,
        outputDir: next.outputDir,
        updatedAt: next.updatedAt,
      },
    );
    return next;
  }

  /** Appends an event to a run's log; returns its sequence number (1, 2, ...). */
  async addRunEvent(runId: string, event: unknown): Promise<number> {
    const rows = await this.db.all(
      'SELECT COALESCE(MAX(seq), 0) AS last FROM run_events WHERE run_id = $runId',
      { runId },
    );
    const seq = Number(rows[0]?.last ?? 0) + 1;
    await this.db.run('INSERT INTO run_events VALUES ($runId, $seq, $event, $at)', {
      runId,
      seq,
      event: JSON.stringify(event),
      at: new Date().toISOString(),
    });
    return seq;
  }

  /** A run's events with `seq > afterSeq` (default 0), in order. */
  async listRunEvents(runId: string, afterSeq = 0): Promise<RunEventRecord[]> {
    const rows = await this.db.all(
      'SELECT * FROM run_events WHERE run_id = $runId AND seq > $afterSeq ORDER BY seq',
      { runId, afterSeq },
    );
    return rows.map((row) => ({
      runId: text(row, 'run_id'),
      seq: Number(row.seq),
      event: parseJson(text(row, 'event')),
      at: text(row, 'at'),
    }));
  }

  /** Stores a new model. */
  async addModel(model: ModelRecord): Promise<void> {
    await this.db.run('INSERT INTO models VALUES ($id, $runId, $path, $createdAt)', {
      id: model.id,
      runId: model.runId,
      path: model.path,
      createdAt: model.createdAt,
    });
  }

  /** The model with this id, or null. */
  async getModel(id: string): Promise<ModelRecord | null> {
    const rows = await this.db.all('SELECT * FROM models WHERE id = $id', { id });
    return rows[0] === undefined ? null : toModel(rows[0]);
  }

  /** Every model, newest first. */
  async listModels(): Promise<ModelRecord[]> {
    const rows = await this.db.all('SELECT * FROM models ORDER BY created_at DESC, id');
    return rows.map(toModel);
  }

  /** Removes a model's entry; true when it existed. */
  async deleteModel(id: string): Promise<boolean> {
    const existing = await this.getModel(id);
    if (existing === null) return false;
    await this.db.run('DELETE FROM models WHERE id = $id', { id });
    return true;
  }

  /** Closes the database file (safe to call twice). */
  async close(): Promise<void> {
    await this.db.close();
  }
}
