/**
 * Re-runs keep segment identity (continuity-stage.ts): the same segmentation found with another
 * seed keeps every customer's segment id and name; a finer one keeps the matched ids and names,
 * adds a new segment, and the migration table counts who moved.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  dataset,
  hasSharedDatasets,
  readCsv,
  runYaml,
  temporaryFolder,
} from './test-utils/run-fixtures.js';

const folder = temporaryFolder();
afterAll(() => folder.remove());

function mallYaml(name: string, k: number, seed: number): string {
  return [
    `source: ${dataset('mall_customers', 'Mall_Customers.csv')}`,
    'id: CustomerID',
    'features: ["Annual Income (k$)", "Spending Score (1-100)"]',
    `clustering: { algorithm: kmeans, k: ${k}, params: { nInit: 10 } }`,
    'stability: { resamples: 0 }',
    `seed: ${seed}`,
    `output: ${join(folder.dir, name)}`,
    '',
  ].join('\n');
}

describe.skipIf(!hasSharedDatasets)('re-runs keep segment ids and names', () => {
  it('the same segments under another seed keep their ids; a finer run adds one', async () => {
    const first = await runYaml(folder.dir, mallYaml('first', 5, 1), { dataDir: null });
    const second = await runYaml(folder.dir, mallYaml('second', 5, 7), {
      dataDir: null,
      previousRun: first.outputDir,
    });
    const before = readCsv(first.files.segmentsCsv);
    // Without the previous run, seed 7 numbers the same segments differently.
    const plain = await runYaml(folder.dir, mallYaml('plain', 5, 7), { dataDir: null });
    expect(readCsv(plain.files.segmentsCsv).map((r) => r.segment)).not.toEqual(
      before.map((r) => r.segment),
    );
    const after = readCsv(second.files.segmentsCsv);
    expect(after.map((r) => r.segment)).toEqual(before.map((r) => r.segment));
    expect(after.map((r) => r.segment_name)).toEqual(before.map((r) => r.segment_name));
    const continuity = second.report.continuity!;
    expect(continuity).toMatchObject({
      previousRun: first.outputDir,
      commonRows: 200,
      moved: 0,
      retired: [],
    });
    expect(continuity.segments.map((s) => s.previousSegment)).toEqual([0, 1, 2, 3, 4]);
    expect(first.report.continuity).toBeNull();

    const finer = await runYaml(folder.dir, mallYaml('finer', 6, 1), {
      dataDir: null,
      previousRun: first.outputDir,
    });
    const c = finer.report.continuity!;
    expect(c.segments.filter((s) => s.previousSegment === null)).toHaveLength(1);
    expect(c.segments.filter((s) => s.previousSegment !== null).map((s) => s.segment)).toEqual([
      0, 1, 2, 3, 4,
    ]);
    const names = finer.report.segments.map((s) => s.name);
    const firstNames = first.report.segments.map((s) => s.name);
    for (const s of c.segments)
      if (s.previousSegment !== null) expect(names[s.segment]).toBe(firstNames[s.previousSegment]);
    // The migration table accounts for every customer; the moved ones left a previous segment.
    const total = c.migration.counts.flat().reduce((a, b) => a + b, 0);
    expect(total).toBe(200);
    expect(c.moved).toBeGreaterThan(0);
    expect(c.migration.rows).toEqual(firstNames);
  });

  it('names the folder when the previous run has no segments', async () => {
    await expect(
      runYaml(folder.dir, mallYaml('orphan', 5, 1), {
        dataDir: null,
        previousRun: join(folder.dir, 'nothing'),
      }),
    ).rejects.toThrow(`previous run ${join(folder.dir, 'nothing')}: no segments.parquet there`);
  });
});
