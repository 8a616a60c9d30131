/**
 * `startServer({ demo })` against the built run worker (`npm run build` first): the demo dataset
 * is registered, its run succeeds with segments and dashboard data, and a restart neither
 * duplicates the dataset nor re-runs.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunRecord } from '../store/catalog.js';
import { startServer, type RunningServer } from '../serve.js';
import { DEMO_DATASET_NAME, demoRunConfig } from './demo-bootstrap.js';

let dataDir: string;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'segmint-demo-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** Resolves with the run's final record (subscribes before checking, so no end is missed). */
function finished(server: RunningServer, runId: string): Promise<RunRecord> {
  return new Promise((resolve, reject) => {
    const off = server.app.runs.hub.subscribe(runId, (message) => {
      if (message.type === 'end') {
        off();
        resolve(message.run);
      }
    });
    server.app.catalog.getRun(runId).then((run) => {
      if (
        run !== null &&
        ['succeeded', 'failed', 'cancelled', 'interrupted'].includes(run.status)
      ) {
        off();
        resolve(run);
      }
    }, reject);
  });
}

describe('startServer({ demo })', () => {
  it('has no source or output in the demo run config, and k is a range', () => {
    const config = demoRunConfig();
    expect(config).not.toHaveProperty('source');
    expect(config).not.toHaveProperty('output');
    expect((config.clustering as { k: unknown }).k).toEqual({ min: 2, max: 8 });
  });

  it('loads the demo customers, segments them, and is idempotent across restarts', async () => {
    const first = await startServer({
      dataDir,
      port: 0,
      handleSignals: false,
      webRoot: null,
      demo: { customers: 400 },
    });
    let datasetId = '';
    let runId = '';
    try {
      expect(first.demo).toMatchObject({ started: true });
      datasetId = first.demo!.datasetId;
      runId = first.demo!.runId;
      const run = await finished(first, runId);
      expect(run.error).toBeNull();
      expect(run.status).toBe('succeeded');
      const datasets = (await (await fetch(`${first.url}/api/datasets`)).json()) as {
        datasets: { id: string; name: string; rows: number }[];
      };
      expect(datasets.datasets).toEqual([
        expect.objectContaining({ id: datasetId, name: DEMO_DATASET_NAME, rows: 400 }),
      ]);
      const report = (await (await fetch(`${first.url}/api/runs/${runId}/report`)).json()) as {
        k: number;
        segments: unknown[];
      };
      expect(report.k).toBeGreaterThanOrEqual(2);
      expect(report.segments).toHaveLength(report.k);
      const map = await fetch(`${first.url}/api/runs/${runId}/projection?dims=3`);
      expect(map.status).toBe(200);
    } finally {
      await first.close();
    }
    const second = await startServer({
      dataDir,
      port: 0,
      handleSignals: false,
      webRoot: null,
      demo: { customers: 400 },
    });
    try {
      expect(second.demo).toEqual({ datasetId, runId, started: false, status: 'succeeded' });
      expect(await second.app.catalog.listDatasets()).toHaveLength(1);
      expect(await second.app.catalog.listRuns()).toHaveLength(1);
    } finally {
      await second.close();
    }
  });
});
