import { describe, expect, it } from 'vitest';
import { fitImputer, transformImputer } from './impute.js';
import { fitDropMissingColumns, transformDropMissingColumns } from './drop-missing-columns.js';
import { table, tableFromMatrix, tableFromRecords, tableSchema, tableToMatrix } from './table.js';

describe('table', () => {
  it('infers kinds, copies values and maps null to missing', () => {
    const income = [58138, NaN, 46344];
    const t = table({
      Income: income,
      Kids: [0, null, 2],
      Education: ['PhD', null, 'Basic'],
    });
    expect(tableSchema(t)).toEqual([
      { name: 'Income', kind: 'numeric' },
      { name: 'Kids', kind: 'numeric' },
      { name: 'Education', kind: 'categorical' },
    ]);
    expect(t.rows).toBe(3);
    expect(Number.isNaN(t.columns[1]!.values[1])).toBe(true);
    income[0] = 0;
    expect(t.columns[0]!.values[0]).toBe(58138);
  });

  it('rejects ragged columns and mixed cells, naming the column', () => {
    expect(() => table({ a: [1, 2], b: [1] })).toThrow(/column "b" has 1 values; expected 2/);
    expect(() => table({ a: ['x', 3] as never })).toThrow(
      /column "a", row 1 must be a string or null/,
    );
  });

  it('tableFromRecords infers or follows a schema', () => {
    const records = [
      { Income: 51000, Education: 'PhD', ID: 1 },
      { Income: null, Education: null },
      { Income: '42000', Education: 7 },
    ];
    // Without a schema any string makes a column categorical (numbers in it become strings).
    expect(tableFromRecords(records).columns[0]!.values).toEqual(['51000', null, '42000']);
    expect(() => tableFromRecords([{ a: 'x' }], [{ name: 'a', kind: 'numeric' }])).toThrow(
      /column "a", row 0 must be a number or null \(numeric column\); got "x"/,
    );
    const t = tableFromRecords(records, [
      { name: 'Income', kind: 'numeric' },
      { name: 'Education', kind: 'categorical' },
    ]);
    expect(Array.from(t.columns[0]!.values as Float64Array)).toEqual([51000, NaN, 42000]);
    expect(t.columns[1]!.values).toEqual(['PhD', null, '7']);
    const inferred = tableFromRecords(records.slice(0, 2));
    expect(tableSchema(inferred)).toEqual([
      { name: 'Income', kind: 'numeric' },
      { name: 'Education', kind: 'categorical' },
      { name: 'ID', kind: 'numeric' },
    ]);
    expect(Number.isNaN(inferred.columns[2]!.values[1])).toBe(true);
  });

  it('tableToMatrix takes numeric columns and names a categorical one', () => {
    const t = table({ a: [1, 2], c: ['x', 'y'], b: [3, 4] });
    const { X, featureNames } = tableToMatrix(t, ['b', 'a']);
    expect(Array.from(X.data)).toEqual([3, 1, 4, 2]);
    expect(featureNames).toEqual(['b', 'a']);
    expect(() => tableToMatrix(t)).toThrow(/column "c" is categorical; encode it first/);
    expect(() => tableToMatrix(t, ['z'])).toThrow(/unknown column "z"/);
  });

  it('tableFromMatrix rejects a wrong column count', () => {
    expect(() => tableFromMatrix({ data: new Float64Array(4), rows: 2, cols: 2 }, ['a'])).toThrow(
      /got 1 column names for a matrix with 2 columns/,
    );
  });
});

describe('all-missing columns and drop-missing-columns', () => {
  const t = table({ empty: [NaN, NaN, NaN, NaN], half: [1, NaN, NaN, 4], full: [1, 2, 3, 4] });

  it('the imputer keeps an all-missing column missing and warns (unlike sklearn, which drops it)', () => {
    const fitted = fitImputer(t, { strategy: 'mean' });
    expect(fitted.columns.map((c) => c.fill)).toEqual([null, 2.5, 2.5]);
    expect(fitted.warnings).toEqual([
      expect.objectContaining({ code: 'ALL_MISSING_COLUMN', details: { column: 'empty' } }),
    ]);
    const out = transformImputer(fitted, t);
    expect(Array.from(out.columns[0]!.values as Float64Array).every(Number.isNaN)).toBe(true);
    expect(Array.from(out.columns[1]!.values as Float64Array)).toEqual([1, 2.5, 2.5, 4]);
    expect(out.columns[2]).toBe(t.columns[2]);
  });

  it('drops columns strictly above the missing share', () => {
    expect(fitDropMissingColumns(t).dropped).toEqual([{ name: 'empty', missingShare: 1 }]);
    const strict = fitDropMissingColumns(t, { maxMissingShare: 0.25 });
    expect(strict.dropped.map((d) => d.name)).toEqual(['empty', 'half']);
    expect(transformDropMissingColumns(strict, t).columns.map((c) => c.name)).toEqual(['full']);
    expect(() => fitDropMissingColumns(t, { maxMissingShare: 2 })).toThrow(
      /'maxMissingShare' must be a finite number in \[0, 1\]; got 2/,
    );
  });

  it('constant imputation checks the fill type per column kind', () => {
    const mixed = table({ n: [1, NaN], c: ['a', null] });
    expect(() => fitImputer(mixed, { strategy: 'constant', fillValue: 0, columns: ['c'] })).toThrow(
      /'fillValue' must be a string for categorical column "c"; got 0/,
    );
    const fitted = fitImputer(mixed, { strategy: 'constant' });
    expect(fitted.columns.map((c) => c.fill)).toEqual([0, 'missing_value']);
  });
});
