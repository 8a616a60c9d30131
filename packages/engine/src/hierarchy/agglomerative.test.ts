/**
 * Hand-computed trees on four points of a line (0, 1, 3, 7), edge cases, errors, invariants
 * (row order and translation do not change the partition), cuts, predict and JSON checks.
 */
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, SegmintError } from '../core/errors.js';
import type { Matrix } from '../matrix/matrix.js';
import { adjustedRandIndex } from '../metrics/adjusted-rand.js';
import { makeBlobs } from '../test-utils/blobs.js';
import { agglomerative } from './agglomerative.js';
import { agglomerativeFromJSON, agglomerativeToJSON } from './agglomerative-json.js';
import { CONDENSED_MAX_ROWS, type Linkage } from './agglomerative-options.js';
import { agglomerativePredict } from './agglomerative-predict.js';
import { cutTree } from './cut-tree.js';

const LINE = [[0], [1], [3], [7]];

function expectError(action: () => unknown, code: string, ...fragments: string[]): void {
  let thrown: unknown;
  try {
    action();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(SegmintError);
  expect((thrown as SegmintError).code).toBe(code);
  for (const fragment of fragments) expect((thrown as SegmintError).message).toContain(fragment);
}

describe('agglomerative on 0, 1, 3, 7', () => {
  const cases: Record<Linkage, { left: number[]; right: number[]; distance: number[] }> = {
    // ward(A, B) = sqrt(2 |A| |B| / (|A| + |B|)) |c_A - c_B|
    ward: {
      left: [0, 2, 3],
      right: [1, 4, 5],
      distance: [1, Math.sqrt(4 / 3) * 2.5, Math.sqrt(1.5) * (7 - 4 / 3)],
    },
    complete: { left: [0, 2, 3], right: [1, 4, 5], distance: [1, 3, 7] },
    average: { left: [0, 2, 3], right: [1, 4, 5], distance: [1, 2.5, 17 / 3] },
    single: { left: [0, 2, 3], right: [1, 4, 5], distance: [1, 2, 4] },
  };
  for (const [linkage, expected] of Object.entries(cases) as [Linkage, (typeof cases)['ward']][]) {
    it(`${linkage}: merges, heights and sizes`, () => {
      const model = agglomerative(LINE, { clusterCount: 2, linkage });
      expect(Array.from(model.linkage.left)).toEqual(expected.left);
      expect(Array.from(model.linkage.right)).toEqual(expected.right);
      expect(Array.from(model.linkage.size)).toEqual([2, 3, 4]);
      model.linkage.distance.forEach((d, t) => expect(d).toBeCloseTo(expected.distance[t]!, 12));
      expect(Array.from(model.labels)).toEqual([0, 0, 0, 1]);
      expect(model.clusterCount).toBe(2);
      expect(Array.from(model.centroids!.data)).toEqual([4 / 3, 7]);
    });
  }

  it('cuts by distance: 1 + merges at a height >= the threshold', () => {
    expect(agglomerative(LINE, { distanceThreshold: 1.5, linkage: 'single' }).clusterCount).toBe(3);
    expect(agglomerative(LINE, { distanceThreshold: 2, linkage: 'single' }).clusterCount).toBe(3);
    expect(agglomerative(LINE, { distanceThreshold: 4.5, linkage: 'single' }).clusterCount).toBe(1);
    expect(agglomerative(LINE, { distanceThreshold: 0, linkage: 'single' }).clusterCount).toBe(4);
  });

  it('handles one and two rows, and identical rows', () => {
    const one = agglomerative([[5, 5]], { clusterCount: 1 });
    expect(Array.from(one.labels)).toEqual([0]);
    expect(one.linkage.distance.length).toBe(0);
    const two = agglomerative([[0], [2]], { clusterCount: 2 });
    expect(Array.from(two.labels)).toEqual([1, 0]);
    expect(two.linkage.distance[0]).toBeCloseTo(2, 12);
    for (const linkage of ['ward', 'complete', 'average', 'single'] as Linkage[]) {
      const same = agglomerative([[1], [1], [1]], { clusterCount: 2, linkage });
      expect(Array.from(same.linkage.distance)).toEqual([0, 0]);
    }
  });
});

describe('agglomerative errors', () => {
  it('needs exactly one of clusterCount and distanceThreshold', () => {
    expectError(() => agglomerative(LINE), ERROR_CODES.INVALID_PARAMETER, "'clusterCount'");
    expectError(
      () => agglomerative(LINE, { clusterCount: 2, distanceThreshold: 1 }),
      ERROR_CODES.INVALID_PARAMETER,
      "'clusterCount'",
    );
  });

  it('rejects more clusters than rows, ward on distances, bad distance matrices', () => {
    expectError(() => agglomerative(LINE, { clusterCount: 5 }), ERROR_CODES.INVALID_SHAPE, '5');
    const square = [
      [0, 1],
      [1, 0],
    ];
    expectError(
      () => agglomerative(square, { clusterCount: 1, metric: 'precomputed' }),
      ERROR_CODES.INVALID_PARAMETER,
      "'linkage'",
      'ward',
    );
    expectError(
      () => agglomerative(LINE, { clusterCount: 1, metric: 'precomputed', linkage: 'single' }),
      ERROR_CODES.INVALID_SHAPE,
      'square',
    );
    expectError(
      () =>
        agglomerative(
          [
            [0, -1],
            [-1, 0],
          ],
          { clusterCount: 1, metric: 'precomputed', linkage: 'average' },
        ),
      ERROR_CODES.INVALID_SHAPE,
      '>= 0',
    );
  });

  it(`names the condensed-matrix limit (${CONDENSED_MAX_ROWS} rows) for complete and average`, () => {
    const n = CONDENSED_MAX_ROWS + 1;
    const X: Matrix = { data: new Float64Array(n), rows: n, cols: 1 };
    for (const linkage of ['complete', 'average'] as Linkage[])
      expectError(
        () => agglomerative(X, { clusterCount: 2, linkage }),
        ERROR_CODES.INVALID_SHAPE,
        String(CONDENSED_MAX_ROWS),
        'CONDENSED_MAX_ROWS',
      );
  });
});

describe('agglomerative invariants', () => {
  const { X } = makeBlobs({ perCluster: 30, clusters: 4, dimensions: 3, spread: 1.2, seed: 3 });
  const n = X.rows;
  const permutation = Array.from({ length: n }, (_, i) => (i * 37) % n);
  const permuted: Matrix = {
    data: Float64Array.from(
      permutation.flatMap((i) => Array.from(X.data.subarray(i * 3, i * 3 + 3))),
    ),
    rows: n,
    cols: 3,
  };
  const shifted: Matrix = { data: X.data.map((v) => v + 100), rows: n, cols: 3 };

  for (const linkage of ['ward', 'complete', 'average', 'single'] as Linkage[]) {
    it(`${linkage}: row order and translation do not change the tree`, () => {
      const base = agglomerative(X, { clusterCount: 4, linkage });
      const other = agglomerative(permuted, { clusterCount: 4, linkage });
      const back = new Int32Array(n);
      permutation.forEach((i, position) => (back[i] = other.labels[position]!));
      expect(adjustedRandIndex(base.labels, back)).toBe(1);
      const moved = agglomerative(shifted, { clusterCount: 4, linkage });
      expect(Array.from(moved.labels)).toEqual(Array.from(base.labels));
      moved.linkage.distance.forEach((d, t) => expect(d).toBeCloseTo(base.linkage.distance[t]!, 8));
    });
  }

  it('finer cuts refine coarser ones', () => {
    const model = agglomerative(X, { clusterCount: 2 });
    let coarse = cutTree(model.linkage, { clusterCount: 1 });
    for (let k = 2; k <= 12; k++) {
      const fine = cutTree(model.linkage, { clusterCount: k });
      expect(new Set(fine).size).toBe(k);
      const parent = new Map<number, number>();
      fine.forEach((label, i) => {
        expect(parent.get(label) ?? coarse[i]).toBe(coarse[i]);
        parent.set(label, coarse[i]!);
      });
      coarse = fine;
    }
  });

  it('cutTree rejects bad cuts', () => {
    const model = agglomerative(X, { clusterCount: 2 });
    expectError(
      () => cutTree(model.linkage, { clusterCount: n + 1 }),
      ERROR_CODES.INVALID_PARAMETER,
      "'clusterCount'",
    );
    expectError(
      () => cutTree(model.linkage, {} as { clusterCount: number }),
      ERROR_CODES.INVALID_PARAMETER,
    );
  });
});

describe('agglomerative on precomputed distances', () => {
  it('reads only the upper triangle, for every linkage', () => {
    const D = LINE.map(([a]) => LINE.map(([b]) => Math.abs(a! - b!)));
    const lowerScrambled = D.map((row, i) => row.map((v, j) => (j < i ? 100 - v : v)));
    for (const linkage of ['complete', 'average', 'single'] as Linkage[]) {
      const a = agglomerative(D, { clusterCount: 2, linkage, metric: 'precomputed' });
      const b = agglomerative(lowerScrambled, { clusterCount: 2, linkage, metric: 'precomputed' });
      expect(Array.from(b.linkage.distance)).toEqual(Array.from(a.linkage.distance));
      expect(Array.from(b.labels)).toEqual(Array.from(a.labels));
    }
  });
});

describe('agglomerativePredict', () => {
  it('assigns the nearest centroid with strength 1 - d1 / d2', () => {
    const model = agglomerative(LINE, { clusterCount: 2 });
    const { labels, strength } = agglomerativePredict(model, [
      [4 / 3],
      [7],
      [4],
      [6],
      [(4 / 3 + 7) / 2],
    ]);
    expect(Array.from(labels.subarray(0, 4))).toEqual([0, 1, 0, 1]);
    expect(strength[0]).toBe(1);
    expect(strength[1]).toBe(1);
    expect(strength[2]).toBeCloseTo(1 - (4 - 4 / 3) / 3, 12);
    expect(strength[3]).toBeCloseTo(1 - 1 / (6 - 4 / 3), 12);
    expect(strength[4]).toBeCloseTo(0, 12);
    const single = agglomerative(LINE, { clusterCount: 1 });
    expect(Array.from(agglomerativePredict(single, [[3]]).strength)).toEqual([1]);
    expectError(() => agglomerativePredict(model, [[1, 2]]), ERROR_CODES.INVALID_SHAPE);
  });

  it('uses the mean distance to each cluster for precomputed models', () => {
    const D = LINE.map(([a]) => LINE.map(([b]) => Math.abs(a! - b!)));
    const model = agglomerative(D, { clusterCount: 2, linkage: 'average', metric: 'precomputed' });
    expect(Array.from(model.labels)).toEqual([0, 0, 0, 1]);
    // A point at 2: distances 2, 1, 1, 5; means 4/3 to {0, 1, 3}, 5 to {7}.
    const { labels, strength } = agglomerativePredict(model, [[2, 1, 1, 5], ...D]);
    expect(Array.from(labels)).toEqual([0, 0, 0, 0, 1]);
    expect(strength[0]).toBeCloseTo(1 - 4 / 3 / 5, 12);
    const loaded = agglomerativeFromJSON(JSON.parse(JSON.stringify(agglomerativeToJSON(model))));
    expect(loaded.centroids).toBeNull();
    expect(Array.from(agglomerativePredict(loaded, D).labels)).toEqual(Array.from(model.labels));
  });
});

describe('agglomerative JSON', () => {
  const model = agglomerative(LINE, { distanceThreshold: 3.5, linkage: 'complete' });
  const json = agglomerativeToJSON(model);

  it('keeps the options, tree and labels', () => {
    expect(json.options).toEqual({
      distanceThreshold: 3.5,
      linkage: 'complete',
      metric: 'euclidean',
    });
    const loaded = agglomerativeFromJSON(JSON.parse(JSON.stringify(json)));
    expect(Array.from(loaded.linkage.distance)).toEqual(Array.from(model.linkage.distance));
    expect(loaded.clusterCount).toBe(2);
  });

  it('rejects corrupt fields naming them', () => {
    const broken = (patch: Record<string, unknown>, field: string) =>
      expectError(
        () => agglomerativeFromJSON({ ...json, ...patch }),
        ERROR_CODES.INVALID_MODEL,
        field,
      );
    broken({ linkage: { ...json.linkage, left: [0, 0, 3] } }, 'linkage');
    broken({ linkage: { ...json.linkage, size: [2, 2, 4] } }, 'linkage');
    broken({ labels: [0, 0, 2, 1] }, 'labels');
    broken({ clusterCount: 9 }, 'clusterCount');
    broken({ centroids: null }, 'centroids');
    broken({ options: { ...json.options, linkage: 'median' } }, 'options.linkage');
    broken({ options: { ...json.options, clusterCount: 2 } }, 'options');
  });
});
