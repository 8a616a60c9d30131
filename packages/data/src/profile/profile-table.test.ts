import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../database.js';
import { inferRole, looksLikeIdName, profileTable } from './profile-table.js';

let db: Database;
beforeAll(async () => {
  db = await openDatabase();
  await db.run(`CREATE TABLE t AS SELECT * FROM (VALUES
    (1, 1.0, 'x', DATE '2020-01-01'), (2, 2.0, 'y', DATE '2020-01-03'), (3, 3.0, 'x', NULL),
    (4, 4.0, NULL, DATE '2020-01-02'), (5, NULL, 'x', DATE '2020-01-05')
  ) AS v(customer_id, amount, colour, joined)`);
});
afterAll(async () => {
  await db.close();
});

describe('profileTable', () => {
  it('computes counts, moments, quantiles, top values and histograms (hand-checked)', async () => {
    const [id, amount, colour, joined] = await profileTable(db, 't');
    expect(id!.role).toBe('id');
    expect(amount).toMatchObject({
      role: 'numeric',
      count: 5,
      missing: 1,
      missingShare: 0.2,
      distinct: 4,
      min: 1,
      max: 4,
      mean: 2.5,
    });
    // Sample std of 1,2,3,4 = sqrt(5/3).
    expect(amount!.std).toBeCloseTo(Math.sqrt(5 / 3), 12);
    // Linear quantiles (numpy default): p5 = 1 + 0.05*3 = 1.15, p25 = 1.75, p50 = 2.5, p75 = 3.25, p95 = 3.85.
    const q = amount!.quantiles!;
    expect([q.p5, q.p25, q.p50, q.p75, q.p95].map((v) => Number(v.toFixed(12)))).toEqual([
      1.15, 1.75, 2.5, 3.25, 3.85,
    ]);
    expect(amount!.histogram!.edges).toHaveLength(21);
    expect(amount!.histogram!.edges[0]).toBe(1);
    expect(amount!.histogram!.edges[20]).toBe(4);
    // Width 0.15: 1 -> bin 0, 2 -> bin 6, 3 -> bin 13, 4 -> last bin.
    const nonEmpty = amount!.histogram!.counts.flatMap((c, b) => (c > 0 ? [b] : []));
    expect(nonEmpty).toEqual([0, 6, 13, 19]);
    expect(colour).toMatchObject({
      role: 'categorical',
      missing: 1,
      distinct: 2,
      min: 'x',
      max: 'y',
      mean: null,
      histogram: null,
    });
    expect(colour!.top).toEqual([
      { value: 'x', count: 3 },
      { value: 'y', count: 1 },
    ]);
    expect(joined).toMatchObject({
      role: 'date',
      min: '2020-01-01',
      max: '2020-01-05',
      missing: 1,
    });
  });
  it('reports an entirely missing column (missing share 1, no stats)', async () => {
    await db.run(
      'CREATE TABLE empty_col AS SELECT range AS k, NULL::VARCHAR AS nothing, NULL::DOUBLE AS none FROM range(4)',
    );
    const [, nothing, none] = await profileTable(db, 'empty_col');
    expect(nothing).toMatchObject({
      missing: 4,
      missingShare: 1,
      distinct: 0,
      min: null,
      top: [],
      role: 'categorical',
    });
    expect(none).toMatchObject({
      missing: 4,
      missingShare: 1,
      mean: null,
      std: null,
      quantiles: null,
      histogram: null,
    });
  });
  it('handles a constant column (one bin)', async () => {
    await db.run('CREATE TABLE c AS SELECT 7 AS k FROM range(3)');
    const [k] = await profileTable(db, 'c');
    expect(k!.histogram).toEqual({ edges: [7, 7], counts: [3] });
    expect(k!.std).toBe(0);
  });
});

describe('roles', () => {
  it('recognises identifier names', () => {
    for (const name of ['ID', 'id', 'CustomerID', 'customer_id', 'userId', 'CUST_ID', 'Id'])
      expect(looksLikeIdName(name), name).toBe(true);
    for (const name of ['Paid', 'Idle', 'width', 'valid'])
      expect(looksLikeIdName(name), name).toBe(false);
  });
  it('needs uniqueness for an id and tells text from categories', () => {
    const intColumn = { name: 'ID', type: 'BIGINT', kind: 'numeric' as const };
    expect(inferRole(intColumn, 10, 10, 10, 0)).toBe('id');
    expect(inferRole(intColumn, 10, 10, 9, 0)).toBe('numeric');
    expect(inferRole({ name: 'ID', type: 'DOUBLE', kind: 'numeric' }, 10, 10, 10, 0)).toBe(
      'numeric',
    );
    const text = { name: 'comment', type: 'VARCHAR', kind: 'categorical' as const };
    expect(inferRole(text, 100, 100, 90, 10)).toBe('text');
    expect(inferRole(text, 100, 100, 5, 10)).toBe('categorical');
    expect(inferRole(text, 100, 100, 5, 80)).toBe('text');
  });
});
