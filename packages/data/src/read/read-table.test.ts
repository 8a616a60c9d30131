import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../database.js';
import { readColumnValues, readExpression, readTable } from './read-table.js';

let db: Database;
beforeAll(async () => {
  db = await openDatabase();
  await db.run(`CREATE TABLE t AS SELECT * FROM (VALUES
    (1::BIGINT, 2.5::DOUBLE, 'a', DATE '1970-01-11', TIMESTAMP '1970-01-02 12:00:00', true, 10.25::DECIMAL(10,2)),
    (2, NULL, NULL, NULL, NULL, false, NULL),
    (3, -1, 'b', DATE '2000-01-01', TIMESTAMP '1969-12-31 00:00:00', NULL, 3)
  ) AS v(id, x, s, d, ts, flag, dec)`);
});
afterAll(async () => {
  await db.close();
});

describe('readTable', () => {
  it('maps numbers, booleans and dates to Float64Array (NULL -> NaN), strings to categorical', async () => {
    const t = await readTable(db, 't');
    expect(t.rows).toBe(3);
    const byName = Object.fromEntries(t.columns.map((c) => [c.name, c]));
    const numbers = (name: string) => Array.from(byName[name]!.values as Float64Array);
    expect(byName.id).toEqual({
      name: 'id',
      kind: 'numeric',
      values: Float64Array.from([1, 2, 3]),
    });
    expect(numbers('x')).toEqual([2.5, NaN, -1]);
    expect(byName.s).toEqual({ name: 's', kind: 'categorical', values: ['a', null, 'b'] });
    expect(numbers('d')).toEqual([10, NaN, 10957]);
    expect(numbers('ts')).toEqual([1.5, NaN, -1]);
    expect(numbers('flag')).toEqual([1, 0, NaN]);
    expect(numbers('dec')).toEqual([10.25, NaN, 3]);
  });
  it('reads only the requested columns, in the requested order', async () => {
    const t = await readTable(db, 't', ['s', 'id']);
    expect(t.columns.map((c) => c.name)).toEqual(['s', 'id']);
  });
  it('names a missing column and lists the others', async () => {
    await expect(readTable(db, 't', ['nope'])).rejects.toThrow(
      /no column named "nope"; the columns are: id, x, s/,
    );
  });
  it('streams more rows than one DuckDB chunk (2048) in order', async () => {
    await db.run(
      'CREATE TABLE big AS SELECT range::DOUBLE AS v, (range % 7)::VARCHAR AS k FROM range(5000)',
    );
    const t = await readTable(db, 'big');
    const v = t.columns[0]!.values as Float64Array;
    expect(v.length).toBe(5000);
    let ordered = true;
    for (let i = 0; i < 5000; i++) if (v[i] !== i) ordered = false;
    expect(ordered).toBe(true);
    expect((t.columns[1]!.values as string[])[4999]).toBe(String(4999 % 7));
  });
  it('writes the SQL read expressions', () => {
    expect(readExpression({ name: 'D"t', type: 'DATE', kind: 'date' })).toBe(
      '(epoch("D""t") / 86400.0)::DOUBLE',
    );
    expect(readExpression({ name: 'b', type: 'BOOLEAN', kind: 'boolean' })).toBe(
      '"b"::INTEGER::DOUBLE',
    );
  });
});

describe('readColumnValues', () => {
  it('returns numbers, strings, ISO dates and null', async () => {
    expect(await readColumnValues(db, 't', 'id')).toEqual([1, 2, 3]);
    expect(await readColumnValues(db, 't', 's')).toEqual(['a', null, 'b']);
    expect(await readColumnValues(db, 't', 'd')).toEqual(['1970-01-11', null, '2000-01-01']);
  });
});
