import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../database.js';
import { temporaryFolder } from '../test-utils/files.js';
import { writeTable, writeType } from './write-table.js';

const folder = temporaryFolder();
let db: Database;
beforeAll(async () => {
  db = await openDatabase();
});
afterAll(async () => {
  await db.close();
  folder.remove();
});

const rows = {
  columns: [
    { name: 'CustomerID', values: ['A1', 'B, "2"', null] },
    { name: 'segment', values: Int32Array.of(0, 2, 1) },
    { name: 'confidence', values: Float64Array.of(0.5, NaN, 1) },
    { name: 'vip', values: [true, false, null] },
  ],
};

describe('writeType', () => {
  it('chooses BIGINT, DOUBLE, BOOLEAN or VARCHAR', () => {
    expect(writeType(Int32Array.of(1))).toBe('BIGINT');
    expect(writeType([1, 2, null])).toBe('BIGINT');
    expect(writeType([1, 2.5])).toBe('DOUBLE');
    expect(writeType(Float64Array.of(NaN, 0.5))).toBe('DOUBLE');
    expect(writeType([true, null])).toBe('BOOLEAN');
    expect(writeType([1, 'x'])).toBe('VARCHAR');
    expect(writeType([])).toBe('VARCHAR');
  });
});

describe('writeTable', () => {
  it('writes CSV with a header, quoting, integers without decimals and empty cells for missing', async () => {
    const path = join(folder.dir, 'out', 'segments.csv');
    await writeTable(db, rows, path, 'csv');
    expect(readFileSync(path, 'utf8')).toBe(
      'CustomerID,segment,confidence,vip\nA1,0,0.5,true\n"B, ""2""",2,,false\n,1,1.0,\n',
    );
    expect(readdirSync(join(folder.dir, 'out'))).toEqual(['segments.csv']);
  });
  it('writes Parquet and JSON that read back the same', async () => {
    const parquet = join(folder.dir, 'segments.parquet');
    await writeTable(db, rows, parquet, 'parquet');
    const back = await db.all(`SELECT * FROM read_parquet($p)`, { p: parquet });
    expect(back.map((r) => [r.CustomerID, r.segment, r.confidence, r.vip])).toEqual([
      ['A1', 0n, 0.5, true],
      ['B, "2"', 2n, null, false],
      [null, 1n, 1, null],
    ]);
    const json = join(folder.dir, 'segments.json');
    await writeTable(db, rows, json, 'json');
    expect(JSON.parse(readFileSync(json, 'utf8'))).toEqual([
      { CustomerID: 'A1', segment: 0, confidence: 0.5, vip: true },
      { CustomerID: 'B, "2"', segment: 2, confidence: null, vip: false },
      { CustomerID: null, segment: 1, confidence: 1, vip: null },
    ]);
  });
  it('replaces an existing file only when the new one is complete; failures leave nothing behind', async () => {
    const dir = join(folder.dir, 'locked');
    mkdirSync(dir);
    const path = join(dir, 'segments.csv');
    writeFileSync(path, 'old');
    await expect(
      writeTable(
        db,
        {
          columns: [
            { name: 'a', values: [1] },
            { name: 'b', values: [1, 2] },
          ],
        },
        path,
        'csv',
      ),
    ).rejects.toThrow(/"b" has 2 values; expected 1/);
    expect(readFileSync(path, 'utf8')).toBe('old');
    // A folder that cannot exist (its parent is a file): WRITE_FAILED naming the path.
    const blocked = join(folder.dir, 'plain-file');
    writeFileSync(blocked, 'x');
    const error = await writeTable(db, rows, join(blocked, 'segments.csv'), 'csv').catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: 'WRITE_FAILED' });
    expect((error as Error).message).toContain(join(blocked, 'segments.csv'));
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
