import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig, runPipeline } from '@segmint/pipeline';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import type { AppOptions } from '../app.js';
import type { RunRecord } from '../store/catalog.js';
import { multipartFile } from '../test-utils/multipart.js';

const DATASETS = '/work/shared/datasets';
const MALL = join(DATASETS, 'mall_customers', 'Mall_Customers.csv');
const IRIS = join(DATASETS, 'iris', 'iris.data');
const HAVE_DATA = existsSync(MALL) && existsSync(IRIS);

interface ErrorResponse {
  error: { code: string; message: string; details: Record<string, unknown> };
}
interface SegmentsPage {
  total: number;
  rows: { id: unknown; segment: number; segmentName: string; confidence: number }[];
}
interface Prediction {
  id: unknown;
  segment: number;
  segmentName: string;
  confidence: number;
  outOfDistribution: boolean;
}

let dataDir: string;
let sourceDir: string;
let app: FastifyInstance;

function irisCsv(text: string): string {
  const lines = text.split('\n').filter((line) => line !== '');
  return `sepal_length,sepal_width,petal_length,petal_width,species\n${lines.join('\n')}\n`;
}

/** Runs the pipeline into `<dataDir>/runs/<id>/` and records the run and model in the catalog. */
async function finishedRun(id: string, yaml: string): Promise<RunRecord> {
  const outputDir = join(dataDir, 'runs', id);
  const config = parseConfig(yaml, { file: join(sourceDir, `${id}.yaml`) });
  await runPipeline(config, { configDir: sourceDir, outputDir, dataDir: null });
  const now = new Date().toISOString();
  const run: RunRecord = {
    id,
    datasetId: `dataset-${id}`,
    config,
    status: 'succeeded',
    progress: 1,
    error: null,
    modelId: `model-${id}`,
    outputDir,
    createdAt: now,
    updatedAt: now,
  };
  await app.catalog.addRun(run);
  await app.catalog.addModel({
    id: `model-${id}`,
    runId: id,
    path: join(outputDir, 'model.json'),
    createdAt: now,
  });
  return run;
}

async function start(options: Partial<AppOptions> = {}): Promise<FastifyInstance> {
  return buildApp({ dataDir, ...options });
}

