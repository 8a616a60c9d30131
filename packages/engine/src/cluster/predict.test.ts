/** predict and distancesToCentroids: hand-computed values, ties, errors; kmeans JSON errors. */
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, SegmintError } from '../core/errors.js';
import { fromRows } from '../matrix/matrix.js';
import { kmeans, type KMeansModel } from './kmeans.js';
import { kmeansFromJSON, kmeansToJSON } from './kmeans-json.js';
import { distancesToCentroids, predict } from './predict.js';

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    return error instanceof SegmintError ? error.code : 'not a SegmintError';
  }
  return undefined;
}

const model: KMeansModel = kmeans(
  [
    [0, 0],
    [0, 1],
    [10, 10],
    [10, 11],
  ],
  {
    clusterCount: 2,
    init: [
      [0, 0],
      [10, 10],
    ],
  },
);

describe('predict', () => {
  it('labels rows by the nearest centroid, lowest index on ties', () => {
    expect(
      Array.from(
        predict(model, [
          [1, 1],
          [9, 9],
          [5, 5.5],
        ]),
      ),
    ).toEqual([0, 1, 0]);
    const tie = {
      ...model,
      centroids: fromRows([
        [0, 0],
        [2, 0],
      ]),
    };
    expect(Array.from(predict(tie, [[1, 0]]))).toEqual([0]);
  });

  it('rejects a wrong column count, non-finite values and unknown models', () => {
    expect(codeOf(() => predict(model, [[1, 2, 3]]))).toBe(ERROR_CODES.INVALID_SHAPE);
    expect(() => predict(model, [[1, NaN]])).toThrow('predict: X has NaN at row 0, column 1');
    expect(
      codeOf(() => predict({ ...model, kind: 'other' } as unknown as KMeansModel, [[1, 2]])),
    ).toBe(ERROR_CODES.INVALID_MODEL);
  });
});

describe('distancesToCentroids', () => {
  it('computes Euclidean distances of shape (n, k)', () => {
    const d = distancesToCentroids(
      fromRows([
        [0, 0],
        [3, 0],
      ]),
      fromRows([
        [0, 0],
        [3, 4],
      ]),
    );
    expect(d.rows).toBe(2);
    expect(d.cols).toBe(2);
    expect(Array.from(d.data)).toEqual([0, 3, 5, 4]);
  });
});

describe('kmeansFromJSON', () => {
  const json = kmeansToJSON(model);
  it('round-trips exactly', () => {
    const loaded = kmeansFromJSON(JSON.parse(JSON.stringify(json)));
    expect(loaded.centroids.data).toEqual(model.centroids.data);
    expect(loaded.labels).toEqual(model.labels);
    expect(loaded.inertia).toBe(model.inertia);
    expect(loaded.options).toEqual(model.options);
  });

  it('names the first bad field', () => {
    const bad: Array<[unknown, string]> = [
      [{ ...json, centroids: { rows: 2, cols: 2, data: [1, 2, 3] } }, "'centroids.data'"],
      [{ ...json, labels: [0, 5, 0, 1] }, "'labels' must be integers in [0, 1]"],
      [{ ...json, inertia: -1 }, "'inertia'"],
      [{ ...json, clusterSizes: [1] }, "'clusterSizes'"],
      [{ ...json, options: { ...json.options, clusterCount: 3 } }, "'options'"],
    ];
    for (const [value, fragment] of bad) {
      expect(() => kmeansFromJSON(value)).toThrow(fragment);
      expect(codeOf(() => kmeansFromJSON(value))).toBe(ERROR_CODES.INVALID_MODEL);
    }
  });
});
