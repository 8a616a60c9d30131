import { describe, expect, it } from 'vitest';
import { SegmintError } from '../core/errors.js';
import {
  column,
  columnView,
  fromRows,
  matrix,
  rowRange,
  rowView,
  takeColumns,
  takeRows,
  toMatrix,
  toRows,
  transpose,
} from './matrix.js';
import { columnStats, quantileSorted, sortedColumn } from './stats.js';
import { assertFinite } from './validate.js';

describe('matrix', () => {
  const X = fromRows([
    [1, 2, 3],
    [4, 5, 6],
  ]);

  it('stores rows in row-major order', () => {
    expect(Array.from(X.data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(toRows(X)).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
  });

  it('rejects ragged rows naming the row', () => {
    expect(() => fromRows([[1, 2], [3]])).toThrow(/row 1 has 1 values; expected 2/);
    expect(() => matrix(new Float64Array(5), 2, 3)).toThrow(SegmintError);
  });

  it('passes a Matrix through toMatrix without copying', () => {
    expect(toMatrix(X)).toBe(X);
  });

  it('views rows without copying and copies on take', () => {
    const view = rowView(X, 1);
    expect(Array.from(view)).toEqual([4, 5, 6]);
    expect(view.buffer).toBe(X.data.buffer);
    expect(rowRange(X, 1, 2).data.buffer).toBe(X.data.buffer);
    const taken = takeRows(X, [1, 1, 0]);
    expect(toRows(taken)).toEqual([
      [4, 5, 6],
      [4, 5, 6],
      [1, 2, 3],
    ]);
    expect(taken.data.buffer).not.toBe(X.data.buffer);
    expect(toRows(takeColumns(X, [2, 0]))).toEqual([
      [3, 1],
      [6, 4],
    ]);
    expect(Array.from(column(X, 1))).toEqual([2, 5]);
    expect(columnView(X, 2).get(1)).toBe(6);
    expect(toRows(transpose(X))).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
  });

  it('computes population statistics skipping NaN', () => {
    const Y = fromRows([
      [1, NaN],
      [2, 10],
      [3, 20],
    ]);
    const s = columnStats(Y);
    expect(Array.from(s.mean)).toEqual([2, 15]);
    expect(s.variance[0]).toBeCloseTo(2 / 3, 15);
    expect(s.variance[1]).toBeCloseTo(25, 12);
    expect(Array.from(s.missing)).toEqual([0, 1]);
    expect(Array.from(s.min)).toEqual([1, 10]);
    expect(Array.from(s.max)).toEqual([3, 20]);
  });

  it('keeps variance accurate for large offsets', () => {
    const Y = fromRows([[1e9 + 1], [1e9 + 2], [1e9 + 3]]);
    expect(columnStats(Y).variance[0]).toBeCloseTo(2 / 3, 6);
  });

  it('interpolates quantiles like numpy', () => {
    const sorted = [1, 2, 3, 4];
    expect(quantileSorted(sorted, 0.5)).toBe(2.5);
    expect(quantileSorted(sorted, 0.25)).toBe(1.75);
    expect(Array.from(sortedColumn(fromRows([[3], [NaN], [1]]), 0))).toEqual([1, 3]);
  });

  it('names the first non-finite cell', () => {
    const Y = fromRows([
      [1, 2],
      [3, Infinity],
    ]);
    expect(() => assertFinite('kmeans', Y)).toThrow('kmeans: X has Infinity at row 1, column 1');
  });
});
