/**
 * DBSCAN: hand-computed cases, the kd-tree kernel against a literal transcription of
 * scikit-learn's `dbscan_inner` on distance matrices, invariants, options and errors, predict,
 * the JSON round trip. scikit-learn fixtures are in dbscan-sklearn.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, SegmintError } from '../core/errors.js';
import { createRandom } from '../core/random.js';
import type { Matrix } from '../matrix/matrix.js';
import { adjustedRandIndex } from '../metrics/adjusted-rand.js';
import { dbscan } from './dbscan.js';
import { dbscanEuclideanKernel } from './dbscan-euclidean.js';
import { dbscanFromJSON, dbscanToJSON } from './dbscan-json.js';
import { dbscanPrecomputedKernel } from './dbscan-kernel.js';
import { dbscanPredict } from './dbscan-predict.js';

const line = (values: number[]): Matrix => ({
  data: Float64Array.from(values),
  rows: values.length,
  cols: 1,
});

/** Random data: Gaussian with varied scales, or an integer grid (exact ties at eps). */
function randomData(seed: number): { X: Matrix; eps: number; minSamples: number } {
  const rng = createRandom(seed);
  const n = 40 + Math.floor(rng.next() * 260);
  const d = 1 + Math.floor(rng.next() * 5);
  const grid = seed % 3 === 0;
  const data = new Float64Array(n * d);
  for (let p = 0; p < data.length; p++)
    data[p] = grid ? Math.floor(rng.next() * 6) : rng.normal() * (1 + (p % 7));
  // Duplicated rows.
  for (let t = 0; t < n / 10; t++) {
    const from = Math.floor(rng.next() * n);
    const to = Math.floor(rng.next() * n);
    data.copyWithin(to * d, from * d, from * d + d);
  }
  const eps = grid ? [1, Math.SQRT2, 2][Math.floor(seed / 3) % 3]! : 0.3 + rng.next() * 2;
  return { X: { data, rows: n, cols: d }, eps, minSamples: 1 + Math.floor(rng.next() * 12) };
}

/** The 0/1 neighbourhood matrix of the Euclidean test `sum (x - y)^2 <= eps^2`. */
function neighbourhoodMatrix(X: Matrix, eps: number): Matrix {
  const n = X.rows;
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let c = 0; c < X.cols; c++) {
        const diff = X.data[i * X.cols + c]! - X.data[j * X.cols + c]!;
        sum += diff * diff;
      }
      data[i * n + j] = sum <= eps * eps ? 0 : 2;
    }
  }
  return { data, rows: n, cols: n };
}

