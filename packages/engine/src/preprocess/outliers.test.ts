import { describe, expect, it } from 'vitest';
import { SegmintError } from '../core/errors.js';
import { applyOutliers, fitOutliers, outliersFromJSON } from './outliers.js';
import { stepToJSON } from './steps.js';
import { table } from './table.js';

// x: Q1 = 3 (position 2 of 8), Q3 = 7 (position 6), IQR = 4 -> bounds [-3, 13] with k = 1.5.
const t = table({ x: [1, 2, 3, 4, 5, 6, 7, 8, 100], y: [0, 0, 0, 0, 0, 0, 0, 0, 0] });

describe('outlier rules (hand-computed)', () => {
  it('IQR: learns Tukey fences and removes rows beyond them with a readable report', () => {
    const fitted = fitOutliers(t, { rules: [{ rule: 'iqr', columns: ['x'] }] });
    expect(fitted.bounds).toEqual([
      { rule: 'iqr', column: 'x', lower: -3, upper: 13, parameter: 1.5 },
    ]);
    const result = applyOutliers(fitted, t, 'remove');
    expect(Array.from(result.keptRows)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(result.table.rows).toBe(8);
    expect(Array.from(result.table.columns[0]!.values as Float64Array)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8,
    ]);
    expect(result.outlierRows).toBe(1);
    expect(result.report).toEqual([
      {
        rule: 'iqr',
        column: 'x',
        side: 'above',
        bound: 13,
        parameter: 1.5,
        rows: 1,
        message: '1 row removed: x > 13 (IQR rule, k = 1.5)',
      },
    ]);
  });

  it('IQR with k = 0 and thousands separators in the message', () => {
    const income = table({ Income: [50000, 60000, 70000, 80000, 1e6] });
    // Q1 = 60,000, Q3 = 80,000, IQR = 20,000: k = 1.5 -> upper 110,000; k = 0 -> [60,000, 80,000].
    const r1 = applyOutliers(fitOutliers(income, { rules: [{ rule: 'iqr' }] }), income, 'remove');
    expect(r1.report.map((r) => r.message)).toEqual([
      '1 row removed: Income > 110,000 (IQR rule, k = 1.5)',
    ]);
    const r0 = applyOutliers(
      fitOutliers(income, { rules: [{ rule: 'iqr', k: 0 }] }),
      income,
      'remove',
    );
    expect(r0.report.map((r) => r.message)).toEqual([
      '1 row removed: Income < 60,000 (IQR rule, k = 0)',
      '1 row removed: Income > 80,000 (IQR rule, k = 0)',
    ]);
  });

  it('z-score: mean +- threshold * population std', () => {
    // mean 2, population std sqrt((4 * 4 + 64) / 5) = 4 -> bounds [-4, 8] for |z| > 1.5.
    const z = table({ v: [0, 0, 0, 0, 10] });
    const fitted = fitOutliers(z, { rules: [{ rule: 'z-score', threshold: 1.5 }] });
    expect(fitted.bounds[0]).toEqual({
      rule: 'z-score',
      column: 'v',
      lower: -4,
      upper: 8,
      parameter: 1.5,
    });
    const result = applyOutliers(fitted, z, 'remove');
    expect(Array.from(result.keptRows)).toEqual([0, 1, 2, 3]);
    expect(result.report[0]!.message).toBe('1 row removed: v > 8 (z-score rule, |z| > 1.5)');
    // A constant column has no z-score bounds.
    expect(
      fitOutliers(t, { rules: [{ rule: 'z-score', columns: ['y'] }] }).bounds[0],
    ).toMatchObject({
      lower: null,
      upper: null,
    });
  });

  it('range: explicit bounds per side, a row counted once even when beyond several bounds', () => {
    const fitted = fitOutliers(t, {
      rules: [
        { rule: 'range', column: 'x', min: 2, max: 7 },
        { rule: 'iqr', columns: ['x'] },
      ],
    });
    const result = applyOutliers(fitted, t, 'remove');
    expect(result.report.map((r) => r.message)).toEqual([
      '1 row removed: x < 2 (range rule)',
      '2 rows removed: x > 7 (range rule)',
      '1 row removed: x > 13 (IQR rule, k = 1.5)',
    ]);
    expect(result.outlierRows).toBe(3);
    expect(Array.from(result.keptRows)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('flag mode keeps every row and gives reasons; NaN is never an outlier', () => {
    const fitted = fitOutliers(t, { rules: [{ rule: 'iqr', columns: ['x'] }] });
    const fresh = table({ x: [200, 5, NaN, -4], y: [0, 0, 0, 0] });
    const result = applyOutliers(fitted, fresh, 'flag');
    expect(result.table).toBe(fresh);
    expect(Array.from(result.keptRows)).toEqual([0, 1, 2, 3]);
    expect(result.flags).toEqual([
      { outlier: true, reasons: ['x > 13 (IQR rule, k = 1.5)'] },
      { outlier: false, reasons: [] },
      { outlier: false, reasons: [] },
      { outlier: true, reasons: ['x < -3 (IQR rule, k = 1.5)'] },
    ]);
    expect(result.report.map((r) => r.message)).toEqual([
      '1 row flagged: x < -3 (IQR rule, k = 1.5)',
      '1 row flagged: x > 13 (IQR rule, k = 1.5)',
    ]);
  });

  it('rejects bad rules naming the field', () => {
    expect(() => fitOutliers(t, { rules: [{ rule: 'iqr', k: -1 }] })).toThrow(
      /'k' must be a finite number >= 0; got -1/,
    );
    expect(() => fitOutliers(t, { rules: [{ rule: 'range', column: 'nope', min: 0 }] })).toThrow(
      /unknown column "nope"/,
    );
    expect(() => fitOutliers(t, { rules: [{ rule: 'range', column: 'x' }] })).toThrow(SegmintError);
    expect(() => fitOutliers(t, { rules: [{ rule: 'mad' } as never] })).toThrow(/rules\[0\]\.rule/);
    expect(() => fitOutliers(t, { rules: [{ rule: 'z-score', columns: ['x', 'x'] }] })).toThrow(
      /listed once/,
    );
  });

  it('JSON round trip keeps the bounds, null sides included', () => {
    const fitted = fitOutliers(t, {
      rules: [{ rule: 'range', column: 'x', max: 50 }, { rule: 'iqr' }],
    });
    const back = outliersFromJSON(JSON.parse(JSON.stringify(stepToJSON(fitted))));
    expect(back).toEqual(fitted);
    expect(() =>
      outliersFromJSON({ type: 'outliers', bounds: [{ rule: 'iqr', column: 'x', lower: 'a' }] }),
    ).toThrow(/'step\.bounds\[0\]\.lower' must be a finite number or null; got "a"/);
  });
});
