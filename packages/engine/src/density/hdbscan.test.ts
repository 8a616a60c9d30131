/**
 * HDBSCAN unit tests: hand-made cases, the Borůvka tree against Prim's (total weight, also on
 * tie-heavy grid data and duplicates), the all-points neighbour search against brute force,
 * numpy's argsort order, invariants (row order, scale), precomputed distances, prediction and
 * JSON with infinite lambdas.
 */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../core/random.js';
import type { Matrix } from '../matrix/matrix.js';
import { adjustedRandIndex } from '../metrics/adjusted-rand.js';
import { buildKdTreeKernel } from '../neighbors/kd-tree.js';
import { makeBlobs } from '../test-utils/blobs.js';
import { hdbscan, hdbscanPredict } from './hdbscan.js';
import { numpyArgsort } from './hdbscan-argsort.js';
import { boruvkaSpanningTree } from './hdbscan-boruvka.js';
import { allNearestNeighbours } from './hdbscan-core-distances.js';
import { hdbscanFromJSON, hdbscanToJSON } from './hdbscan-json.js';
import { primFeatures } from './hdbscan-prim.js';

const total = (weights: Float64Array): number => weights.reduce((sum, w) => sum + w, 0);

function euclideanDistances(X: Matrix): Matrix {
  const n = X.rows;
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let f = 0; f < X.cols; f++) {
        const diff = X.data[i * X.cols + f]! - X.data[j * X.cols + f]!;
        sum += diff * diff;
      }
      data[i * n + j] = Math.sqrt(sum);
    }
  return { data, rows: n, cols: n };
}

function gridData(n: number, seed: number): Matrix {
  const random = createRandom(seed);
  const data = new Float64Array(n * 2);
  for (let i = 0; i < data.length; i++) data[i] = Math.floor(random.next() * 12);
  return { data, rows: n, cols: 2 };
}

describe('hdbscan hand-made cases', () => {
  // Two tight groups of 6 on a line and one far point.
  const rows = [
    ...[0, 0.1, 0.2, 0.3, 0.4, 0.5].map((x) => [x, 0]),
    ...[10, 10.1, 10.2, 10.3, 10.4, 10.5].map((x) => [x, 0]),
    [50, 0],
  ];

  it('finds the two groups and leaves the far point as noise', () => {
    const model = hdbscan(rows, { minClusterSize: 3, minSamples: 2 });
    expect(model.clusterCount).toBe(2);
    expect(Array.from(model.labels.slice(0, 6))).toEqual([0, 0, 0, 0, 0, 0]);
    expect(Array.from(model.labels.slice(6, 12))).toEqual([1, 1, 1, 1, 1, 1]);
    expect(model.labels[12]).toBe(-1);
    expect(model.probabilities[12]).toBe(0);
    // The far point is the most outlying.
    const top = model.outlierScores.indexOf(Math.max(...model.outlierScores));
    expect(top).toBe(12);
    expect(model.warnings).toEqual([]);
  });

  it('keeps every probability and outlier score in [0, 1]', () => {
    const model = hdbscan(rows, { minClusterSize: 3, minSamples: 2 });
    for (const p of model.probabilities) expect(p >= 0 && p <= 1).toBe(true);
    for (const s of model.outlierScores) expect(s >= 0 && s <= 1).toBe(true);
  });

  it('returns one cluster only when allowSingleCluster is set', () => {
    const one = rows.slice(0, 6);
    expect(hdbscan(one, { minClusterSize: 3 }).clusterCount).toBe(0);
    const single = hdbscan(one, { minClusterSize: 3, allowSingleCluster: true });
    expect(single.clusterCount).toBe(1);
    // Prediction keeps the root cluster (the library would predict noise here).
    expect(Array.from(hdbscanPredict(single, [[0.25, 0]]).labels)).toEqual([0]);
  });

  it('warns when no cluster is found', () => {
    const model = hdbscan(rows, { minClusterSize: 13 });
    expect(model.clusterCount).toBe(0);
    expect(Array.from(model.labels).every((l) => l === -1)).toBe(true);
    expect(model.warnings.map((w) => w.code)).toEqual(['NO_CLUSTERS']);
  });

  it('predicts new points near a group into it and a far point as noise', () => {
    const model = hdbscan(rows, { minClusterSize: 3, minSamples: 2 });
    const { labels, strength } = hdbscanPredict(model, [
      [0.25, 0],
      [10.25, 0.01],
      [30, 0],
    ]);
    expect(Array.from(labels)).toEqual([0, 1, -1]);
    expect(strength[0]).toBeGreaterThan(0);
    expect(strength[2]).toBe(0);
  });
});

