/**
 * End to end over real HTTP (startServer on a free loopback port; built worker required): upload
 * mall customers from the shared datasets, start a run, follow its server-sent events to the
 * final status, fetch segments and profiles, predict new rows with the run's model, export CSV.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startServer } from './serve.js';
import type { RunningServer } from './serve.js';

const MALL = '/work/shared/datasets/mall_customers/Mall_Customers.csv';

let dataDir: string;
let server: RunningServer | null = null;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'segmint-e2e-'));
});
afterEach(async () => {
  await server?.close();
  server = null;
  await rm(dataDir, { recursive: true, force: true });
});

async function json<T>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return JSON.parse(text) as T;
}

describe.skipIf(!existsSync(MALL))('end to end over HTTP', () => {
  it('upload -> run -> SSE to completion -> segments, profiles -> predict -> export', async () => {
    server = await startServer({ dataDir, port: 0, handleSignals: false });
    const { url } = server;

    const form = new FormData();
    form.append('file', new Blob([readFileSync(MALL)]), 'Mall_Customers.csv');
    const dataset = await json<{ id: string; rows: number }>(
      await fetch(`${url}/api/datasets`, { method: 'POST', body: form }),
      201,
    );
    expect(dataset.rows).toBe(200);

    const config = [
      'id: CustomerID',
      'features: ["Annual Income (k$)", "Spending Score (1-100)"]',
      'clustering:',
      '  algorithm: kmeans',
      '  k: { min: 2, max: 8 }',
      '',
    ].join('\n');
    const created = await json<{ id: string; status: string }>(
      await fetch(`${url}/api/runs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ datasetId: dataset.id, config: { yaml: config } }),
      }),
      202,
    );

    const stream = await (await fetch(`${url}/api/runs/${created.id}/events`)).text();
    const frames = stream.trim().split('\n\n');
    const steps = [...stream.matchAll(/"step":"(\w+)","status":"start"/g)].map((m) => m[1]);
    expect(steps).toEqual([
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
    expect(frames.at(-1)).toContain('event: status');
    const final = JSON.parse(frames.at(-1)!.split('data: ')[1]!) as {
      status: string;
      modelId: string;
    };
    expect(final.status).toBe('succeeded');

    const run = await json<{ status: string; modelId: string; progress: number }>(
      await fetch(`${url}/api/runs/${created.id}`),
      200,
    );
    expect(run).toMatchObject({ status: 'succeeded', progress: 1, modelId: final.modelId });

    const segments = await json<{
      total: number;
      rows: { id: unknown; segment: number; segmentName: string; confidence: number }[];
    }>(await fetch(`${url}/api/runs/${created.id}/segments?limit=500`), 200);
    expect(segments.total).toBe(200);
    expect(segments.rows).toHaveLength(200);
    const report = await json<{ k: { chosen: number } | number; segments?: unknown[] }>(
      await fetch(`${url}/api/runs/${created.id}/report`),
      200,
    );
    const k = new Set(segments.rows.map((row) => row.segment)).size;
    expect(k).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(report)).toContain(segments.rows[0]!.segmentName);

    const predicted = await json<{
      predictions: { segment: number; segmentName: string; confidence: number }[];
    }>(
      await fetch(`${url}/api/models/${run.modelId}/predict`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          rows: [
            { CustomerID: 1, 'Annual Income (k$)': 15, 'Spending Score (1-100)': 39 },
            { CustomerID: 2, 'Annual Income (k$)': 137, 'Spending Score (1-100)': 83 },
          ],
        }),
      }),
      200,
    );
    expect(predicted.predictions).toHaveLength(2);
    // Customers 0001 and 0200 of the file have these values: same segments as in training.
    const trained = (id: string): number | undefined =>
      segments.rows.find((row) => row.id === id)?.segment;
    expect(predicted.predictions.map((p) => p.segment)).toEqual([trained('0001'), trained('0200')]);

    const csv = await fetch(`${url}/api/runs/${created.id}/export?format=csv`);
    expect(csv.status).toBe(200);
    const lines = (await csv.text()).trim().split('\n');
    expect(lines).toHaveLength(201);
    expect(lines[0]).toContain('segment');
  });
});
