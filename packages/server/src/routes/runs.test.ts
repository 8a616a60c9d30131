/**
 * Run routes against the built worker (`npm run build` first): create/get/list on uploaded iris
 * and mall datasets, server-sent events over a real socket, cancel, rerun, config and id errors,
 * and the restart test (a run in progress when the app stops is 'interrupted' on the next start,
 * finished runs are intact and can be re-run).
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import type { RunHubMessage } from '../runs/run-hub.js';
import { multipartFile } from '../test-utils/multipart.js';

const DATASETS = '/work/shared/datasets';
const MALL = join(DATASETS, 'mall_customers', 'Mall_Customers.csv');
const IRIS = join(DATASETS, 'iris', 'iris.data');
const HAVE_DATA = existsSync(MALL) && existsSync(IRIS);

const MALL_RANGE = {
  id: 'CustomerID',
  features: ['Annual Income (k$)', 'Spending Score (1-100)'],
  clustering: { algorithm: 'kmeans', k: { min: 2, max: 10 } },
};

interface Run {
  id: string;
  status: string;
  progress: number;
  error?: { code: string; message: string };
  modelId?: string;
  datasetId: string;
}
interface ErrorResponse {
  error: { code: string; message: string; details: Record<string, unknown> };
}

let dataDir: string;
let apps: FastifyInstance[] = [];

async function start(): Promise<FastifyInstance> {
  const app = await buildApp({ dataDir });
  apps.push(app);
  return app;
}

async function uploadIris(app: FastifyInstance): Promise<string> {
  const lines = readFileSync(IRIS, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
  const csv = ['sepal_length,sepal_width,petal_length,petal_width,species', ...lines, ''].join(
    '\n',
  );
  const response = await app.inject({
    method: 'POST',
    url: '/api/datasets',
    ...multipartFile('file', 'iris.csv', csv),
  });
  expect(response.statusCode).toBe(201);
  return response.json<{ id: string }>().id;
}

async function uploadMall(app: FastifyInstance): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/datasets',
    ...multipartFile('file', 'Mall_Customers.csv', readFileSync(MALL)),
  });
  expect(response.statusCode).toBe(201);
  return response.json<{ id: string }>().id;
}

async function createRun(
  app: FastifyInstance,
  datasetId: string,
  config: unknown,
): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/runs',
    payload: { datasetId, config },
  });
  expect(response.statusCode).toBe(202);
  const body = response.json<{ id: string; status: string }>();
  expect(body.status).toBe('queued');
  return body.id;
}

async function getRun(app: FastifyInstance, id: string): Promise<Run> {
  const response = await app.inject({ method: 'GET', url: `/api/runs/${id}` });
  expect(response.statusCode).toBe(200);
  return response.json<Run>();
}

/** Resolves with the run once it is finished (the run service announces the end on its hub). */
async function finished(app: FastifyInstance, id: string): Promise<Run> {
  const ended = new Promise<void>((resolve) => {
    const off = app.runs.hub.subscribe(id, (message: RunHubMessage) => {
      if (message.type === 'end') {
        off();
        resolve();
      }
    });
  });
  const now = await getRun(app, id);
  if (['succeeded', 'failed', 'cancelled', 'interrupted'].includes(now.status)) return now;
  await ended;
  return getRun(app, id);
}

/**
 * Calls `action` synchronously when the runner delivers the run's first event of `step` (before
 * the event is stored), as a client reacting at once would; resolves with its result.
 */
function atFirstStep<T>(
  app: FastifyInstance,
  id: string,
  step: string,
  action: () => Promise<T>,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const service = app.runs;
    const original = service.onProgress.bind(service);
    service.onProgress = (runId, event) => {
      original(runId, event);
      if (runId === id && event.step === step) {
        service.onProgress = original;
        action().then(resolve, reject);
      }
    };
  });
}

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'segmint-runs-'));
  apps = [];
});
afterEach(async () => {
  for (const app of apps) await app.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('run routes: errors', () => {
  it('404 for an unknown dataset, run, cancel, rerun and events', async () => {
    const app = await start();
    const create = await app.inject({
      method: 'POST',
      url: '/api/runs',
      payload: { datasetId: 'nope', config: {} },
    });
    expect(create.statusCode).toBe(404);
    expect(create.json<ErrorResponse>().error).toMatchObject({ code: 'NOT_FOUND' });
    expect(create.json<ErrorResponse>().error.message).toContain("'nope'");
    for (const [method, url] of [
      ['GET', '/api/runs/zzz'],
      ['GET', '/api/runs/zzz/events'],
      ['POST', '/api/runs/zzz/cancel'],
      ['POST', '/api/runs/zzz/rerun'],
    ] as const) {
      const response = await app.inject({ method, url });
      expect(response.statusCode, url).toBe(404);
      expect(response.json<ErrorResponse>().error.code).toBe('NOT_FOUND');
    }
    const list = await app.inject({ method: 'GET', url: '/api/runs' });
    expect(list.json()).toEqual({ runs: [] });
  });

  it.skipIf(!HAVE_DATA)('400 INVALID_CONFIG naming the key; nothing is stored', async () => {
    const app = await start();
    const datasetId = await uploadIris(app);
    const cases: [unknown, string][] = [
      [{ clusterin: { k: 3 } }, 'clusterin'],
      [{ clustering: { k: 'many' } }, 'clustering.k'],
      [{ source: 'other.csv' }, 'source'],
      ['clustering:\n  k: 3\n  algoritm: kmeans\n', 'algoritm'],
      [{ yaml: 'clustering:\n  k: -1\n' }, 'clustering.k'],
    ];
    for (const [config, key] of cases) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/runs',
        payload: { datasetId, config },
      });
      expect(response.statusCode, JSON.stringify(config)).toBe(400);
      const { error } = response.json<ErrorResponse>();
      expect(error.code).toBe('INVALID_CONFIG');
      expect(error.message).toContain(key);
    }
    const missing = await app.inject({ method: 'POST', url: '/api/runs', payload: { datasetId } });
    expect(missing.statusCode).toBe(400);
    const list = await app.inject({ method: 'GET', url: '/api/runs' });
    expect(list.json<{ runs: Run[] }>().runs).toEqual([]);
  });
});