describe('Borůvka spanning tree', () => {
  const cases: Array<[string, Matrix, number]> = [
    ['blobs', makeBlobs({ perCluster: 300, clusters: 4, dimensions: 3, seed: 2 }).X, 5],
    ['grid with ties and duplicates', gridData(900, 3), 4],
    ['grid, minSamples 1', gridData(700, 4), 1],
  ];
  for (const [name, X, s] of cases) {
    it(`has the weight of Prim's tree (${name})`, () => {
      const tree = buildKdTreeKernel(X, 8);
      const neighbours = allNearestNeighbours(tree, s + 1);
      const core = new Float64Array(X.rows);
      for (let i = 0; i < X.rows; i++) core[i] = neighbours.distances[i * (s + 1) + s]!;
      const boruvka = boruvkaSpanningTree(tree, core, neighbours);
      const prim = primFeatures(X, core);
      expect(total(boruvka.weight)).toBeCloseTo(total(prim.weight), 9);
      // Every MST has the same sorted weights.
      expect(Array.from(boruvka.weight).sort((a, b) => a - b)).toEqual(
        Array.from(prim.weight).sort((a, b) => a - b),
      );
      // And it spans: n - 1 edges joining all points.
      const seen = new Set<number>([...boruvka.from, ...boruvka.to]);
      expect(seen.size).toBe(X.rows);
    });
  }

  it("matches Prim's weight across dimensions, leaf sizes and minSamples", () => {
    const random = createRandom(21);
    for (const [d, leafSize, s] of [
      [1, 1, 3],
      [5, 3, 10],
      [8, 40, 2],
      [3, 16, 25],
    ] as const) {
      const n = 400;
      const data = Float64Array.from(
        { length: n * d },
        () =>
          // Coarse values: plenty of equal distances and duplicate points.
          Math.round(random.normal() * 4) / 2,
      );
      const X = { data, rows: n, cols: d };
      const tree = buildKdTreeKernel(X, leafSize);
      const neighbours = allNearestNeighbours(tree, s + 1);
      const core = new Float64Array(n);
      for (let i = 0; i < n; i++) core[i] = neighbours.distances[i * (s + 1) + s]!;
      const boruvka = boruvkaSpanningTree(tree, core, neighbours);
      expect(total(boruvka.weight)).toBeCloseTo(total(primFeatures(X, core).weight), 9);
    }
  });

  it('gives the same partition as Prim on blobs (n above the Prim threshold)', () => {
    const { X } = makeBlobs({ perCluster: 700, clusters: 3, dimensions: 2, spread: 1, seed: 5 });
    const big = hdbscan(X, { minClusterSize: 20 });
    const smallLeaf = hdbscan(X, { minClusterSize: 20, leafSize: 5 });
    expect(adjustedRandIndex(big.labels, smallLeaf.labels)).toBe(1);
    expect(big.clusterCount).toBe(3);
  });
});

describe('all-points nearest neighbours', () => {
  it('equals a brute-force sort by (distance, index)', () => {
    const X = gridData(200, 8);
    const k = 7;
    const result = allNearestNeighbours(buildKdTreeKernel(X, 4), k);
    for (let i = 0; i < X.rows; i++) {
      const order = Array.from({ length: X.rows }, (_, j) => j);
      const dist = (j: number) =>
        Math.hypot(X.data[2 * i]! - X.data[2 * j]!, X.data[2 * i + 1]! - X.data[2 * j + 1]!);
      order.sort((a, b) => dist(a) - dist(b) || a - b);
      expect(Array.from(result.indices.slice(i * k, i * k + k))).toEqual(order.slice(0, k));
    }
  });
});

describe('numpy argsort order', () => {
  it("reproduces numpy 1.24's quicksort order on ties", () => {
    // np.argsort([1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 1, 1, 0, 0, 1, 1]) in numpy 1.24.
    const v = Float64Array.of(1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 1, 1, 0, 0, 1, 1);
    expect(Array.from(numpyArgsort(v))).toEqual([
      8, 1, 2, 14, 4, 5, 6, 7, 13, 10, 12, 0, 9, 15, 3, 11, 16,
    ]);
  });

  it('sorts', () => {
    const random = createRandom(1);
    const v = Float64Array.from({ length: 5000 }, () => Math.floor(random.next() * 300));
    const order = numpyArgsort(v);
    for (let i = 1; i < v.length; i++) expect(v[order[i]!]! >= v[order[i - 1]!]!).toBe(true);
    expect(new Set(order).size).toBe(v.length);
  });
});

