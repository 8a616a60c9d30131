/**
 * Batch predict in worker threads (results/predict-pool.ts): a large JSON body is parsed and
 * scored off the event loop and must answer exactly as the in-thread path does for small bodies,
 * errors included (bad JSON, a bad value deep in the batch).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig, runPipeline } from '@segmint/pipeline';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { PREDICT_WORKER_MIN_BYTES } from '../results/predict-pool.js';

let dataDir: string;
let app: FastifyInstance;

interface BlobRow {
  customer: string;
  a: number | string;
  b: number;
  plan: string;
  age?: number;
}

function blobRows(n: number, seed: number): BlobRow[] {
  let state = seed;
  const random = (): number => (state = (state * 16807) % 2147483647) / 2147483647;
  return Array.from({ length: n }, (_, i) => {
    const centre = (i % 3) * 6;
    return {
      customer: `C${seed}-${i}`,
      a: centre + random(),
      b: centre - random(),
      plan: i % 4 === 0 ? 'gold' : 'basic',
    };
  });
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'segmint-predict-batch-'));
  const rows = blobRows(600, 7);
  const csv = ['customer,a,b,plan', ...rows.map((r) => [r.customer, r.a, r.b, r.plan].join(','))];
  await writeFile(join(dataDir, 'blobs.csv'), `${csv.join('\n')}\n`);
  const config = parseConfig('source: blobs.csv\nid: customer\nclustering:\n  k: 3\n  seed: 1\n', {
    file: join(dataDir, 'segmint.yaml'),
  });
  const outputDir = join(dataDir, 'runs', 'r1');
  await runPipeline(config, { configDir: dataDir, outputDir, dataDir: null });
  app = await buildApp({ dataDir });
  const now = new Date().toISOString();
  await app.catalog.addRun({
    id: 'r1',
    datasetId: 'd1',
    config,
    status: 'succeeded',
    progress: 1,
    error: null,
    modelId: 'm1',
    outputDir,
    createdAt: now,
    updatedAt: now,
  });
  await app.catalog.addModel({
    id: 'm1',
    runId: 'r1',
    path: join(outputDir, 'model.json'),
    createdAt: now,
  });
});

afterAll(async () => {
  await app.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function predict(rows: unknown[]): Promise<{ status: number; body: string; type: string }> {
  const payload = JSON.stringify({ rows });
  const response = await app.inject({
    method: 'POST',
    url: '/api/models/m1/predict',
    headers: { 'content-type': 'application/json' },
    payload,
  });
  return {
    status: response.statusCode,
    body: response.body,
    type: String(response.headers['content-type']),
  };
}

describe('batch predict in worker threads', () => {
  it('answers a large batch exactly as small in-thread batches do', async () => {
    const rows = blobRows(2000, 11);
    expect(JSON.stringify({ rows }).length).toBeGreaterThan(PREDICT_WORKER_MIN_BYTES);
    const large = await predict(rows);
    expect(large.status, large.body).toBe(200);
    expect(large.type).toContain('application/json');
    const fromWorker = (JSON.parse(large.body) as { predictions: unknown[] }).predictions;
    const inThread: unknown[] = [];
    for (let start = 0; start < rows.length; start += 40) {
      const small = await predict(rows.slice(start, start + 40));
      expect(small.status, small.body).toBe(200);
      inThread.push(...(JSON.parse(small.body) as { predictions: unknown[] }).predictions);
    }
    expect(fromWorker).toHaveLength(2000);
    expect(fromWorker).toEqual(inThread);
    expect(new Set(fromWorker.map((p) => (p as { segment: number }).segment)).size).toBe(3);
  });

  it('rejects invalid JSON in a large body with 400 BAD_REQUEST', async () => {
    const payload = `${JSON.stringify({ rows: blobRows(1000, 3) }).slice(0, -2)}`;
    const response = await app.inject({
      method: 'POST',
      url: '/api/models/m1/predict',
      headers: { 'content-type': 'application/json' },
      payload,
    });
    expect(response.statusCode).toBe(400);
    const { error } = response.json<{ error: { code: string; message: string } }>();
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('Body is not valid JSON: '); // the worker's message
  });

  it('names the row and column of a bad value deep in a large batch', async () => {
    const rows = blobRows(1500, 5);
    rows[1234] = { ...rows[1234]!, a: 'lots' };
    const response = await predict(rows);
    expect(response.status).toBe(400);
    const { error } = JSON.parse(response.body) as {
      error: { code: string; message: string; details: { row: number } };
    };
    expect(error.code).toBe('INVALID_PARAMETER');
    expect(error.message).toBe(
      'Row 1235, column "a": expected a finite number or null; got "lots".',
    );
    expect(error.details.row).toBe(1235);
    const unknown = await predict(
      blobRows(1500, 5).map((row, i) => (i === 99 ? { ...row, age: 3 } : row)),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body).toContain('Row 100: unknown column \\"age\\"');
  });

  it('answers 404 for an unknown model before any worker runs', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/models/nope/predict',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ rows: blobRows(1000, 2) }),
    });
    expect(response.statusCode).toBe(404);
    expect(response.json<{ error: { code: string } }>().error.code).toBe('NOT_FOUND');
  });
});