describe.skipIf(!HAVE_DATA)('run routes on real data', () => {
  it('runs iris to success from a YAML config, lists it, registers the model, reruns', async () => {
    const app = await start();
    const datasetId = await uploadIris(app);
    const id = await createRun(app, datasetId, 'clustering:\n  algorithm: kmeans\n  k: 3\n');
    const run = await finished(app, id);
    expect(run).toMatchObject({ id, status: 'succeeded', progress: 1, datasetId });
    expect(run.error).toBeUndefined();
    expect(run.modelId).toEqual(expect.any(String));
    const model = await app.catalog.getModel(run.modelId!);
    expect(model?.runId).toBe(id);
    expect(existsSync(model!.path)).toBe(true);
    const csv = readFileSync(join(dataDir, 'runs', id, 'segments.csv'), 'utf8')
      .trim()
      .split('\n');
    expect(csv).toHaveLength(151);

    const events = await app.catalog.listRunEvents(id);
    expect(events.length).toBeGreaterThanOrEqual(20);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));

    const rerun = await app.inject({ method: 'POST', url: `/api/runs/${id}/rerun` });
    expect(rerun.statusCode).toBe(202);
    const second = rerun.json<{ id: string; status: string }>();
    expect(second.id).not.toBe(id);
    const secondRun = await finished(app, second.id);
    expect(secondRun).toMatchObject({ status: 'succeeded', datasetId });
    expect(secondRun.modelId).not.toBe(run.modelId);
    // A rerun continues the run's segments (ids and names kept; migration table in the report).
    const report = await app.inject({ method: 'GET', url: `/api/runs/${second.id}/report` });
    const continuity = report.json<{
      continuity: { previousRun: string; commonRows: number; moved: number } | null;
    }>().continuity;
    expect(continuity).toMatchObject({
      previousRun: join(dataDir, 'runs', id),
      commonRows: 150,
      moved: 0,
    });
    expect(readFileSync(join(dataDir, 'runs', second.id, 'segments.csv'), 'utf8')).toBe(
      readFileSync(join(dataDir, 'runs', id, 'segments.csv'), 'utf8'),
    );

    const list = await app.inject({ method: 'GET', url: '/api/runs' });
    expect(list.statusCode).toBe(200);
    const ids = list.json<{ runs: Run[] }>().runs.map((r) => r.id);
    expect(ids.sort()).toEqual([id, second.id].sort());

    const late = await app.inject({ method: 'POST', url: `/api/runs/${id}/cancel` });
    expect(late.statusCode).toBe(409);
  });

  it('streams events over SSE in order, ending with a status event, and replays after Last-Event-ID', async () => {
    const app = await start();
    const datasetId = await uploadIris(app);
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    const id = await createRun(app, datasetId, { clustering: { algorithm: 'kmeans', k: 3 } });

    const read = async (headers: Record<string, string> = {}): Promise<string> => {
      const response = await fetch(`http://127.0.0.1:${port}/api/runs/${id}/events`, { headers });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/event-stream');
      return response.text(); // the server closes the stream after the final status event
    };
    const text = await read();
    const frames = text
      .split('\n\n')
      .filter((frame) => frame.trim() !== '' && !frame.startsWith(':'));
    const parsed = frames.map((frame) => {
      const lines = frame.split('\n');
      const field = (name: string): string | undefined =>
        lines.find((line) => line.startsWith(`${name}: `))?.slice(name.length + 2);
      return {
        id: field('id'),
        event: field('event'),
        data: JSON.parse(field('data') ?? 'null') as unknown,
      };
    });
    const last = parsed.at(-1)!;
    expect(last.event).toBe('status');
    expect(last.data).toMatchObject({ id, status: 'succeeded', progress: 1 });
    const progress = parsed.filter((frame) => frame.event === 'progress');
    const seqs = progress.map((frame) => Number(frame.id));
    const stored = await app.catalog.listRunEvents(id);
    expect(seqs).toEqual(stored.map((e) => e.seq));
    expect(progress.map((frame) => frame.data)).toEqual(stored.map((e) => e.event));
    expect((progress[0]!.data as { step: string }).step).toBe('load');
    expect(progress.at(-1)!.data).toMatchObject({ step: 'write', status: 'done' });

    // Reconnect after event 5: only 6.. are replayed, then the final status.
    const again = await read({ 'Last-Event-ID': '5' });
    const againIds = [...again.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));
    expect(againIds).toEqual(stored.filter((e) => e.seq > 5).map((e) => e.seq));
    expect(again.trim().split('\n\n').at(-1)).toContain('event: status');
    expect(app.runs.hub.listenerCount(id)).toBe(0);
  });

  it('cancels a running mall run (k 2..10) at its first select event', async () => {
    const app = await start();
    const datasetId = await uploadMall(app);
    const cancelled = new Promise<Awaited<ReturnType<FastifyInstance['inject']>>>((resolve) => {
      void createRun(app, datasetId, MALL_RANGE).then((runId) =>
        resolve(
          atFirstStep(app, runId, 'select', () =>
            app.inject({ method: 'POST', url: `/api/runs/${runId}/cancel` }),
          ),
        ),
      );
    });
    const cancel = await cancelled;
    const id = cancel.json<{ id: string }>().id;
    expect(cancel.statusCode).toBe(202);
    expect(cancel.json()).toMatchObject({ id });
    const run = await finished(app, id);
    expect(run.status).toBe('cancelled');
    expect(run.error?.code).toBe('CANCELLED');
    expect(run.modelId).toBeUndefined();
    expect(existsSync(join(dataDir, 'runs', id, 'segments.csv'))).toBe(false);
    const again = await app.inject({ method: 'POST', url: `/api/runs/${id}/cancel` });
    expect(again.statusCode).toBe(409);
  });

  it('restart: a run in progress when the app stops is interrupted; finished runs are intact; rerun works', async () => {
    const first = await start();
    const irisId = await uploadIris(first);
    const mallId = await uploadMall(first);
    const done = await createRun(first, irisId, { clustering: { algorithm: 'kmeans', k: 3 } });
    const doneRun = await finished(first, done);
    expect(doneRun.status).toBe('succeeded');
    const busy = await createRun(first, mallId, MALL_RANGE);
    // Not graceful: the running job is stopped mid-way, while it chooses k.
    await atFirstStep(first, busy, 'select', () => first.close());
    apps = apps.filter((app) => app !== first);

    const second = await start();
    const interrupted = await getRun(second, busy);
    expect(interrupted.status).toBe('interrupted');
    expect(interrupted.modelId).toBeUndefined();
    expect(existsSync(join(dataDir, 'runs', busy, 'segments.csv'))).toBe(false);
    const intact = await getRun(second, done);
    expect(intact).toEqual(doneRun);
    expect(existsSync(join(dataDir, 'runs', done, 'segments.csv'))).toBe(true);
    expect(await second.catalog.getModel(doneRun.modelId!)).not.toBeNull();

    const rerun = await second.inject({ method: 'POST', url: `/api/runs/${busy}/rerun` });
    expect(rerun.statusCode).toBe(202);
    const again = await finished(second, rerun.json<{ id: string }>().id);
    expect(again).toMatchObject({ status: 'succeeded', datasetId: mallId });
  });
});

describe('runs read datasets as uploaded', () => {
  it('a run reads the dataset with its delimiter', async () => {
    const app = await start();
    const rows = Array.from(
      { length: 40 },
      (_, i) => `${i};${i % 2 === 0 ? 'Paris, FR' : 'Rome, IT'};${(i % 2) * 50 + (i % 5)}`,
    );
    const response = await app.inject({
      method: 'POST',
      url: '/api/datasets?delimiter=%3B',
      ...multipartFile('file', 'shops.csv', `id;city;spend\n${rows.join('\n')}\n`),
    });
    expect(response.statusCode, response.body).toBe(201);
    const id = await createRun(app, response.json<{ id: string }>().id, {
      id: 'id',
      features: ['spend'],
      clustering: { k: 2 },
    });
    const run = await finished(app, id);
    expect(run.status, JSON.stringify(run.error)).toBe('succeeded');
    // The run was given the dataset's delimiter (saved with the model for predicting files).
    const model = await app.catalog.getModel(run.modelId!);
    const file = JSON.parse(readFileSync(model!.path, 'utf8')) as {
      run: { sourceOptions: { delimiter?: string } };
    };
    expect(file.run.sourceOptions.delimiter).toBe(';');
  });
});