describe('hdbscan invariants', () => {
  const { X } = makeBlobs({ perCluster: 60, clusters: 3, dimensions: 2, spread: 0.7, seed: 9 });

  it('does not depend on row order (up to label names)', () => {
    const n = X.rows;
    const permutation = Array.from({ length: n }, (_, i) => (i * 37) % n);
    const data = new Float64Array(n * 2);
    permutation.forEach((source, i) =>
      data.set(X.data.subarray(source * 2, source * 2 + 2), i * 2),
    );
    const base = hdbscan(X, { minClusterSize: 10 });
    const shuffled = hdbscan({ data, rows: n, cols: 2 }, { minClusterSize: 10 });
    const back = permutation.map((source, i) => [source, shuffled.labels[i]!] as const);
    back.sort((a, b) => a[0] - b[0]);
    expect(
      adjustedRandIndex(
        base.labels,
        back.map(([, l]) => l),
      ),
    ).toBe(1);
  });

  it('predicts its own labels on the training rows, clusterSelectionEpsilon included', () => {
    for (const clusterSelectionEpsilon of [0, 0.8, 100]) {
      const model = hdbscan(X, { minClusterSize: 5, clusterSelectionEpsilon });
      expect(Array.from(hdbscanPredict(model, X).labels)).toEqual(Array.from(model.labels));
    }
  });

  it('does not depend on the scale of the data', () => {
    const scaled = { data: X.data.map((x) => x * 1000), rows: X.rows, cols: X.cols };
    const a = hdbscan(X, { minClusterSize: 10 });
    const b = hdbscan(scaled, { minClusterSize: 10 });
    expect(Array.from(b.labels)).toEqual(Array.from(a.labels));
    for (let i = 0; i < X.rows; i++) expect(b.probabilities[i]).toBeCloseTo(a.probabilities[i]!, 9);
  });

  it("agrees with metric 'precomputed' on Euclidean distances, predict included", () => {
    const features = hdbscan(X, { minClusterSize: 10 });
    const D = euclideanDistances(X);
    const precomputed = hdbscan(D, { minClusterSize: 10, metric: 'precomputed' });
    expect(adjustedRandIndex(features.labels, precomputed.labels)).toBe(1);
    for (let i = 0; i < X.rows; i++)
      expect(precomputed.probabilities[i]).toBeCloseTo(features.probabilities[i]!, 12);
    // Training rows as new rows: their distances to the training rows are the rows of D.
    const viaDistances = hdbscanPredict(precomputed, D);
    const viaFeatures = hdbscanPredict(features, X);
    expect(adjustedRandIndex(viaDistances.labels, viaFeatures.labels)).toBe(1);
    expect(Array.from(viaDistances.strength)).toEqual(Array.from(viaFeatures.strength));
  });

  it("rejects a non-square or negative 'precomputed' matrix", () => {
    expect(() =>
      hdbscan(
        [
          [0, 1, 2],
          [1, 0, 3],
        ],
        { metric: 'precomputed' },
      ),
    ).toThrow(/square/);
    expect(() =>
      hdbscan(
        [
          [0, -1],
          [-1, 0],
        ],
        { metric: 'precomputed', minClusterSize: 2 },
      ),
    ).toThrow(/>= 0/);
  });
});

describe('hdbscan JSON', () => {
  it('round-trips infinite lambdas (duplicate points) with identical predictions', () => {
    const rows = [
      ...Array.from({ length: 8 }, () => [1, 1]),
      ...Array.from({ length: 8 }, () => [5, 5]),
    ];
    rows.push([3, 3]);
    const model = hdbscan(rows, { minClusterSize: 4 });
    expect(model.condensedTree.lambda.some((l) => l === Infinity)).toBe(true);
    // GLOSH is NaN (as in the library) for the point between the duplicate groups.
    expect(Number.isNaN(model.outlierScores[16])).toBe(true);
    const text = JSON.stringify(hdbscanToJSON(model));
    const loaded = hdbscanFromJSON(JSON.parse(text));
    expect(Array.from(loaded.condensedTree.lambda)).toEqual(Array.from(model.condensedTree.lambda));
    const fresh = [
      [1.1, 1],
      [4.9, 5],
      [3, 3.1],
    ];
    expect(hdbscanPredict(loaded, fresh)).toEqual(hdbscanPredict(model, fresh));
    expect(Number.isNaN(loaded.outlierScores[16])).toBe(true);
  });

  it('names the bad field', () => {
    const json = hdbscanToJSON(
      hdbscan(makeBlobs({ perCluster: 20, clusters: 2, dimensions: 2, seed: 1 }).X),
    );
    expect(() => hdbscanFromJSON({ ...json, labels: [1] })).toThrow(/'labels'/);
    expect(() =>
      hdbscanFromJSON({ ...json, condensedTree: { ...json.condensedTree, size: [] } }),
    ).toThrow(/condensedTree.size/);
    expect(() => hdbscanFromJSON({ ...json, trainingData: null })).toThrow(/trainingData/);
  });
});
