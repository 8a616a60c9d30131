/**
 * The in-process predict path against the file path (temporary CSV + predictFile): identical
 * predictions for every iris and mall row (mall with a categorical feature and an id column),
 * identical missing-column errors, and the fallback rules; and the model cache.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig, parseModelFile, runPipeline } from '@segmint/pipeline';
import type { RunModelFile } from '@segmint/pipeline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelCache } from './model-cache.js';
import {
  canPredictInProcess,
  predictRows,
  predictRowsInProcess,
  predictRowsThroughFile,
} from './predict-rows.js';

const DATASETS = '/work/shared/datasets';
const MALL = join(DATASETS, 'mall_customers', 'Mall_Customers.csv');
const IRIS = join(DATASETS, 'iris', 'iris.data');
const HAVE_DATA = existsSync(MALL) && existsSync(IRIS);

let dir: string;

async function fitModel(id: string, yaml: string): Promise<{ path: string; file: RunModelFile }> {
  const outputDir = join(dir, id);
  await runPipeline(parseConfig(yaml, { file: join(dir, `${id}.yaml`) }), {
    configDir: dir,
    outputDir,
    dataDir: null,
  });
  const path = join(outputDir, 'model.json');
  return { path, file: parseModelFile(await readFile(path, 'utf8'), path) };
}

function csvRecords(text: string, header: string[], numeric: Set<string>) {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const cells = line.split(',');
      return Object.fromEntries(
        header.map((name, j) => [name, numeric.has(name) ? Number(cells[j]) : cells[j]!]),
      );
    });
}

describe.skipIf(!HAVE_DATA)('in-process predictions', () => {
  let iris: { path: string; file: RunModelFile };
  let mall: { path: string; file: RunModelFile };
  const irisHeader = ['sepal_length', 'sepal_width', 'petal_length', 'petal_width', 'species'];
  const mallHeader = ['CustomerID', 'Genre', 'Age', 'Annual Income (k$)', 'Spending Score (1-100)'];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'segmint-fast-predict-'));
    const irisText = await readFile(IRIS, 'utf8');
    await writeFile(join(dir, 'iris.csv'), `${irisHeader.join(',')}\n${irisText}`);
    iris = await fitModel(
      'iris',
      'source: iris.csv\nclustering:\n  algorithm: kmeans\n  k: 3\noutput: out/\n',
    );
    mall = await fitModel(
      'mall',
      `source: ${MALL}\nid: CustomerID\nfeatures: [Genre, Age, "Annual Income (k$)", "Spending Score (1-100)"]\nclustering:\n  algorithm: kmeans\n  k: 5\n`,
    );
  }, 60_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('equals the file path for every iris row (row numbers as ids)', async () => {
    const rows = csvRecords(
      await readFile(IRIS, 'utf8'),
      irisHeader,
      new Set(irisHeader.slice(0, 4)),
    );
    expect(canPredictInProcess(iris.file, rows)).toBe(true);
    const fast = predictRowsInProcess(iris.file, rows);
    const slow = await predictRowsThroughFile(iris.path, iris.file, rows);
    expect(fast).toHaveLength(150);
    expect(fast).toEqual(slow);
    expect(new Set(fast.map((p) => p.segment)).size).toBe(3);
  });

  it('equals the file path for every mall row (categorical feature, id column, a null)', async () => {
    const text = (await readFile(MALL, 'utf8')).split('\n').slice(1).join('\n');
    const rows: Record<string, unknown>[] = csvRecords(
      text,
      mallHeader,
      new Set(mallHeader.filter((name) => name !== 'Genre')),
    );
    rows[3] = { ...rows[3], Age: null };
    expect(canPredictInProcess(mall.file, rows)).toBe(true);
    const fast = predictRowsInProcess(mall.file, rows);
    const slow = await predictRowsThroughFile(mall.path, mall.file, rows);
    expect(fast).toHaveLength(200);
    expect(fast).toEqual(slow);
    expect(fast[0]!.id).toBe(1);
    // Without the id column, both paths number the rows.
    const noId = rows.slice(0, 5).map(({ CustomerID: _, ...rest }) => rest);
    expect(predictRowsInProcess(mall.file, noId)).toEqual(
      await predictRowsThroughFile(mall.path, mall.file, noId),
    );
  });

  it('reports a missing model column as the file path does', async () => {
    const rows = [{ Age: 19, 'Annual Income (k$)': 15 }];
    const slow = await predictRowsThroughFile(mall.path, mall.file, rows).catch((e: unknown) => e);
    const fast = await predictRows(mall.path, mall.file, rows).catch((e: unknown) => e);
    expect(fast).toMatchObject({ code: 'INVALID_FILE' });
    expect((fast as Error).message).toBe((slow as Error).message);
    expect((fast as { details: unknown }).details).toEqual((slow as { details: unknown }).details);
  });

  it('falls back to the file path for derive recipes, RFM models and booleans', () => {
    const row = { Genre: 'Male', Age: 19, 'Annual Income (k$)': 15, 'Spending Score (1-100)': 39 };
    expect(canPredictInProcess(mall.file, [row])).toBe(true);
    expect(canPredictInProcess(mall.file, [{ ...row, Genre: true }])).toBe(false);
    const derived: RunModelFile = {
      ...mall.file,
      run: { ...mall.file.run, derive: [{ type: 'sum', columns: ['Age'], name: 'a' }] },
    };
    expect(canPredictInProcess(derived, [row])).toBe(false);
    const rfm: RunModelFile = {
      ...mall.file,
      run: {
        ...mall.file.run,
        transactions: { customer: 'c', date: 'd', price: 'p' },
      },
    };
    expect(canPredictInProcess(rfm, [row])).toBe(false);
  });
});

describe('ModelCache', () => {
  it('loads once per id, forgets on delete, does not cache failures, evicts the oldest', async () => {
    const loads: string[] = [];
    const cache = new ModelCache(async (id) => {
      loads.push(id);
      if (id === 'bad') throw new Error('missing');
      return Promise.resolve({ record: { id } as never, file: {} as never });
    }, 2);
    await cache.get('a');
    await cache.get('a');
    expect(loads).toEqual(['a']);
    cache.delete('a');
    await cache.get('a');
    expect(loads).toEqual(['a', 'a']);
    await expect(cache.get('bad')).rejects.toThrow('missing');
    await expect(cache.get('bad')).rejects.toThrow('missing');
    expect(loads.filter((id) => id === 'bad')).toHaveLength(2);
    await cache.get('b');
    await cache.get('c');
    expect(cache.size).toBe(2);
    await cache.get('a');
    expect(loads.at(-1)).toBe('a');
  });
});
