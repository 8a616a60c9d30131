/**
 * DBSCAN against scikit-learn 1.2.1 (fixtures/dbscan-sklearn.json from
 * fixtures/dbscan-generate.py): labels identical, ids included (not up to permutation), and the
 * same core points, on blobs, moons, sparse uniform data full of border points reachable from
 * several clusters (and a case with 10 such points), 5-D blobs, an integer grid with distances exactly equal to eps, minSamples 1
 * and a precomputed Manhattan distance matrix.
 */
import { describe, expect, it } from 'vitest';
import { fromRows, type Matrix } from '../matrix/matrix.js';
import { readFixture } from '../test-utils/data.js';
import { dbscan } from './dbscan.js';
import type { DbscanMetric } from './dbscan-options.js';

interface SklearnCase {
  name: string;
  X: number[][];
  eps: number;
  minSamples: number;
  metric: DbscanMetric;
  labels: number[];
  borderConflicts: number;
  coreSampleIndices: number[];
}

const { cases } = readFixture<{ cases: SklearnCase[] }>(import.meta.url, 'dbscan-sklearn.json');

/** Manhattan distances, as the generator's numpy broadcast (exact on integer points). */
function manhattan(X: Matrix): Matrix {
  const n = X.rows;
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let c = 0; c < X.cols; c++)
        sum += Math.abs(X.data[i * X.cols + c]! - X.data[j * X.cols + c]!);
      data[i * n + j] = sum;
    }
  }
  return { data, rows: n, cols: n };
}

describe('dbscan matches scikit-learn', () => {
  it('has non-trivial fixtures', () => {
    expect(cases.length).toBeGreaterThanOrEqual(7);
    expect(cases.filter((c) => Math.max(...c.labels) >= 1).length).toBe(cases.length);
    expect(cases.some((c) => c.metric === 'precomputed')).toBe(true);
    // Border points reachable from several clusters, where the id rule decides the label.
    expect(cases.reduce((sum, c) => sum + c.borderConflicts, 0)).toBeGreaterThanOrEqual(10);
  });

  for (const fixture of cases) {
    it(`${fixture.name}: same labels and core points`, () => {
      const X = fromRows(fixture.X);
      const input = fixture.metric === 'precomputed' ? manhattan(X) : X;
      const model = dbscan(input, {
        eps: fixture.eps,
        minSamples: fixture.minSamples,
        metric: fixture.metric,
      });
      expect(Array.from(model.labels)).toEqual(fixture.labels);
      expect(Array.from(model.coreSampleIndices)).toEqual(fixture.coreSampleIndices);
      expect(model.clusterCount).toBe(Math.max(...fixture.labels) + 1);
    });
  }
});