describe('dbscan', () => {
  it('finds two clusters and a noise point (hand-computed)', () => {
    const model = dbscan(
      [
        [0, 0],
        [0, 0.1],
        [0.1, 0],
        [5, 5],
        [5, 5.1],
        [9, 9],
      ],
      { eps: 0.5, minSamples: 2 },
    );
    expect(Array.from(model.labels)).toEqual([0, 0, 0, 1, 1, -1]);
    expect(model.clusterCount).toBe(2);
    expect(Array.from(model.coreSampleIndices)).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(model.components.data)).toEqual([0, 0, 0, 0.1, 0.1, 0, 5, 5, 5, 5.1]);
    expect(model.warnings).toEqual([]);
  });

  it('counts the point itself in minSamples and includes distance eps exactly', () => {
    const X = line([0, 1, 3]);
    expect(Array.from(dbscan(X, { eps: 1, minSamples: 2 }).labels)).toEqual([0, 0, -1]);
    expect(Array.from(dbscan(X, { eps: 0.999, minSamples: 2 }).labels)).toEqual([-1, -1, -1]);
    expect(Array.from(dbscan(X, { eps: 1, minSamples: 1 }).labels)).toEqual([0, 0, 1]);
    expect(Array.from(dbscan(X, { eps: 2, minSamples: 3 }).labels)).toEqual([0, 0, 0]);
  });

  it('gives a border point the first cluster that reaches it, not the nearest', () => {
    // Cores 0.5..1.5 (cluster 0) and 3.125..4.125 (cluster 1); 2.375 is a border point of both
    // (non-core: 3 points within eps), nearer to cluster 1; row order puts cluster 0 first.
    const values = [0, 0.5, 1, 1.5, 2.375, 3.125, 3.625, 4.125, 4.625];
    const model = dbscan(line(values), { eps: 1, minSamples: 4 });
    expect(Array.from(model.labels)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1]);
    expect(Array.from(model.coreSampleIndices)).toEqual([1, 2, 3, 5, 6, 7]);
    // Cluster ids follow the smallest core row: reversed, the right group is cluster 0 and
    // reaches the border point first.
    const reversed = dbscan(line([...values].reverse()), { eps: 1, minSamples: 4 });
    expect(Array.from(reversed.labels)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1]);
    // predict takes the nearest core point instead.
    expect(Array.from(dbscanPredict(model, line(values)).labels)).toEqual([
      0, 0, 0, 0, 1, 1, 1, 1, 1,
    ]);
  });

  it('the kd-tree kernel equals scikit-learn dbscan_inner on the neighbourhood matrix', () => {
    for (let seed = 0; seed < 60; seed++) {
      const { X, eps, minSamples } = randomData(seed);
      const expected = dbscanPrecomputedKernel(neighbourhoodMatrix(X, eps), 1, minSamples);
      for (const leafSize of [1, 5, 16, 40]) {
        const result = dbscanEuclideanKernel(X, eps, minSamples, leafSize);
        expect(Array.from(result.labels), `seed ${seed}`).toEqual(Array.from(expected.labels));
        expect(Array.from(result.isCore)).toEqual(Array.from(expected.isCore));
        expect(result.clusterCount).toBe(expected.clusterCount);
      }
    }
  });

  it('finds the same partition and core points whatever the row order', () => {
    const { X, eps, minSamples } = randomData(32);
    const model = dbscan(X, { eps, minSamples });
    expect(model.clusterCount).toBeGreaterThan(3);
    const order = Array.from({ length: X.rows }, (_, i) => X.rows - 1 - i);
    const data = new Float64Array(X.data.length);
    order.forEach((from, to) =>
      data.set(X.data.subarray(from * X.cols, (from + 1) * X.cols), to * X.cols),
    );
    const permuted = dbscan({ data, rows: X.rows, cols: X.cols }, { eps, minSamples });
    const back = order.map((from) => model.labels[from]!);
    const core = new Set(model.coreSampleIndices);
    // Border points with several clusters may move; core points and the partition of cores not.
    const coreRows = order.map((from, to) => (core.has(from) ? to : -1)).filter((to) => to >= 0);
    expect(Array.from(permuted.coreSampleIndices)).toEqual(coreRows.sort((a, b) => a - b));
    expect(
      adjustedRandIndex(
        coreRows.map((to) => permuted.labels[to]!),
        coreRows.map((to) => back[to]!),
      ),
    ).toBe(1);
  });

  it('precomputed distances give the Euclidean labels', () => {
    const { X, eps, minSamples } = randomData(7);
    const n = X.rows;
    const D = new Float64Array(n * n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        let sum = 0;
        for (let c = 0; c < X.cols; c++)
          sum += (X.data[i * X.cols + c]! - X.data[j * X.cols + c]!) ** 2;
        D[i * n + j] = Math.sqrt(sum);
      }
    const euclidean = dbscan(X, { eps, minSamples });
    const precomputed = dbscan(
      { data: D, rows: n, cols: n },
      { eps, minSamples, metric: 'precomputed' },
    );
    expect(Array.from(precomputed.labels)).toEqual(Array.from(euclidean.labels));
    expect(precomputed.components.cols).toBe(0);
    // predict with distances to the training rows.
    expect(Array.from(dbscanPredict(precomputed, { data: D, rows: n, cols: n }).labels)).toEqual(
      Array.from(dbscanPredict(euclidean, X).labels),
    );
  });

  it('warns when every point is noise', () => {
    const model = dbscan(line([0, 10, 20]), { eps: 1, minSamples: 2 });
    expect(Array.from(model.labels)).toEqual([-1, -1, -1]);
    expect(model.clusterCount).toBe(0);
    expect(model.warnings.map((w) => w.code)).toEqual(['ALL_NOISE']);
    expect(Array.from(dbscanPredict(model, line([0, 5])).labels)).toEqual([-1, -1]);
  });

  it('rejects bad options and data with clear errors', () => {
    const X = line([0, 1, 2]);
    const code = (action: () => unknown) => {
      try {
        action();
      } catch (error) {
        return (error as SegmintError).code;
      }
      return 'none';
    };
    expect(() => dbscan(X, { eps: 0 })).toThrow(
      "dbscan: 'eps' must be a finite number > 0; got 0.",
    );
    expect(() => dbscan(X, { minSamples: 0 })).toThrow("'minSamples'");
    expect(() => dbscan(X, { metric: 'cosine' as 'euclidean' })).toThrow("'metric'");
    expect(code(() => dbscan(X, { metric: 'precomputed' }))).toBe(ERROR_CODES.INVALID_SHAPE);
    const negative = { data: Float64Array.of(0, -1, -1, 0), rows: 2, cols: 2 };
    expect(() => dbscan(negative, { metric: 'precomputed' })).toThrow('row 0, column 1');
    const model = dbscan(X, { eps: 1, minSamples: 2 });
    expect(code(() => dbscanPredict(model, [[1, 2]]))).toBe(ERROR_CODES.INVALID_SHAPE);
    expect(code(() => dbscanPredict(model, [[NaN]]))).toBe(ERROR_CODES.NON_FINITE_VALUE);
  });
});

