/**
 * `RunService`: the runs of the HTTP API, between the routes, the catalog and the
 * {@link JobRunner}. It resolves a request's config (a JSON object, `{ yaml }` or a YAML string,
 * validated without `source` and `output`), fills `source` from the dataset and the output folder
 * `<dataDir>/runs/<id>/`, stores the run as queued and submits it. As the runner's
 * {@link JobEvents} it stores every progress event (catalog `run_events`), keeps `runs.progress`
 * (the fraction over the 10 RUN_STEPS), records the final status, registers the model of a
 * succeeded run, and publishes everything on the {@link RunHub}. Catalog writes of one run are
 * chained so they land in the runner's order.
 *
 * On a non-graceful shutdown running jobs are cancelled by the runner; the service records those
 * as 'interrupted' (re-runnable), not 'cancelled' (which means a user asked for it).
 */
import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { SegmintError } from '@segmint/engine';
import { RUN_STEPS, parseConfig, validateConfig } from '@segmint/pipeline';
import type { PartialSegmintConfig, ProgressEvent, SegmintConfig } from '@segmint/pipeline';
import type { JobRunner } from '../jobs/job-runner.js';
import type { JobError, JobEvents, JobResult, JobStatus } from '../jobs/job-types.js';
import type { Catalog, DatasetRecord, RunRecord, RunStatus } from '../store/catalog.js';
import { RunHub } from './run-hub.js';

/** Statuses after which a run never changes again. */
export const FINISHED_STATUSES: readonly RunStatus[] = [
  'succeeded',
  'failed',
  'cancelled',
  'interrupted',
];

/** True for a finished run's status. */
export function isFinished(status: RunStatus): boolean {
  return FINISHED_STATUSES.includes(status);
}

/**
 * Validates a request's config (no `source`/`output`): a JSON object, `{ yaml: text }` or a YAML
 * text.
 * @throws SegmintError INVALID_CONFIG naming the key path (and line:column for YAML).
 */
export function resolveRunConfig(value: unknown): PartialSegmintConfig {
  const options = { file: 'config', partial: 'no-source' } as const;
  const text = typeof value === 'string' ? value : isYamlWrapper(value) ? value.yaml : null;
  if (text === null) return validateConfig(value, options);
  return parseConfig(text, options);
}

function isYamlWrapper(value: unknown): value is { yaml: string } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && typeof (value as { yaml?: unknown }).yaml === 'string';
}

/** The progress 0..1 of a run after this event: finished steps plus the current step's fraction. */
export function runProgress(event: ProgressEvent): number {
  const index = RUN_STEPS.indexOf(event.step);
  if (index < 0) return 0;
  const within = event.status === 'done' ? 1 : event.status === 'start' ? 0 : (event.fraction ?? 0);
  return Math.min(1, Math.max(0, (index + Math.min(1, Math.max(0, within))) / RUN_STEPS.length));
}

/**
 * Runs as background jobs with a persistent record. Create it with the catalog and a data
 * folder, then {@link RunService.attach} the runner (whose `events` are this service).
 * @example
 * const service = new RunService(catalog, dataDir);
 * service.attach(new JobRunner({ events: service }));
 * const run = await service.create(datasetId, { clustering: { k: 3 } });
 */
export class RunService implements JobEvents {
  /** Live events of runs, for server-sent events. */
  readonly hub = new RunHub();
  private readonly catalog: Catalog;
  private readonly dataDir: string;
  private runner: JobRunner | null = null;
  private readonly chains = new Map<string, Promise<void>>();
  private readonly userCancelled = new Set<string>();
  private shuttingDown = false;

  constructor(catalog: Catalog, dataDir: string) {
    this.catalog = catalog;
    this.dataDir = dataDir;
  }

  /** Connects the job runner that executes the runs. */
  attach(runner: JobRunner): void {
    this.runner = runner;
  }

  /**
   * Validates the config, stores a queued run on the dataset and submits it.
   * @throws SegmintError NOT_FOUND for an unknown dataset; INVALID_CONFIG for a bad config.
   */
  async create(
    datasetId: string,
    rawConfig: unknown,
    options: { previousRun?: string } = {},
  ): Promise<RunRecord> {
    const dataset = await this.catalog.getDataset(datasetId);
    if (dataset === null) {
      throw new SegmintError('NOT_FOUND', `Dataset '${datasetId}' not found.`, {
        parameter: 'datasetId',
        value: datasetId,
      });
    }
    const partial = resolveRunConfig(rawConfig);
    const id = randomUUID();
    const now = new Date().toISOString();
    const run: RunRecord = {
      id,
      datasetId,
      config: rawConfig,
      status: 'queued',
      progress: 0,
      error: null,
      modelId: null,
      outputDir: join(this.dataDir, 'runs', id),
      createdAt: now,
      updatedAt: now,
    };
    await this.catalog.addRun(run);
    this.submit(run, dataset, partial, options.previousRun);
    return run;
  }