describe.skipIf(!HAVE_DATA)('result and model routes', () => {
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'segmint-results-'));
    sourceDir = join(dataDir, 'sources');
    await mkdir(sourceDir, { recursive: true });
    await writeFile(join(sourceDir, 'iris.csv'), irisCsv(await readFile(IRIS, 'utf8')));
    app = await start({ predictRateLimit: { max: 6, timeWindow: '1 minute' } });
    await finishedRun(
      'iris',
      'source: iris.csv\nclustering:\n  algorithm: kmeans\n  k: 3\noutput: out/\n',
    );
    await finishedRun(
      'mall',
      `source: ${MALL}\nid: CustomerID\nfeatures: [Age, "Annual Income (k$)", "Spending Score (1-100)"]\nclustering:\n  algorithm: kmeans\n  k: 5\n`,
    );
    const now = new Date().toISOString();
    await app.catalog.addRun({
      id: 'pending',
      datasetId: 'd',
      config: {},
      status: 'running',
      progress: 0.3,
      error: null,
      modelId: null,
      outputDir: null,
      createdAt: now,
      updatedAt: now,
    });
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('pages segments with a total, a segment filter and the contract fields', async () => {
    const all = await app.inject({ url: '/api/runs/iris/segments?limit=10&offset=5' });
    expect(all.statusCode).toBe(200);
    const page = all.json<SegmentsPage>();
    expect(page.total).toBe(150);
    expect(page.rows).toHaveLength(10);
    expect(page.rows[0]).toMatchObject({
      id: 6,
      outOfDistribution: expect.any(Boolean) as boolean,
    });
    expect(typeof page.rows[0]!.segmentName).toBe('string');
    expect(page.rows[0]!.confidence).toBeGreaterThanOrEqual(0);
    const segment = page.rows[0]!.segment;
    const filtered = (
      await app.inject({ url: `/api/runs/iris/segments?segment=${segment}&limit=1000` })
    ).json<SegmentsPage>();
    expect(filtered.rows.every((r) => r.segment === segment)).toBe(true);
    expect(filtered.rows).toHaveLength(filtered.total);
    expect(filtered.total).toBeLessThan(150);
    // Setosa (rows 1..50) is one segment: 50 rows.
    const first = (
      await app.inject({ url: '/api/runs/iris/segments?limit=1' })
    ).json<SegmentsPage>();
    const setosa = (
      await app.inject({
        url: `/api/runs/iris/segments?segment=${first.rows[0]!.segment}&limit=1000`,
      })
    ).json<SegmentsPage>();
    expect(setosa.total).toBe(50);
    const mall = (
      await app.inject({ url: '/api/runs/mall/segments?limit=2' })
    ).json<SegmentsPage>();
    expect(mall.total).toBe(200);
    expect(mall.rows.map((r) => r.id)).toEqual(['0001', '0002']);
  });

  it('rejects bad paging, unknown runs and unfinished runs', async () => {
    const big = await app.inject({ url: '/api/runs/iris/segments?limit=1001' });
    expect(big.statusCode).toBe(400);
    expect(big.json<ErrorResponse>().error.code).toBe('INVALID_PARAMETER');
    expect((await app.inject({ url: '/api/runs/iris/segments?offset=-1' })).statusCode).toBe(400);
    for (const path of ['segments', 'report', 'report.html', 'export', 'projection']) {
      const unknown = await app.inject({ url: `/api/runs/nope/${path}` });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json<ErrorResponse>().error.code).toBe('NOT_FOUND');
      const pending = await app.inject({ url: `/api/runs/pending/${path}` });
      expect(pending.statusCode).toBe(409);
      expect(pending.json<ErrorResponse>().error).toMatchObject({
        code: 'RUN_NOT_FINISHED',
        details: { status: 'running' },
      });
    }
  });

  it('serves report.json and report.html', async () => {
    const report = await app.inject({ url: '/api/runs/iris/report' });
    expect(report.statusCode).toBe(200);
    const body = report.json<{ format: string; k: number; segments: { size: number }[] }>();
    expect(body.format).toBe('segmint.report');
    expect(body.k).toBe(3);
    expect(body.segments.reduce((a, s) => a + s.size, 0)).toBe(150);
    const html = await app.inject({ url: '/api/runs/iris/report.html' });
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('<svg');
  });

  it('exports csv, parquet and json downloads', async () => {
    const csv = await app.inject({ url: '/api/runs/iris/export?format=csv' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="segments-iris.csv"');
    expect(csv.body).toBe(await readFile(join(dataDir, 'runs', 'iris', 'segments.csv'), 'utf8'));
    const parquet = await app.inject({ url: '/api/runs/iris/export?format=parquet' });
    expect(parquet.statusCode).toBe(200);
    expect(parquet.rawPayload.subarray(0, 4).toString()).toBe('PAR1');
    const json = await app.inject({ url: '/api/runs/mall/export?format=json' });
    expect(json.headers['content-disposition']).toContain('segments-mall.json');
    const rows = json.json<Record<string, unknown>[]>();
    expect(rows).toHaveLength(200);
    expect(Object.keys(rows[0]!).slice(0, 4)).toEqual([
      'CustomerID',
      'segment',
      'segment_name',
      'confidence',
    ]);
    const bad = await app.inject({ url: '/api/runs/iris/export?format=xlsx' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorResponse>().error.code).toBe('INVALID_PARAMETER');
  });

  it('serves the projection, thinned to maxPoints', async () => {
    const full = await app.inject({ url: '/api/runs/iris/projection' });
    expect(full.statusCode).toBe(200);
    const body = full.json<{ points: unknown[]; total: number; shown: number; sampled: boolean }>();
    expect(body).toMatchObject({ total: 150, shown: 150, sampled: false });
    expect(body.points).toHaveLength(150);
    const thin = (await app.inject({ url: '/api/runs/iris/projection?maxPoints=20' })).json<
      typeof body
    >();
    expect(thin).toMatchObject({ total: 150, shown: 20, sampled: true });
    expect(thin.points).toHaveLength(20);
    expect((await app.inject({ url: '/api/runs/iris/projection?maxPoints=0' })).statusCode).toBe(
      400,
    );
  });

  it('lists models and shows metadata from the model file', async () => {
    const list = await app.inject({ url: '/api/models' });
    expect(list.statusCode).toBe(200);
    const ids = list.json<{ models: { id: string }[] }>().models.map((m) => m.id);
    expect(ids.sort()).toEqual(['model-iris', 'model-mall']);
    const one = await app.inject({ url: '/api/models/model-mall' });
    const meta = one.json<{
      runId: string;
      idColumn: string;
      input: { name: string }[];
      segments: { name: string; size: number }[];
    }>();
    expect(meta.runId).toBe('mall');
    expect(meta.idColumn).toBe('CustomerID');
    expect(meta.input.map((c) => c.name)).toEqual([
      'Age',
      'Annual Income (k$)',
      'Spending Score (1-100)',
    ]);
    expect(meta.segments).toHaveLength(5);
    expect(meta.segments.reduce((a, s) => a + s.size, 0)).toBe(200);
    expect((await app.inject({ url: '/api/models/nope' })).statusCode).toBe(404);
  });

  it('predicts JSON rows like segments.csv, and rejects bad rows naming row and column', async () => {
    const segments = (
      await app.inject({ url: '/api/runs/mall/segments?limit=3' })
    ).json<SegmentsPage>();
    const predict = await app.inject({
      method: 'POST',
      url: '/api/models/model-mall/predict',
      payload: {
        rows: [
          { CustomerID: 1, Age: 19, 'Annual Income (k$)': 15, 'Spending Score (1-100)': 39 },
          { CustomerID: 2, Age: 21, 'Annual Income (k$)': 15, 'Spending Score (1-100)': 81 },
          { CustomerID: 3, Age: 20, 'Annual Income (k$)': 16, 'Spending Score (1-100)': 6 },
        ],
      },
    });
    expect(predict.statusCode).toBe(200);
    const predictions = predict.json<{ predictions: Prediction[] }>().predictions;
    expect(predictions.map((p) => p.segment)).toEqual(segments.rows.map((r) => r.segment));
    expect(predictions.map((p) => p.segmentName)).toEqual(segments.rows.map((r) => r.segmentName));
    expect(typeof predictions[0]!.outOfDistribution).toBe('boolean');

    const unknownColumn = await app.inject({
      method: 'POST',
      url: '/api/models/model-mall/predict',
      payload: { rows: [{ Age: 19 }, { Age: 20, Height: 3 }] },
    });
    expect(unknownColumn.statusCode).toBe(400);
    expect(unknownColumn.json<ErrorResponse>().error.details).toMatchObject({
      row: 2,
      column: 'Height',
    });
  });

  it('predicts an uploaded file as JSON or CSV; rejects a missing file field', async () => {
    const csvText = await readFile(join(sourceDir, 'iris.csv'), 'utf8');
    const json = await app.inject({
      method: 'POST',
      url: '/api/models/model-iris/predict',
      ...multipartFile('file', 'new.csv', csvText),
    });
    expect(json.statusCode).toBe(200);
    const predictions = json.json<{ predictions: Prediction[] }>().predictions;
    const segments = (
      await app.inject({ url: '/api/runs/iris/segments?limit=1000' })
    ).json<SegmentsPage>();
    expect(predictions.map((p) => p.segment)).toEqual(segments.rows.map((r) => r.segment));
    const upload = multipartFile('file', 'new.csv', csvText);
    const csv = await app.inject({
      method: 'POST',
      url: '/api/models/model-iris/predict',
      payload: upload.payload,
      headers: { ...upload.headers, accept: 'text/csv' },
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\n');
    expect(lines[0]!.startsWith('row,segment,segment_name,confidence')).toBe(true);
    expect(lines).toHaveLength(151);
    const wrongField = await app.inject({
      method: 'POST',
      url: '/api/models/model-iris/predict',
      ...multipartFile('upload', 'new.csv', csvText),
    });
    expect(wrongField.statusCode).toBe(400);
    expect(wrongField.json<ErrorResponse>().error.details).toMatchObject({ parameter: 'file' });
  });

  it('rate limits predict (429 RATE_LIMITED) after the other predict checks', async () => {
    // This app allows 6 predicts per minute; the previous tests used 5. Wrong types and empty bodies
    // still count.
    const wrongType = await app.inject({
      method: 'POST',
      url: '/api/models/model-mall/predict',
      payload: { rows: [{ Age: 'old' }] },
    });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json<ErrorResponse>().error.details).toMatchObject({ row: 1, column: 'Age' });
    const limited = await app.inject({
      method: 'POST',
      url: '/api/models/model-mall/predict',
      payload: { rows: [] },
    });
    expect(limited.statusCode).toBe(429);
    expect(limited.json<ErrorResponse>().error.code).toBe('RATE_LIMITED');
  });

  it('deletes a model (404 afterwards) and keeps the run results', async () => {
    const gone = await app.inject({ method: 'DELETE', url: '/api/models/model-iris' });
    expect(gone.statusCode).toBe(204);
    expect((await app.inject({ url: '/api/models/model-iris' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'DELETE', url: '/api/models/model-iris' })).statusCode).toBe(
      404,
    );
    expect((await app.inject({ url: '/api/runs/iris/report' })).statusCode).toBe(200);
  });

  it('pages the noise rows of a density run with ?segment=-1', async () => {
    await finishedRun(
      'noisy',
      `source: ${MALL}\nid: CustomerID\nfeatures: ["Annual Income (k$)", "Spending Score (1-100)"]\nclustering: { algorithm: dbscan, params: { eps: 0.3, minSamples: 5 } }\n`,
    );
    const noise = await app.inject({ url: '/api/runs/noisy/segments?segment=-1&limit=1000' });
    expect(noise.statusCode, noise.body).toBe(200);
    const page = noise.json<SegmentsPage>();
    expect(page.total).toBeGreaterThan(0);
    expect(page.rows.every((row) => row.segment === -1 && row.segmentName === 'Noise')).toBe(true);
    expect((await app.inject({ url: '/api/runs/noisy/segments?segment=-2' })).statusCode).toBe(400);
  });
});
