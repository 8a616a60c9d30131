import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../database.js';
import { describeTable } from '../sources/columns.js';
import type { ColumnInfo } from '../sources/columns.js';
import { compileRecipe, deriveFeatures } from './feature-recipes.js';

let db: Database;
let columns: ColumnInfo[];
beforeAll(async () => {
  db = await openDatabase();
  await db.run(`CREATE TABLE people AS SELECT * FROM (VALUES
    (1, 1980, DATE '1980-06-15', DATE '2020-01-10', '10-01-2020', 10.0, 0.0, 'PhD', 'Married'),
    (2, 2000, DATE '2000-12-31', DATE '2020-03-10', '10-03-2020', NULL, 5.0, 'Basic', 'Single'),
    (3, 1990, NULL, DATE '2020-02-29', NULL, 4.0, 2.0, 'Master', 'Together')
  ) AS v(id, birth_year, birth_date, joined, joined_text, wine, fruit, education, status)`);
  columns = await describeTable(db, 'people');
});
afterAll(async () => {
  await db.close();
});

/** Runs one recipe and returns its column in id order. */
async function values(recipe: Parameters<typeof compileRecipe>[0]): Promise<unknown[]> {
  const { table, added } = await deriveFeatures(db, 'people', [recipe]);
  const rows = await db.all(`SELECT "${added[0]}" AS v FROM "${table}" ORDER BY id`);
  return rows.map((row) => row.v);
}

describe('compileRecipe: SQL text', () => {
  it('binds every user value and quotes every identifier', () => {
    expect(
      compileRecipe({ type: 'age', column: 'birth_year', asOf: '2020-06-30' }, columns, 'people'),
    ).toEqual({
      name: 'age',
      expression: '(year(CAST($r0_0 AS DATE)) - "birth_year")::DOUBLE',
      params: { r0_0: '2020-06-30' },
    });
    expect(
      compileRecipe(
        { type: 'ratio', numerator: 'wine', denominator: 'fruit', name: 'r' },
        columns,
        'people',
      ).expression,
    ).toBe('CASE WHEN "fruit"::DOUBLE = 0 THEN NULL ELSE "wine"::DOUBLE / "fruit"::DOUBLE END');
    const map = compileRecipe(
      { type: 'map', column: 'education', name: 'level', mapping: { Basic: 1, PhD: 3 } },
      columns,
      'people',
      2,
    );
    expect(map.expression).toBe(
      'CASE "education"::VARCHAR WHEN $r2_0 THEN CAST($r2_1 AS DOUBLE) WHEN $r2_2 THEN CAST($r2_3 AS DOUBLE) ELSE NULL::DOUBLE END',
    );
    expect(map.params).toEqual({ r2_0: 'Basic', r2_1: 1, r2_2: 'PhD', r2_3: 3 });
    expect(compileRecipe({ type: 'tenure', column: 'joined' }, columns, 'people').expression).toBe(
      `date_sub('day', "joined"::DATE, (SELECT max("joined"::DATE) FROM "people"))::DOUBLE`,
    );
  });
  it('a hostile value stays a value', () => {
    const hostile = `x' THEN 1 END; DROP TABLE people; --`;
    const compiled = compileRecipe(
      { type: 'map', column: 'education', name: 'm', mapping: { [hostile]: 'y' } },
      columns,
      'people',
    );
    expect(compiled.expression).not.toContain('DROP');
  });
  it('rejects unknown columns, bad dates and non-numeric sums, naming the recipe', () => {
    expect(() =>
      compileRecipe({ type: 'sum', columns: ['wine', 'wyne'], name: 'total' }, columns, 'people'),
    ).toThrow(/recipe 1 \(sum 'total'\): no column named "wyne"; the columns are: id, birth_year/);
    expect(() =>
      compileRecipe({ type: 'age', column: 'birth_year', asOf: '30/06/2020' }, columns, 'people'),
    ).toThrow(/'asOf' must be a date/);
    expect(() =>
      compileRecipe({ type: 'sum', columns: ['education'], name: 's' }, columns, 'people'),
    ).toThrow(/is VARCHAR, not a number/);
  });
});

describe('deriveFeatures: run on DuckDB', () => {
  it('age from a birth year and from a birth date (whole years)', async () => {
    expect(await values({ type: 'age', column: 'birth_year', asOf: '2020-06-30' })).toEqual([
      40, 20, 30,
    ]);
    expect(await values({ type: 'age', column: 'birth_date', asOf: '2020-06-30' })).toEqual([
      40,
      19,
      null,
    ]);
  });
  it('tenure up to the latest date (default) or asOf, in days or months, from dates or text', async () => {
    expect(await values({ type: 'tenure', column: 'joined' })).toEqual([60, 0, 10]);
    expect(
      await values({ type: 'tenure', column: 'joined', unit: 'months', asOf: '2020-12-31' }),
    ).toEqual([11, 9, 10]);
    expect(await values({ type: 'tenure', column: 'joined_text', dateFormat: '%d-%m-%Y' })).toEqual(
      [60, 0, null],
    );
  });
  it('sum (missing = 0), ratio (NULL for 0), count of positives, map with default', async () => {
    expect(await values({ type: 'sum', columns: ['wine', 'fruit'], name: 'total' })).toEqual([
      10, 5, 6,
    ]);
    expect(
      await values({ type: 'ratio', numerator: 'wine', denominator: 'fruit', name: 'r' }),
    ).toEqual([null, null, 2]);
    expect(await values({ type: 'count', columns: ['wine', 'fruit'], name: 'n' })).toEqual([
      1, 1, 2,
    ]);
    expect(
      await values({
        type: 'map',
        column: 'status',
        name: 'partner',
        mapping: { Married: 'yes', Together: 'yes' },
        default: 'no',
      }),
    ).toEqual(['yes', 'no', 'yes']);
  });
  it('applies recipes in order (a later one uses an earlier column) and leaves the input alone', async () => {
    const result = await deriveFeatures(db, 'people', [
      { type: 'sum', columns: ['wine', 'fruit'], name: 'total' },
      { type: 'ratio', numerator: 'wine', denominator: 'total', name: 'wine_share' },
      { type: 'sum', columns: ['total'], name: 'wine' }, // replaces an existing column
    ]);
    expect(result).toEqual({ table: 'people_features', added: ['total', 'wine_share', 'wine'] });
    const rows = await db.all('SELECT wine, wine_share FROM people_features ORDER BY id');
    expect(rows).toEqual([
      { wine: 10, wine_share: 1 },
      { wine: 5, wine_share: null },
      { wine: 6, wine_share: 4 / 6 },
    ]);
    expect((await describeTable(db, 'people')).map((c) => c.name)).not.toContain('total');
    const leftovers = await db.all(
      `SELECT table_name FROM information_schema.tables WHERE table_name LIKE 'people_recipe%'`,
    );
    expect(leftovers).toEqual([]);
  });
});
