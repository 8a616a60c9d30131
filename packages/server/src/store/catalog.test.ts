import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Catalog } from './catalog.js';
import type { RunRecord } from './catalog.js';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'segmint-catalog-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function run(id: string, status: RunRecord['status']): RunRecord {
  const now = new Date().toISOString();
  return {
    id,
    datasetId: 'd1',
    config: { k: 'auto' },
    status,
    progress: 0.5,
    error: null,
    modelId: null,
    outputDir: null,
    createdAt: now,
    updatedAt: now,
  };
}

describe('Catalog', () => {
  it('keeps datasets, runs, models and events across close and reopen', async () => {
    const first = await Catalog.open(dataDir);
    await first.addDataset({
      id: 'd1',
      name: "it's.csv",
      path: '/x/it.csv',
      format: 'csv',
      rows: 200,
      columns: [{ name: 'Age', type: 'BIGINT' }],
      origin: 'upload',
      createdAt: '2026-01-01T00:00:00.000Z',
    });
    await first.addRun(run('r1', 'succeeded'));
    await first.updateRun('r1', { modelId: 'm1', progress: 1, error: null });
    await first.addModel({ id: 'm1', runId: 'r1', path: '/x/model.json', createdAt: 'now' });
    expect(await first.addRunEvent('r1', { step: 'load' })).toBe(1);
    expect(await first.addRunEvent('r1', { step: 'fit' })).toBe(2);
    await first.close();

    const second = await Catalog.open(dataDir);
    try {
      expect(await second.getDataset('d1')).toMatchObject({
        name: "it's.csv",
        rows: 200,
        columns: [{ name: 'Age', type: 'BIGINT' }],
      });
      expect(await second.getRun('r1')).toMatchObject({
        status: 'succeeded',
        modelId: 'm1',
        progress: 1,
      });
      expect((await second.listModels()).map((model) => model.id)).toEqual(['m1']);
      const events = await second.listRunEvents('r1', 1);
      expect(events.map((event) => event.event)).toEqual([{ step: 'fit' }]);
      expect(second.interruptedOnOpen).toEqual([]);
      expect(await second.deleteDataset('d1')).toBe(true);
      expect(await second.deleteDataset('d1')).toBe(false);
      expect(await second.getDataset('d1')).toBeNull();
    } finally {
      await second.close();
    }
  });

  it('marks runs left queued or running as interrupted on open', async () => {
    const first = await Catalog.open(dataDir);
    await first.addRun(run('a', 'running'));
    await first.addRun(run('b', 'queued'));
    await first.addRun(run('c', 'succeeded'));
    await first.addRun(run('d', 'failed'));
    await first.close();

    const second = await Catalog.open(dataDir);
    try {
      expect([...second.interruptedOnOpen].sort()).toEqual(['a', 'b']);
      const statuses = Object.fromEntries(
        (await second.listRuns()).map((record) => [record.id, record.status]),
      );
      expect(statuses).toEqual({ a: 'interrupted', b: 'interrupted', c: 'succeeded', d: 'failed' });
    } finally {
      await second.close();
    }
  });
});
