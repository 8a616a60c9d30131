/**
 * JobRunner against the built worker (dist/jobs/run-worker.js; `npm run build` first): real runs
 * on iris and mall customers in temp folders, failures, cancellation (queued, running, on close)
 * and the main thread's event loop staying free while a run works.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RUN_STEPS, parseConfig, type ProgressEvent } from '@segmint/pipeline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobRunner } from './job-runner.js';
import type { JobError, JobEvents, JobResult, JobStatus } from './job-types.js';

const DATASETS = '/work/shared/datasets';
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'segmint-jobs-'));
  const iris = readFileSync(join(DATASETS, 'iris/iris.data'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
  await writeFile(
    join(dir, 'iris.csv'),
    ['sepal_length,sepal_width,petal_length,petal_width,species', ...iris, ''].join('\n'),
  );
  await writeFile(
    join(dir, 'mall.csv'),
    readFileSync(join(DATASETS, 'mall_customers/Mall_Customers.csv')),
  );
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const irisConfig = (): ReturnType<typeof parseConfig> =>
  parseConfig('source: iris.csv\nclustering:\n  algorithm: kmeans\n  k: 3\n');
const mallConfig = (): ReturnType<typeof parseConfig> =>
  parseConfig(
    'source: mall.csv\nid: CustomerID\nfeatures: ["Annual Income (k$)", "Spending Score (1-100)"]\nclustering:\n  algorithm: kmeans\n  k: { min: 2, max: 10 }\n',
  );

interface StatusRecord {
  readonly runId: string;
  readonly status: JobStatus;
  readonly error?: JobError;
  readonly result?: JobResult;
}

/** Records every callback; `ended(runId)` resolves with the run's terminal status. */
class Recorder implements JobEvents {
  readonly progress = new Map<string, ProgressEvent[]>();
  readonly statuses: StatusRecord[] = [];
  onEvent: ((runId: string, event: ProgressEvent) => void) | null = null;
  private readonly waiters = new Map<string, (record: StatusRecord) => void>();

  onProgress(runId: string, event: ProgressEvent): void {
    const list = this.progress.get(runId) ?? [];
    list.push(event);
    this.progress.set(runId, list);
    this.onEvent?.(runId, event);
  }

  onStatus(
    runId: string,
    status: JobStatus,
    detail?: { error?: JobError; result?: JobResult },
  ): void {
    const record: StatusRecord = { runId, status, ...detail };
    this.statuses.push(record);
    if (status !== 'running') this.waiters.get(runId)?.(record);
  }

  ended(runId: string): Promise<StatusRecord> {
    const done = this.statuses.find((s) => s.runId === runId && s.status !== 'running');
    if (done) return Promise.resolve(done);
    return new Promise((resolve) => this.waiters.set(runId, resolve));
  }

  statusesOf(runId: string): JobStatus[] {
    return this.statuses.filter((s) => s.runId === runId).map((s) => s.status);
  }
}

