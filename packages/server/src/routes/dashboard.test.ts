/** Dashboard routes in process: projection, silhouette, distribution, features, model schema,
 * predict coordinates, config schema/defaults, and their error cases. */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig, runPipeline, validateConfig } from '@segmint/pipeline';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import type { RunRecord } from '../store/catalog.js';

interface ErrorResponse {
  error: { code: string; message: string; details: Record<string, unknown> };
}

let dataDir: string;
let app: FastifyInstance;

/** Three groups of 30 customers (income, spend, plan); plan follows the group. */
function customersCsv(): string {
  const lines = ['customer_id,income,spend,plan'];
  const centres = [
    [20, 100],
    [60, 500],
    [100, 900],
  ];
  for (let group = 0; group < 3; group++) {
    for (let i = 0; i < 30; i++) {
      const id = `c${String(group * 30 + i + 1).padStart(3, '0')}`;
      lines.push(
        `${id},${centres[group]![0]! + (i % 5)},${centres[group]![1]! + (i % 6)},${['basic', 'plus', 'pro'][group]}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

async function addRun(id: string, patch: Partial<RunRecord>): Promise<void> {
  const now = new Date().toISOString();
  await app.catalog.addRun({
    id,
    datasetId: 'dataset-1',
    config: {},
    status: 'succeeded',
    progress: 1,
    error: null,
    modelId: null,
    outputDir: null,
    createdAt: now,
    updatedAt: now,
    ...patch,
  });
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'segmint-dashboard-'));
  await writeFile(join(dataDir, 'customers.csv'), customersCsv());
  const yaml =
    'source: customers.csv\nid: customer_id\nfeatures: [income, spend, plan]\ncategorical: [plan]\n' +
    'clustering: { algorithm: [kmeans, minibatch-kmeans], k: 3 }\n';
  app = await buildApp({ dataDir, webRoot: null });
  for (const id of ['done', 'old']) {
    const outputDir = join(dataDir, 'runs', id);
    await runPipeline(parseConfig(yaml, { file: 'run.yaml' }), {
      configDir: dataDir,
      outputDir,
      dataDir: null,
    });
    await addRun(id, { outputDir, modelId: `model-${id}` });
    await app.catalog.addModel({
      id: `model-${id}`,
      runId: id,
      path: join(outputDir, 'model.json'),
      createdAt: new Date().toISOString(),
    });
  }
  // A run finished before dashboard.json existed.
  await unlink(join(dataDir, 'runs', 'old', 'dashboard.json'));
  await addRun('pending', { status: 'running', progress: 0.5 });
});

afterAll(async () => {
  await app.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('GET /api/runs/:id/projection', () => {
  it('returns 2-D points by default and 3-D on request, with the sampling stated', async () => {
    const two = await app.inject({ url: '/api/runs/done/projection' });
    expect(two.statusCode).toBe(200);
    const body = two.json<Record<string, unknown> & { x: number[]; id: string[] }>();
    expect(body).toMatchObject({
      method: 'pca',
      dims: 2,
      algorithm: 'kmeans',
      total: 90,
      shown: 90,
      sampled: false,
      sampling: 'Showing all 90 points.',
    });
    expect(body.x).toHaveLength(90);
    expect(body.z).toBeUndefined();
    expect(body.id[0]).toBe('c001');
    expect(body.points).toHaveLength(90);
    const three = (await app.inject({ url: '/api/runs/done/projection?dims=3' })).json<{
      z: number[];
      explainedVarianceRatio: number[];
    }>();
    expect(three.z).toHaveLength(90);
    expect(three.explainedVarianceRatio).toHaveLength(3);
  });

  it('thins per segment and colours by another algorithm', async () => {
    const thin = (
      await app.inject({ url: '/api/runs/done/projection?maxPoints=30&algorithm=minibatch-kmeans' })
    ).json<{ shown: number; sampled: boolean; sampling: string; segment: number[] }>();
    expect(thin).toMatchObject({ shown: 30, sampled: true, algorithm: 'minibatch-kmeans' });
    expect(thin.sampling).toBe('Showing 30 of 90 points, sampled per segment.');
    const counts = [0, 1, 2].map((s) => thin.segment.filter((v) => v === s).length);
    expect(counts).toEqual([10, 10, 10]);
  });

  it('rejects bad queries, unknown algorithms, unknown and unfinished runs', async () => {
    for (const query of ['dims=4', 'maxPoints=0', 'maxPoints=50001']) {
      const response = await app.inject({ url: `/api/runs/done/projection?${query}` });
      expect(response.statusCode, query).toBe(400);
    }
    const algorithm = await app.inject({ url: '/api/runs/done/projection?algorithm=dbscan' });
    expect(algorithm.statusCode).toBe(404);
    expect(algorithm.json<ErrorResponse>().error.code).toBe('UNKNOWN_ALGORITHM');
    for (const path of ['projection', 'silhouette', 'distribution?feature=income', 'features']) {
      const unknown = await app.inject({ url: `/api/runs/nope/${path}` });
      expect(unknown.statusCode, path).toBe(404);
      expect(unknown.json<ErrorResponse>().error.code).toBe('NOT_FOUND');
      const pending = await app.inject({ url: `/api/runs/pending/${path}` });
      expect(pending.statusCode, path).toBe(409);
      expect(pending.json<ErrorResponse>().error.code).toBe('RUN_NOT_FINISHED');
      const old = await app.inject({ url: `/api/runs/old/${path}` });
      expect(old.statusCode, path).toBe(404);
      expect(old.json<ErrorResponse>().error.code).toBe('NO_DASHBOARD');
    }
  });
});

describe('GET /api/runs/:id/silhouette', () => {
  it('returns per-segment values in descending order, per algorithm', async () => {
    const response = await app.inject({ url: '/api/runs/done/silhouette' });
    expect(response.statusCode).toBe(200);
    const body = response.json<{
      algorithm: string;
      method: string;
      average: number;
      shown: number;
      segments: { values: number[] }[];
    }>();
    expect(body).toMatchObject({ algorithm: 'kmeans', method: 'exact', shown: 90, total: 90 });
    expect(body.average).toBeGreaterThan(0.8);
    expect(body.segments.map((s) => s.values.length)).toEqual([30, 30, 30]);
    for (const { values } of body.segments) {
      expect(values).toEqual([...values].sort((a, b) => b - a));
    }
    const other = await app.inject({ url: '/api/runs/done/silhouette?algorithm=minibatch-kmeans' });
    expect(other.json<{ algorithm: string }>().algorithm).toBe('minibatch-kmeans');
    const unknown = await app.inject({ url: '/api/runs/done/silhouette?algorithm=nope' });
    expect(unknown.statusCode).toBe(404);
  });
});

describe('GET /api/runs/:id/distribution and /features', () => {
  it('returns numeric summaries and samples, categorical counts, and 404 for unknown features', async () => {
    const income = (await app.inject({ url: '/api/runs/done/distribution?feature=income' })).json<{
      kind: string;
      segments: { min: number; max: number; median: number; mean: number; values: number[] }[];
    }>();
    expect(income.kind).toBe('numeric');
    const low = income.segments.find((s) => s.min === 20)!;
    // 20..24, six times each.
    expect(low).toMatchObject({ max: 24, median: 22, mean: 22 });
    expect(low.values).toHaveLength(30);
    const plan = (await app.inject({ url: '/api/runs/done/distribution?feature=plan' })).json<{
      kind: string;
      categories: string[];
      segments: { counts: number[] }[];
    }>();
    expect(plan.kind).toBe('categorical');
    expect([...plan.categories].sort()).toEqual(['basic', 'plus', 'pro']);
    expect(plan.segments.map((s) => Math.max(...s.counts))).toEqual([30, 30, 30]);
    const unknown = await app.inject({ url: '/api/runs/done/distribution?feature=age' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json<ErrorResponse>().error).toMatchObject({
      code: 'UNKNOWN_FEATURE',
      details: { features: ['income', 'spend', 'plan'] },
    });
    expect((await app.inject({ url: '/api/runs/done/distribution' })).statusCode).toBe(400);
  });

  it('lists the features with raw per-segment means', async () => {
    const body = (await app.inject({ url: '/api/runs/done/features' })).json<{
      features: { name: string; kind: string }[];
      columns: { name: string; kind: string }[];
      means: { values: number[] }[];
    }>();
    expect(body.features.map((f) => f.kind)).toEqual(['numeric', 'numeric', 'categorical']);
    expect(body.columns).toEqual(body.features);
    expect(body.means.map((m) => m.values[0]!).sort((a, b) => a - b)).toEqual([22, 62, 102]);
  });
});

describe('models: schema and predict coordinates', () => {
  it('describes the predict form from the data', async () => {
    const response = await app.inject({ url: '/api/models/model-done/schema' });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ idColumn: string; features: Record<string, unknown>[] }>();
    expect(body.idColumn).toBe('customer_id');
    expect(body.features).toContainEqual({
      name: 'income',
      kind: 'numeric',
      min: 20,
      max: 104,
      median: 62,
      step: 1,
    });
    expect(body.features.find((f) => f.name === 'plan')).toMatchObject({ kind: 'categorical' });
    const unknown = await app.inject({ url: '/api/models/nope/schema' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json<ErrorResponse>().error.code).toBe('NOT_FOUND');
  });

  it('adds map coordinates to predictions on request, on the training point', async () => {
    const rows = [{ customer_id: 'c001', income: 20, spend: 100, plan: 'basic' }];
    const plain = await app.inject({
      method: 'POST',
      url: '/api/models/model-done/predict',
      payload: { rows },
    });
    expect(plain.statusCode).toBe(200);
    expect(plain.json<{ predictions: object[] }>().predictions[0]).not.toHaveProperty(
      'coordinates',
    );
    const withMap = await app.inject({
      method: 'POST',
      url: '/api/models/model-done/predict?coordinates=true',
      payload: { rows },
    });
    expect(withMap.statusCode).toBe(200);
    const [prediction] = withMap.json<{
      predictions: { coordinates: number[]; segmentName: string }[];
    }>().predictions;
    const map = (await app.inject({ url: '/api/runs/done/projection?dims=3' })).json<{
      x: number[];
      y: number[];
      z: number[];
    }>();
    expect(prediction!.coordinates).toHaveLength(3);
    expect(prediction!.coordinates[0]).toBeCloseTo(map.x[0]!, 9);
    expect(prediction!.coordinates[1]).toBeCloseTo(map.y[0]!, 9);
    expect(prediction!.coordinates[2]).toBeCloseTo(map.z[0]!, 9);
    const old = await app.inject({
      method: 'POST',
      url: '/api/models/model-old/predict?coordinates=true',
      payload: { rows },
    });
    expect(old.statusCode).toBe(404);
    expect(old.json<ErrorResponse>().error.code).toBe('NO_DASHBOARD');

    // A batch big enough for the worker path (>= 16 KiB) gets coordinates too.
    const many = Array.from({ length: 400 }, () => rows[0]!);
    const batch = await app.inject({
      method: 'POST',
      url: '/api/models/model-done/predict?coordinates=true',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ rows: many }),
    });
    expect(batch.statusCode, batch.body).toBe(200);
    const predictions = batch.json<{ predictions: { coordinates: number[] }[] }>().predictions;
    expect(predictions).toHaveLength(400);
    expect(predictions[399]!.coordinates).toEqual(prediction!.coordinates);
  });
});

describe('config routes', () => {
  it('serves the run config schema without source/output, and the defaults', async () => {
    const schema = (await app.inject({ url: '/api/config/schema' })).json<{
      properties: Record<string, unknown>;
      required: string[];
    }>();
    expect(schema.properties).toHaveProperty('clustering');
    expect(schema.properties).not.toHaveProperty('source');
    expect(schema.properties).not.toHaveProperty('output');
    expect(schema.required).not.toContain('source');
    const defaults = (await app.inject({ url: '/api/config/defaults' })).json<
      Record<string, unknown> & { clustering: { algorithm: string[] } }
    >();
    expect(defaults).not.toHaveProperty('source');
    expect(defaults.clustering.algorithm).toEqual(['kmeans']);
    // The defaults are a valid run config that validates to itself.
    expect(JSON.parse(JSON.stringify(validateConfig(defaults, { partial: 'no-source' })))).toEqual(
      defaults,
    );
  });

  it('documents every dashboard route in /openapi.json', async () => {
    const document = (await app.inject({ url: '/openapi.json' })).json<{
      paths: Record<string, unknown>;
    }>();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/runs/{id}/projection',
        '/api/runs/{id}/silhouette',
        '/api/runs/{id}/distribution',
        '/api/runs/{id}/features',
        '/api/models/{id}/schema',
        '/api/config/schema',
        '/api/config/defaults',
      ]),
    );
  });
});

describe('GET /api/runs/:id/dendrogram', () => {
  it('returns the agglomerative dendrogram, 404 NO_DENDROGRAM without one, 409 unfinished', async () => {
    const outputDir = join(dataDir, 'runs', 'tree');
    const yaml =
      'source: customers.csv\nid: customer_id\nfeatures: [income, spend]\n' +
      'clustering: { algorithm: [agglomerative, kmeans], k: 3, params: { linkage: average } }\n';
    await runPipeline(parseConfig(yaml, { file: 'run.yaml' }), {
      configDir: dataDir,
      outputDir,
      dataDir: null,
    });
    await addRun('tree', { outputDir });
    const response = await app.inject({ url: '/api/runs/tree/dendrogram' });
    expect(response.statusCode).toBe(200);
    const tree = response.json<{
      linkage: string;
      icoord: number[][];
      leaves: number[];
      cutHeight: number;
    }>();
    expect(tree.linkage).toBe('average');
    expect(tree.icoord.length).toBe(tree.leaves.length - 1);
    expect(tree.cutHeight).toBeGreaterThan(0);

    const none = await app.inject({ url: '/api/runs/done/dendrogram' });
    expect(none.statusCode).toBe(404);
    expect(none.json<{ error: { code: string; message: string } }>().error).toMatchObject({
      code: 'NO_DENDROGRAM',
      message: expect.stringContaining("include 'agglomerative'") as string,
    });
    expect((await app.inject({ url: '/api/runs/pending/dendrogram' })).statusCode).toBe(409);
    expect((await app.inject({ url: '/api/runs/nope/dendrogram' })).statusCode).toBe(404);
  });
});

describe('GET /api/runs/:id/umap', () => {
  it('computes the UMAP map on a worker once, keeps it with the run, colours by algorithm', async () => {
    const first = await app.inject({ url: '/api/runs/done/umap' });
    expect(first.statusCode, first.body).toBe(200);
    const map = first.json<{
      method: string;
      dims: number;
      x: number[];
      y: number[];
      segment: number[];
      id: string[];
      total: number;
      sampling: string;
    }>();
    expect(map).toMatchObject({
      method: 'umap',
      dims: 2,
      sampling: `Showing all ${map.total} points.`,
    });
    expect(map.x).toHaveLength(map.total);
    expect(map.y.every(Number.isFinite)).toBe(true);
    expect(new Set(map.segment).size).toBe(3);
    expect(existsSync(join(dataDir, 'runs', 'done', 'umap.json'))).toBe(true);
    const again = await app.inject({ url: '/api/runs/done/umap?algorithm=minibatch-kmeans' });
    expect(again.json<{ x: number[] }>().x).toEqual(map.x);
    expect((await app.inject({ url: '/api/runs/done/umap?algorithm=gmm' })).statusCode).toBe(404);
    const old = await app.inject({ url: '/api/runs/old/umap' });
    expect(old.statusCode).toBe(404);

    // Once the map exists, predictions with coordinates are placed on it too (in a worker).
    const placed = await app.inject({
      method: 'POST',
      url: '/api/models/model-done/predict?coordinates=true',
      payload: { rows: [{ customer_id: 'c001', income: 20, spend: 100, plan: 'basic' }] },
    });
    expect(placed.statusCode, placed.body).toBe(200);
    const [prediction] = placed.json<{ predictions: { umapCoordinates: number[] }[] }>()
      .predictions;
    expect(prediction!.umapCoordinates).toHaveLength(2);
    // A training customer lands among the map's points of its own segment.
    const segmentOf = map.segment[map.id.indexOf('c001')]!;
    const own = map.x
      .map((x, i) => ({ x, y: map.y[i]!, segment: map.segment[i]! }))
      .filter((p) => p.segment === segmentOf);
    const nearest = (points: { x: number; y: number }[]) =>
      Math.min(
        ...points.map((p) =>
          Math.hypot(p.x - prediction!.umapCoordinates[0]!, p.y - prediction!.umapCoordinates[1]!),
        ),
      );
    const others = map.x
      .map((x, i) => ({ x, y: map.y[i]!, segment: map.segment[i]! }))
      .filter((p) => p.segment !== segmentOf);
    expect(nearest(own)).toBeLessThan(nearest(others));
  });
});
