/**
 * The runner's public vocabulary: its steps, progress events, options and result. The steps run
 * in this order: load -> features -> clean -> encode -> reduce -> select -> fit -> evaluate ->
 * profile -> write ('clean' and 'encode' are the engine preprocessing pipeline; 'reduce' is the
 * optional PCA; 'select' runs only when k is a range).
 */
import type { RunReport } from '../report/report-types.js';

/** A step of a run. */
export type RunStep =
  | 'load'
  | 'features'
  | 'clean'
  | 'encode'
  | 'reduce'
  | 'select'
  | 'fit'
  | 'evaluate'
  | 'profile'
  | 'write';

/** Every step, in run order. */
export const RUN_STEPS: readonly RunStep[] = Object.freeze([
  'load',
  'features',
  'clean',
  'encode',
  'reduce',
  'select',
  'fit',
  'evaluate',
  'profile',
  'write',
]);

/**
 * A progress event. Each step emits 'start', then zero or more 'progress' (with `fraction` in
 * [0, 1] within the step: one per k while choosing k), then 'done'. Steps that do not apply
 * (no PCA, a fixed k) still emit 'start' and 'done' with a message saying they were skipped, so
 * consumers see every step exactly once and in {@link RUN_STEPS} order.
 */
export interface ProgressEvent {
  readonly step: RunStep;
  readonly status: 'start' | 'progress' | 'done';
  readonly fraction?: number;
  readonly message: string;
}

/** Options of `runPipeline`. */
export interface RunPipelineOptions {
  /** Folder of the config file: relative paths in the config resolve against it. */
  readonly configDir: string;
  /**
   * Output folder; overrides `config.output`. Default: `config.output` resolved against
   * `configDir`, else `<configDir>/segmint-out/<run id>/`.
   */
  readonly outputDir?: string;
  /** Called synchronously for every progress event. */
  readonly onProgress?: (event: ProgressEvent) => void;
  /** Cancels the run between steps and between ks (error code CANCELLED, nothing left). */
  readonly signal?: AbortSignal;
  /**
   * Data directory for the run's DuckDB database file (`run-<run id>.duckdb`): the source is
   * loaded there, so files larger than memory spill to disk, not to RAM; the file is removed when
   * the run ends. Default: `$SEGMINT_DATA_DIR`, else `<configDir>/segmint-data/`. `null` keeps the
   * database in memory (tests, small files).
   */
  readonly dataDir?: string | null;
  /**
   * Output folder of an earlier run of the same data: the new segments are matched to its
   * segments by shared customers and keep their ids and names; report.json's `continuity` says
   * how many customers moved from which segment to which.
   */
  readonly previousRun?: string;
}

/** The files a run writes (absolute paths). */
export type RunFiles = Record<
  'segmentsCsv' | 'segmentsParquet' | 'model' | 'report' | 'reportHtml' | 'manifest',
  string
>;

/** What `runPipeline` resolves to. */
export interface RunResult {
  readonly runId: string;
  /** Absolute path of the output folder. */
  readonly outputDir: string;
  readonly files: RunFiles;
  readonly report: RunReport;
}