describe('JobRunner', () => {
  it('runs the iris config to success off the main thread, with progress in step order', async () => {
    const events = new Recorder();
    const runner = new JobRunner({ events });
    try {
      const outputDir = join(dir, 'iris-out');
      runner.submit({
        runId: 'iris',
        config: irisConfig(),
        configDir: dir,
        outputDir,
        dataDir: null,
      });
      expect(runner.active).toBe(1);
      const end = await events.ended('iris');
      expect(end.error).toBeUndefined();
      expect(events.statusesOf('iris')).toEqual(['running', 'succeeded']);
      const progress = events.progress.get('iris') ?? [];
      const starts = progress.filter((e) => e.status === 'start').map((e) => e.step);
      const dones = progress.filter((e) => e.status === 'done').map((e) => e.step);
      expect(starts).toEqual([...RUN_STEPS]);
      expect(dones).toEqual([...RUN_STEPS]);
      // Every step's events are contiguous: start, progress*, done.
      progress.forEach((e, i) => {
        if (e.status !== 'start') expect(progress[i - 1]!.step).toBe(e.step);
      });
      const result = end.result!;
      expect(result.outputDir).toBe(outputDir);
      expect(result.summary.k).toBe(3);
      expect(result.summary.segments.map((s) => s.size).reduce((a, b) => a + b, 0)).toBe(150);
      for (const file of Object.values(result.files)) expect(existsSync(file)).toBe(true);
      const csv = readFileSync(join(outputDir, 'segments.csv'), 'utf8').trim().split('\n');
      expect(csv).toHaveLength(151);
      expect(csv[0]).toContain(',segment,segment_name,confidence');
      expect(runner.active).toBe(0);
    } finally {
      await runner.close();
    }
  });

  it("reports a missing source as 'failed' with the NOT_FOUND code and the file's name", async () => {
    const events = new Recorder();
    const runner = new JobRunner({ events });
    try {
      const outputDir = join(dir, 'missing-out');
      runner.submit({
        runId: 'missing',
        config: parseConfig('source: nowhere.csv\n'),
        configDir: dir,
        outputDir,
        dataDir: null,
      });
      const end = await events.ended('missing');
      expect(end.status).toBe('failed');
      expect(end.error?.code).toBe('NOT_FOUND');
      expect(end.error?.message).toContain('nowhere.csv');
      expect(existsSync(join(outputDir, 'segments.csv'))).toBe(false);
    } finally {
      await runner.close();
    }
  });

  it('runs FIFO one at a time and cancels a queued job without starting it', async () => {
    const events = new Recorder();
    const runner = new JobRunner({ events });
    try {
      const job = (runId: string) => ({
        runId,
        config: irisConfig(),
        configDir: dir,
        outputDir: join(dir, `${runId}-out`),
        dataDir: null,
      });
      runner.submit(job('first'));
      runner.submit(job('second'));
      runner.submit(job('third'));
      expect([runner.active, runner.queued]).toEqual([1, 2]);
      expect(runner.cancel('second')).toBe(true);
      expect(runner.queued).toBe(1);
      expect(events.statusesOf('second')).toEqual(['cancelled']);
      expect(events.statuses.find((s) => s.runId === 'second')?.error?.code).toBe('CANCELLED');
      expect(runner.cancel('no-such-run')).toBe(false);
      expect(() => runner.submit(job('first'))).toThrow(/already queued or running/);
      await events.ended('third');
      expect(events.statuses.map((s) => `${s.runId}:${s.status}`)).toEqual([
        'first:running',
        'second:cancelled',
        'first:succeeded',
        'third:running',
        'third:succeeded',
      ]);
      expect(existsSync(join(dir, 'second-out'))).toBe(false);
      expect(runner.cancel('first')).toBe(false);
    } finally {
      await runner.close();
    }
  });

  it("cancels a running job while it chooses k: 'cancelled', no segments.csv", async () => {
    const events = new Recorder();
    const runner = new JobRunner({ events });
    try {
      const outputDir = join(dir, 'mall-cancel-out');
      events.onEvent = (runId, event) => {
        if (event.step === 'select' && event.status === 'progress') runner.cancel(runId);
      };
      runner.submit({
        runId: 'mall',
        config: mallConfig(),
        configDir: dir,
        outputDir,
        dataDir: null,
      });
      const end = await events.ended('mall');
      expect(end.status).toBe('cancelled');
      expect(end.error?.code).toBe('CANCELLED');
      const steps = (events.progress.get('mall') ?? []).map((e) => e.step);
      expect(steps).not.toContain('fit');
      expect(existsSync(join(outputDir, 'segments.csv'))).toBe(false);
      expect(runner.active).toBe(0);
    } finally {
      await runner.close();
    }
  });

  it("keeps the main thread's event loop free while a run chooses k", async () => {
    const events = new Recorder();
    const runner = new JobRunner({ events });
    let ticks = 0;
    let ticking = true;
    const tick = (): void => {
      ticks += 1;
      if (ticking) setImmediate(tick);
    };
    try {
      let ticksAtSelectStart = -1;
      let ticksAtSelectDone = -1;
      events.onEvent = (_runId, event) => {
        if (event.step !== 'select') return;
        if (event.status === 'start') ticksAtSelectStart = ticks;
        if (event.status === 'done') ticksAtSelectDone = ticks;
      };
      setImmediate(tick);
      runner.submit({
        runId: 'mall',
        config: mallConfig(),
        configDir: dir,
        outputDir: join(dir, 'mall-out'),
        dataDir: null,
      });
      const end = await events.ended('mall');
      expect(end.status).toBe('succeeded');
      expect(end.result?.summary.k).toBe(5);
      // Nine ks are fitted and scored between these two events; on the main thread no
      // setImmediate callback could run in between.
      expect(ticksAtSelectStart).toBeGreaterThanOrEqual(0);
      expect(ticksAtSelectDone - ticksAtSelectStart).toBeGreaterThan(0);
      const selectProgress = (events.progress.get('mall') ?? []).filter(
        (e) => e.step === 'select' && e.status === 'progress',
      );
      expect(selectProgress).toHaveLength(9);
    } finally {
      ticking = false;
      await runner.close();
    }
  });

  it('close() without graceful cancels running and queued jobs, then refuses new ones', async () => {
    const events = new Recorder();
    const runner = new JobRunner({ events });
    const state: { closing: Promise<void> | null } = { closing: null };
    events.onEvent = (_runId, event) => {
      if (event.step === 'select' && event.status === 'progress' && !state.closing)
        state.closing = runner.close({ graceful: false });
    };
    const outputDir = join(dir, 'mall-close-out');
    runner.submit({
      runId: 'mall',
      config: mallConfig(),
      configDir: dir,
      outputDir,
      dataDir: null,
    });
    runner.submit({
      runId: 'later',
      config: irisConfig(),
      configDir: dir,
      outputDir: join(dir, 'later-out'),
      dataDir: null,
    });
    const end = await events.ended('mall');
    expect(state.closing).not.toBeNull();
    await state.closing;
    expect(end.status).toBe('cancelled');
    expect(events.statusesOf('later')).toEqual(['cancelled']);
    expect(existsSync(join(outputDir, 'segments.csv'))).toBe(false);
    expect(() =>
      runner.submit({ runId: 'x', config: irisConfig(), configDir: dir, outputDir, dataDir: null }),
    ).toThrow(/closed/);
  });

  it('close({ graceful: true }) waits for the running job to finish', async () => {
    const events = new Recorder();
    const runner = new JobRunner({ events });
    runner.submit({
      runId: 'iris',
      config: irisConfig(),
      configDir: dir,
      outputDir: join(dir, 'graceful-out'),
      dataDir: null,
    });
    await runner.close({ graceful: true });
    expect(events.statusesOf('iris')).toEqual(['running', 'succeeded']);
    expect(existsSync(join(dir, 'graceful-out', 'segments.csv'))).toBe(true);
  });

  it('close({ graceful: true, timeoutMs }) cancels what is still running after the timeout', async () => {
    const events = new Recorder();
    const runner = new JobRunner({ events });
    const state: { closing: Promise<void> | null } = { closing: null };
    events.onEvent = (_runId, event) => {
      if (event.step === 'select' && event.status === 'progress' && !state.closing)
        state.closing = runner.close({ graceful: true, timeoutMs: 0 });
    };
    const outputDir = join(dir, 'mall-timeout-out');
    runner.submit({
      runId: 'mall',
      config: mallConfig(),
      configDir: dir,
      outputDir,
      dataDir: null,
    });
    const end = await events.ended('mall');
    await state.closing;
    expect(end.status).toBe('cancelled');
    expect(existsSync(join(outputDir, 'segments.csv'))).toBe(false);
  });

  it('close({ graceful: true, timeoutMs }) lets a job finish within the timeout', async () => {
    const events = new Recorder();
    const runner = new JobRunner({ events });
    const outputDir = join(dir, 'graceful-timeout-out');
    runner.submit({
      runId: 'iris',
      config: irisConfig(),
      configDir: dir,
      outputDir,
      dataDir: null,
    });
    await runner.close({ graceful: true, timeoutMs: 600_000 });
    expect(events.statusesOf('iris')).toEqual(['running', 'succeeded']);
    expect(existsSync(join(outputDir, 'segments.csv'))).toBe(true);
  });

  it('rejects a bad maxThreads', () => {
    expect(() => new JobRunner({ maxThreads: 0, events: new Recorder() })).toThrow(/maxThreads/);
  });
});

