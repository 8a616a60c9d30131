/**
 * k-means behaviour: hand-computed cases, Lloyd == Hamerly, bad input, edge cases, invariants,
 * determinism, and the common estimator checks.
 */
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, SegmintError } from '../core/errors.js';
import type { Matrix } from '../matrix/matrix.js';
import { adjustedRandIndex } from '../metrics/adjusted-rand.js';
import { makeBlobs } from '../test-utils/blobs.js';
import { checkEstimator } from '../test-utils/conformance.js';
import { loadSipu, hasSharedDatasets } from '../test-utils/data.js';
import { kmeans, KMEANS_DEFAULTS, type KMeansModel } from './kmeans.js';
import { kmeansFromJSON, kmeansToJSON } from './kmeans-json.js';
import { predict } from './predict.js';

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    return error instanceof SegmintError ? error.code : 'not a SegmintError';
  }
  return undefined;
}

describe('kmeans: hand-computed cases', () => {
  // scikit-learn's test_kmeans_results: 3 points, 2 clusters, explicit init, weights [3, 1, 1].
  it('matches scikit-learn test_kmeans_results', () => {
    const X = [
      [0, 0],
      [0.5, 0],
      [0.5, 1],
      [1, 1],
    ];
    for (const algorithm of ['lloyd', 'hamerly'] as const) {
      const model = kmeans(X, {
        clusterCount: 2,
        init: [
          [0, 0],
          [1, 1],
        ],
        sampleWeight: [3, 1, 1, 3],
        algorithm,
      });
      expect(Array.from(model.labels)).toEqual([0, 0, 1, 1]);
      expect(Array.from(model.centroids.data)).toEqual([0.125, 0, 0.875, 1]);
      expect(model.inertia).toBeCloseTo(0.375, 14);
      expect(model.iterations).toBe(2);
      expect(Array.from(model.clusterSizes)).toEqual([2, 2]);
    }
  });

  it('k = 1 gives the weighted mean after one iteration', () => {
    const model = kmeans(
      [
        [0, 0],
        [2, 0],
        [4, 6],
      ],
      { clusterCount: 1, sampleWeight: [1, 1, 2] },
    );
    expect(Array.from(model.centroids.data)).toEqual([2.5, 3]);
    expect(model.iterations).toBe(1);
    expect(model.converged).toBe(true);
    // 1 * (2.5^2 + 3^2) + 1 * (0.5^2 + 3^2) + 2 * (1.5^2 + 3^2)
    expect(model.inertia).toBeCloseTo(15.25 + 9.25 + 22.5, 12);
  });

  it('handles constant columns', () => {
    const model = kmeans(
      [
        [1, 5],
        [1, 6],
        [1, 50],
        [1, 51],
      ],
      { clusterCount: 2, seed: 3 },
    );
    expect(Array.from(model.centroids.data).sort((a, b) => a - b)).toEqual([1, 1, 5.5, 50.5]);
    expect(model.inertia).toBeCloseTo(1, 12);
  });
});

describe('kmeans: Hamerly and Elkan bounds give exactly the Lloyd result', () => {
  const cases: Array<[string, Matrix, number]> = [
    [
      'overlapping blobs',
      makeBlobs({ perCluster: 400, clusters: 6, dimensions: 5, spread: 4, seed: 2 }).X,
      6,
    ],
    [
      'many clusters',
      makeBlobs({ perCluster: 60, clusters: 20, dimensions: 3, spread: 2, seed: 9 }).X,
      25,
    ],
  ];
  if (hasSharedDatasets)
    cases.push(['SIPU a1', loadSipu('a1').X, 20], ['SIPU d31', loadSipu('d31').X, 31]);
  for (const [name, X, k] of cases) {
    it(name, () => {
      for (const seed of [0, 1]) {
        const lloyd = kmeans(X, { clusterCount: k, algorithm: 'lloyd', seed, tolerance: 0 });
        for (const algorithm of ['hamerly', 'elkan'] as const) {
          const bounded = kmeans(X, { clusterCount: k, algorithm, seed, tolerance: 0 });
          expect(bounded.labels).toEqual(lloyd.labels);
          expect(bounded.inertia).toBe(lloyd.inertia);
          expect(bounded.iterations).toBe(lloyd.iterations);
          expect(bounded.centroids.data).toEqual(lloyd.centroids.data);
        }
      }
    });
  }
});