  /**
   * A new run with the same dataset and config as `runId` (any status). When `runId` succeeded,
   * the new run continues its segments: matching segments keep their ids and names, and the
   * report's `continuity` has the migration table (pipeline `previousRun`).
   * @throws SegmintError NOT_FOUND for an unknown run or a deleted dataset.
   */
  async rerun(runId: string): Promise<RunRecord> {
    const previous = await this.require(runId);
    const continues =
      previous.status === 'succeeded' &&
      previous.outputDir !== null &&
      existsSync(join(previous.outputDir, 'segments.parquet'));
    return this.create(
      previous.datasetId,
      previous.config,
      continues ? { previousRun: previous.outputDir! } : {},
    );
  }

  /**
   * Asks to cancel a queued or running run.
   * @returns the run as it is now ('cancelled' at once when it was still queued).
   * @throws SegmintError NOT_FOUND for an unknown run; CANCELLED (409) when it already finished.
   */
  async cancel(runId: string): Promise<RunRecord> {
    // A queued or running job is stopped at once, before any catalog read.
    this.userCancelled.add(runId);
    if (this.runner?.cancel(runId) === true) {
      await this.settled(runId);
      return this.require(runId);
    }
    this.userCancelled.delete(runId);
    const run = await this.require(runId);
    if (isFinished(run.status)) {
      throw new SegmintError('CANCELLED', `Run '${runId}' already finished (${run.status}).`, {
        parameter: 'id',
        value: runId,
        status: run.status,
      });
    }
    // Stored as queued/running but unknown to the runner (a status write still pending).
    await this.settled(runId);
    return this.require(runId);
  }

  /** The run or a 404 NOT_FOUND naming the id. */
  async require(runId: string): Promise<RunRecord> {
    const run = await this.catalog.getRun(runId);
    if (run === null) {
      throw new SegmintError('NOT_FOUND', `Run '${runId}' not found.`, {
        parameter: 'id',
        value: runId,
      });
    }
    return run;
  }

  /** Marks the start of shutdown: jobs cancelled from now on are recorded as 'interrupted'. */
  beginShutdown(): void {
    this.shuttingDown = true;
  }

  /** Resolves when every pending catalog write has landed. */
  async drain(): Promise<void> {
    while (this.chains.size > 0) await Promise.all([...this.chains.values()]);
  }

  /** JobEvents: stores the event, updates the progress, publishes it. */
  onProgress(runId: string, event: ProgressEvent): void {
    this.enqueue(runId, async () => {
      const seq = await this.catalog.addRunEvent(runId, event);
      await this.catalog.updateRun(runId, { progress: runProgress(event) });
      this.hub.publish(runId, { type: 'progress', seq, event });
    });
  }

  /** JobEvents: records status changes and, on success, the model. */
  onStatus(
    runId: string,
    status: JobStatus,
    detail?: { error?: JobError; result?: JobResult },
  ): void {
    this.enqueue(runId, async () => {
      if (status === 'running') {
        await this.catalog.updateRun(runId, { status: 'running' });
        this.hub.publish(runId, { type: 'status', status: 'running' });
        return;
      }
      let final: RunStatus = status;
      if (status === 'cancelled' && this.shuttingDown && !this.userCancelled.has(runId)) {
        final = 'interrupted';
      }
      this.userCancelled.delete(runId);
      let modelId: string | null = null;
      if (status === 'succeeded' && detail?.result) {
        modelId = randomUUID();
        await this.catalog.addModel({
          id: modelId,
          runId,
          path: detail.result.files.model,
          createdAt: new Date().toISOString(),
        });
      }
      const error = detail?.error
        ? {
            code: detail.error.code,
            message:
              final === 'interrupted'
                ? `Run '${runId}' was interrupted: the server shut down while it ran.`
                : detail.error.message,
            ...(detail.error.details === undefined ? {} : { details: detail.error.details }),
          }
        : null;
      const updated = await this.catalog.updateRun(runId, {
        status: final,
        error,
        ...(final === 'succeeded' ? { progress: 1, modelId } : {}),
        ...(detail?.result ? { outputDir: detail.result.outputDir } : {}),
      });
      this.hub.publish(runId, { type: 'status', status: final });
      if (updated) this.hub.publish(runId, { type: 'end', run: updated });
    });
  }

  private submit(
    run: RunRecord,
    dataset: DatasetRecord,
    partial: PartialSegmintConfig,
    previousRun?: string,
  ): void {
    if (this.runner === null) throw new Error('RunService: no job runner attached.');
    const config = {
      ...partial,
      source: { path: dataset.path, format: dataset.format, ...dataset.options },
    } as SegmintConfig;
    this.runner.submit({
      runId: run.id,
      config,
      configDir: dirname(dataset.path),
      outputDir: run.outputDir!,
      dataDir: join(this.dataDir, 'work'),
      ...(previousRun === undefined ? {} : { previousRun }),
    });
  }

  private async settled(runId: string): Promise<void> {
    await this.chains.get(runId);
  }

  private enqueue(runId: string, task: () => Promise<void>): void {
    const previous = this.chains.get(runId) ?? Promise.resolve();
    const next = previous
      .then(task)
      // A failed catalog write must not stop the run's later writes nor escape as unhandled.
      .catch(() => undefined)
      .finally(() => {
        if (this.chains.get(runId) === next) this.chains.delete(runId);
      });
    this.chains.set(runId, next);
  }
}