describe('JobRunner failures across the thread boundary', () => {
  it('keeps the code, message and details of a data error (ragged row)', async () => {
    const lines = readFileSync(join(dir, 'iris.csv'), 'utf8').split('\n');
    lines[11] = `${lines[11]},9.9`;
    await writeFile(join(dir, 'ragged.csv'), lines.join('\n'));
    const events = new Recorder();
    const runner = new JobRunner({ events });
    try {
      runner.submit({
        runId: 'ragged',
        config: parseConfig('source: ragged.csv\nclustering:\n  algorithm: kmeans\n  k: 3\n'),
        configDir: dir,
        outputDir: join(dir, 'ragged-out'),
        dataDir: null,
      });
      const end = await events.ended('ragged');
      expect(end.status).toBe('failed');
      expect(end.error?.code).toBe('INVALID_FILE');
      expect(end.error?.message).toContain('12');
      expect(typeof end.error?.details).toBe('object');
    } finally {
      await runner.close();
    }
  });

  it("reports a task the worker cannot receive as 'failed' and keeps serving", async () => {
    const events = new Recorder();
    const runner = new JobRunner({ events });
    try {
      const config = { ...irisConfig(), notCloneable: () => 1 } as unknown as ReturnType<
        typeof parseConfig
      >;
      runner.submit({ runId: 'bad', config, configDir: dir, outputDir: join(dir, 'bad-out') });
      const end = await events.ended('bad');
      expect(end.status).toBe('failed');
      expect(end.error?.code).toBe('INTERNAL');
      expect(runner.active).toBe(0);
      runner.submit({
        runId: 'good',
        config: irisConfig(),
        configDir: dir,
        outputDir: join(dir, 'good-out'),
        dataDir: null,
      });
      expect((await events.ended('good')).status).toBe('succeeded');
    } finally {
      await runner.close();
    }
  });
});
