/** DatasetCache: loads a dataset once, serves profiles and pages from it, forgets on delete. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatasetRecord } from '../store/catalog.js';
import { DatasetCache } from './dataset-cache.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'segmint-dataset-cache-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function dataset(id: string, rows: number, offset = 0): Promise<DatasetRecord> {
  const path = join(dir, `${id}.csv`);
  const lines = Array.from({ length: rows }, (_, i) => `${i + 1 + offset},${(i + offset) * 2}`);
  await writeFile(path, `id,value\n${lines.join('\n')}\n`);
  return {
    id,
    name: `${id}.csv`,
    path,
    format: 'csv',
    rows,
    columns: [],
    origin: 'upload',
    createdAt: new Date().toISOString(),
  };
}

describe('DatasetCache', () => {
  it('loads once: pages and the profile come from the loaded copy until forgotten', async () => {
    const cache = new DatasetCache();
    try {
      const first = await dataset('a', 10);
      const page = await cache.rows(first, 2, 3);
      expect(page).toMatchObject({ total: 10, columns: ['id', 'value'] });
      expect(page.rows.map((r) => r.id)).toEqual([3, 4, 5]);
      const profile = cache.profile(first);
      expect(cache.profile(first)).toBe(profile);
      expect((await profile).map((c) => c.name)).toEqual(['id', 'value']);
      // The file changes on disk: the cached copy still answers (no reload per request).
      await dataset('a', 4, 100);
      expect((await cache.rows(first, 0, 1)).rows[0]!.id).toBe(1);
      await cache.forget('a');
      expect((await cache.rows(first, 0, 1)).rows[0]!.id).toBe(101);
      expect((await cache.rows(first, 0, 10)).total).toBe(4);
    } finally {
      await cache.close();
    }
  });

  it('answers concurrent queries in order and evicts the least recently used dataset', async () => {
    const cache = new DatasetCache({ loaded: 1 });
    try {
      const [a, b] = await Promise.all([dataset('c', 50), dataset('d', 5)]);
      const pages = await Promise.all(
        Array.from({ length: 5 }, (_, i) => cache.rows(a, i * 10, 10)),
      );
      expect(pages.map((p) => p.rows[0]!.id)).toEqual([1, 11, 21, 31, 41]);
      expect((await cache.rows(b, 0, 10)).total).toBe(5);
      expect((await cache.rows(a, 49, 10)).rows.map((r) => r.id)).toEqual([50]);
    } finally {
      await cache.close();
    }
  });

  it('does not keep a file that fails to load', async () => {
    const cache = new DatasetCache();
    try {
      const missing: DatasetRecord = { ...(await dataset('e', 1)), path: join(dir, 'nope.csv') };
      await expect(cache.rows(missing, 0, 1)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(cache.profile(missing)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await writeFile(join(dir, 'nope.csv'), 'id\n7\n');
      expect((await cache.rows(missing, 0, 1)).rows[0]!.id).toBe(7);
    } finally {
      await cache.close();
    }
  });
});