describe('kmeans: elkan outside its memory caps runs as hamerly', () => {
  it('gives the Lloyd result with a huge maxIterations', () => {
    const { X } = makeBlobs({ perCluster: 100, clusters: 4, dimensions: 3, spread: 3, seed: 6 });
    const options = { clusterCount: 4, seed: 2, maxIterations: 1_000_000 };
    const lloyd = kmeans(X, { ...options, algorithm: 'lloyd' });
    const elkan = kmeans(X, { ...options, algorithm: 'elkan' });
    expect(elkan.labels).toEqual(lloyd.labels);
    expect(elkan.inertia).toBe(lloyd.inertia);
    expect(elkan.options.algorithm).toBe('elkan');
  });
});

describe('kmeans: bad input', () => {
  const X = makeBlobs({ perCluster: 10, clusters: 3, dimensions: 2, seed: 1 }).X;

  it('names the row and column of NaN and Infinity', () => {
    expect(() =>
      kmeans(
        [
          [1, 2],
          [3, NaN],
        ],
        { clusterCount: 1 },
      ),
    ).toThrow('kmeans: X has NaN at row 1, column 1');
    expect(() =>
      kmeans(
        [
          [Infinity, 2],
          [3, 4],
        ],
        { clusterCount: 1 },
      ),
    ).toThrow('kmeans: X has Infinity at row 0, column 0');
  });

  it('rejects an empty matrix and fewer rows than clusters', () => {
    expect(codeOf(() => kmeans([], { clusterCount: 1 }))).toBe(ERROR_CODES.INVALID_SHAPE);
    expect(() => kmeans([[1], [2]], { clusterCount: 3 })).toThrow(
      "kmeans: X has 2 rows but 'clusterCount' is 3",
    );
  });

  it('rejects each invalid parameter naming it, the rule and the value', () => {
    const bad: Array<[Record<string, unknown>, string]> = [
      [{ clusterCount: 0 }, "kmeans: 'clusterCount' must be an integer in [1, 10000]; got 0."],
      [{ clusterCount: 2.5 }, "'clusterCount' must be an integer"],
      [
        { init: 'kmeans++' },
        "'init' must be 'k-means++', 'random' or a (k, d) matrix; got \"kmeans++\".",
      ],
      [{ init: [[1, 2]] }, "'init' must be a matrix of shape (3, 2)"],
      [
        {
          init: [
            [1, 2],
            [3, NaN],
            [5, 6],
          ],
        },
        "'init' must be finite centroids; got NaN.",
      ],
      [{ nInit: 0 }, "'nInit' must be an integer in [1, 1000] or 'auto'; got 0."],
      [{ maxIterations: 0 }, "'maxIterations' must be an integer in [1, 1000000]; got 0."],
      [{ tolerance: -1 }, "'tolerance' must be a finite number >= 0; got -1."],
      [{ algorithm: 'elkan!' }, "'algorithm' must be one of 'lloyd', 'hamerly', 'elkan', 'auto'"],
      [{ seed: 0.5 }, "'seed' must be an integer; got 0.5."],
      [{ sampleWeight: [1, 2] }, "'sampleWeight' must be of length 30"],
      [{ sampleWeight: new Array(30).fill(0) }, "'sampleWeight' must be not all zero"],
      [{ sampleWeight: [...new Array<number>(29).fill(1), -1] }, 'got -1 at index 29'],
      [{ sampleWeight: [NaN, ...new Array<number>(29).fill(1)] }, 'got NaN at index 0'],
      [{ clusterCont: 3 }, "unknown option 'clusterCont'"],
    ];
    for (const [options, message] of bad) {
      const action = () => kmeans(X, { clusterCount: 3, ...options });
      expect(action).toThrow(message);
      expect(codeOf(action)).toBe(ERROR_CODES.INVALID_PARAMETER);
    }
  });
});

describe('kmeans: soft failures are data', () => {
  it('warns when there are fewer distinct points than clusters and still returns', () => {
    const model = kmeans(
      [
        [1, 1],
        [1, 1],
        [1, 1],
        [2, 2],
      ],
      { clusterCount: 3 },
    );
    expect(model.warnings.map((w) => w.code)).toContain('FEWER_DISTINCT_POINTS_THAN_CLUSTERS');
    expect(model.centroids.rows).toBe(3);
    expect(model.inertia).toBe(0);
  });

  it('reports maxIterations without convergence', () => {
    const { X } = makeBlobs({ perCluster: 200, clusters: 5, dimensions: 4, spread: 5, seed: 4 });
    const model = kmeans(X, { clusterCount: 5, maxIterations: 1, seed: 1 });
    expect(model.converged).toBe(false);
    expect(model.iterations).toBe(1);
    expect(model.warnings[0]!.code).toBe('MAX_ITERATIONS_REACHED');
    // The final assignment makes the labels match the returned centroids.
    expect(predict(model, X)).toEqual(model.labels);
  });

  it('runs one restart for explicit centroids, with a warning when more were asked', () => {
    const model = kmeans([[0], [1], [10]], { clusterCount: 2, init: [[0], [10]], nInit: 5 });
    expect(model.options.nInit).toBe(1);
    expect(model.warnings.map((w) => w.code)).toEqual(['EXPLICIT_INIT_SINGLE_RUN']);
  });
});