describe('dbscanPredict', () => {
  it('labels rows within eps of a core point with its cluster, strength 1; others noise', () => {
    // Core points 0.5 and 10.5; the others are border points or noise.
    const model = dbscan(line([0, 0.5, 1, 10, 10.5, 11, 30]), { eps: 0.6, minSamples: 3 });
    expect(Array.from(model.labels)).toEqual([0, 0, 0, 1, 1, 1, -1]);
    expect(Array.from(model.coreSampleIndices)).toEqual([1, 4]);
    const result = dbscanPredict(model, line([0.2, 1, 1.2, 10, 20, 30]));
    expect(Array.from(result.labels)).toEqual([0, 0, -1, 1, -1, -1]);
    expect(Array.from(result.strength)).toEqual([1, 1, 0, 1, 0, 0]);
  });
});

describe('dbscan JSON', () => {
  it('round-trips and rejects broken fields by name', () => {
    const { X, eps, minSamples } = randomData(4);
    const model = dbscan(X, { eps, minSamples });
    const json = JSON.parse(JSON.stringify(dbscanToJSON(model))) as Record<string, unknown>;
    const loaded = dbscanFromJSON(json);
    expect(Array.from(dbscanPredict(loaded, X).labels)).toEqual(
      Array.from(dbscanPredict(model, X).labels),
    );
    expect(dbscanToJSON(loaded)).toEqual(json);
    const broken = (patch: Record<string, unknown>) => () => dbscanFromJSON({ ...json, ...patch });
    expect(broken({ labels: [1] })).toThrow("'labels'");
    expect(broken({ coreLabels: [99] })).toThrow("'coreLabels'");
    expect(broken({ options: { eps: -1, minSamples: 5, metric: 'euclidean' } })).toThrow(
      "'options.eps'",
    );
    expect(broken({ components: { rows: 0, cols: 2, data: [] } })).toThrow("'components.rows'");
    expect(broken({ version: 2 })).toThrow(SegmintError);
  });

  it('round-trips a precomputed-metric model (no coordinates) with identical predictions', () => {
    const D = [
      [0, 1, 1, 9, 9],
      [1, 0, 1, 9, 9],
      [1, 1, 0, 9, 9],
      [9, 9, 9, 0, 1],
      [9, 9, 9, 1, 0],
    ];
    const model = dbscan(D, { eps: 1, minSamples: 2, metric: 'precomputed' });
    expect(Array.from(model.labels)).toEqual([0, 0, 0, 1, 1]);
    const loaded = dbscanFromJSON(JSON.parse(JSON.stringify(dbscanToJSON(model))));
    expect(loaded.components).toEqual({ data: new Float64Array(0), rows: 5, cols: 0 });
    const fresh = [
      [0.5, 2, 2, 9, 9],
      [9, 9, 9, 3, 0.25],
      [5, 5, 5, 5, 5],
    ];
    expect(dbscanPredict(loaded, fresh)).toEqual(dbscanPredict(model, fresh));
    expect(Array.from(dbscanPredict(model, fresh).labels)).toEqual([0, 1, -1]);
    expect(() => dbscanPredict(model, [[0, 1]])).toThrow('5 columns');
  });
});