describe('kmeans: invariants and determinism', () => {
  const { X, labels: truth } = makeBlobs({
    perCluster: 50,
    clusters: 4,
    dimensions: 3,
    spread: 0.7,
    seed: 5,
  });

  it('recovers well-separated blobs with either init', () => {
    for (const init of ['k-means++', 'random'] as const) {
      const model = kmeans(X, { clusterCount: 4, init, seed: 2 });
      expect(adjustedRandIndex(model.labels, truth)).toBe(1);
      expect(model.options.nInit).toBe(init === 'random' ? 10 : 1);
    }
  });

  it('does not depend on row order or on a common feature scale', () => {
    const base = kmeans(X, { clusterCount: 4, seed: 1 });
    const n = X.rows;
    const order = Array.from({ length: n }, (_, i) => (i * 37) % n);
    const permuted = order.map((i) => Array.from(X.data.subarray(i * 3, i * 3 + 3)));
    const permutedModel = kmeans(permuted, { clusterCount: 4, seed: 1 });
    expect(
      adjustedRandIndex(
        Int32Array.from(order, (i) => base.labels[i]!),
        permutedModel.labels,
      ),
    ).toBe(1);
    const scaled = { data: X.data.map((v) => v * 1000), rows: n, cols: 3 };
    expect(kmeans(scaled, { clusterCount: 4, seed: 1 }).labels).toEqual(base.labels);
  });

  it('keeps the best of several restarts', () => {
    const { X: hard } = makeBlobs({
      perCluster: 30,
      clusters: 8,
      dimensions: 2,
      spread: 1.5,
      seed: 8,
    });
    const single = kmeans(hard, { clusterCount: 8, init: 'random', nInit: 1, seed: 0 });
    const best = kmeans(hard, { clusterCount: 8, init: 'random', nInit: 8, seed: 0 });
    expect(best.inertia).toBeLessThanOrEqual(single.inertia);
  });

  it('gives the same model for the same seed; seeds can differ', () => {
    const { X: noisy } = makeBlobs({
      perCluster: 40,
      clusters: 6,
      dimensions: 2,
      spread: 3,
      seed: 3,
    });
    const json = (m: KMeansModel) => JSON.stringify(kmeansToJSON(m));
    expect(json(kmeans(noisy, { clusterCount: 6, seed: 7 }))).toBe(
      json(kmeans(noisy, { clusterCount: 6, seed: 7 })),
    );
    const bySeed = new Set(
      [0, 1, 2, 3, 4].map((seed) => json(kmeans(noisy, { clusterCount: 6, seed }))),
    );
    expect(bySeed.size).toBeGreaterThan(1);
  });

  it('has documented defaults', () => {
    expect(KMEANS_DEFAULTS).toMatchObject({
      init: 'k-means++',
      nInit: 'auto',
      maxIterations: 300,
      tolerance: 1e-4,
      algorithm: 'auto',
      seed: 0,
    });
  });
});

checkEstimator<KMeansModel>({
  name: 'kmeans',
  fit: (X, params) => kmeans(X, params as { clusterCount: number }),
  validParams: { clusterCount: 3 },
  invalidParams: [
    { parameter: 'clusterCount', value: 0 },
    { parameter: 'clusterCount', value: 10001 },
    { parameter: 'init', value: 'kmeans++' },
    { parameter: 'nInit', value: 0 },
    { parameter: 'maxIterations', value: 0 },
    { parameter: 'tolerance', value: -1 },
    { parameter: 'algorithm', value: 'fast' },
    { parameter: 'seed', value: 1.5 },
    { parameter: 'sampleWeight', value: [1, 2, 3] },
  ],
  predict: (model, X) => predict(model, X),
  labels: (model) => model.labels,
  toJSON: kmeansToJSON,
  fromJSON: kmeansFromJSON,
  seeded: true,
  minRows: 3,
});
