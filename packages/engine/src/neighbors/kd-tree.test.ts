/**
 * kd-tree queries against brute force on random data, with duplicated rows and integer grids
 * (many exact distance ties), for several leaf sizes.
 */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../core/random.js';
import { SegmintError } from '../core/errors.js';
import type { Matrix } from '../matrix/matrix.js';
import { buildKdTree } from './kd-tree.js';
import { kNearest } from './k-nearest.js';
import { radiusCount, radiusNeighbors } from './radius.js';

function squared(A: Matrix, i: number, B: Matrix, j: number): number {
  let sum = 0;
  for (let c = 0; c < A.cols; c++) {
    const diff = B.data[j * B.cols + c]! - A.data[i * A.cols + c]!;
    sum += diff * diff;
  }
  return sum;
}

/** Random rows, then a quarter of them overwritten by copies of others (exact duplicates). */
function randomData(n: number, d: number, seed: number, grid: boolean): Matrix {
  const rng = createRandom(seed);
  const data = new Float64Array(n * d);
  for (let p = 0; p < data.length; p++)
    data[p] = grid ? Math.floor(rng.next() * 5) : rng.normal() * 3;
  for (let i = 0; i < n / 4; i++) {
    const from = Math.floor(rng.next() * n);
    const to = Math.floor(rng.next() * n);
    data.copyWithin(to * d, from * d, from * d + d);
  }
  return { data, rows: n, cols: d };
}

function bruteNearest(X: Matrix, Q: Matrix, row: number, k: number, self: boolean) {
  const order = Array.from({ length: X.rows }, (_, i) => i)
    .filter((i) => !self || i !== row)
    .map((i) => ({ i, dist: squared(Q, row, X, i) }))
    .sort((a, b) => a.dist - b.dist || a.i - b.i)
    .slice(0, k);
  return { indices: order.map((o) => o.i), distances: order.map((o) => Math.sqrt(o.dist)) };
}

const CASES = [
  { n: 400, d: 3, grid: false, leafSize: 40 },
  { n: 300, d: 2, grid: true, leafSize: 1 },
  { n: 257, d: 5, grid: true, leafSize: 7 },
  { n: 200, d: 1, grid: false, leafSize: 3 },
];

describe('buildKdTree', () => {
  it('permutes the rows, keeps leaves small and boxes tight around their points', () => {
    const X = randomData(500, 3, 1, false);
    const tree = buildKdTree(X, { leafSize: 10 });
    expect(Array.from(tree.indices).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 500 }, (_, i) => i),
    );
    expect(tree.nodeStart[0]).toBe(0);
    expect(tree.nodeEnd[0]).toBe(500);
    for (let node = 0; node < tree.nodeCount; node++) {
      const start = tree.nodeStart[node]!;
      const end = tree.nodeEnd[node]!;
      const left = tree.nodeLeft[node]!;
      if (left < 0) expect(end - start).toBeLessThanOrEqual(10);
      else {
        const right = tree.nodeRight[node]!;
        expect(left).toBe(node + 1);
        expect([tree.nodeStart[left], tree.nodeEnd[left], tree.nodeEnd[right]]).toEqual([
          start,
          tree.nodeStart[right],
          end,
        ]);
      }
      for (let j = 0; j < 3; j++) {
        let low = Infinity;
        let high = -Infinity;
        for (let p = start; p < end; p++) {
          const x = X.data[tree.indices[p]! * 3 + j]!;
          expect(tree.points[p * 3 + j]).toBe(x);
          low = Math.min(low, x);
          high = Math.max(high, x);
        }
        expect([tree.nodeLower[node * 3 + j], tree.nodeUpper[node * 3 + j]]).toEqual([low, high]);
      }
    }
  });

  it('handles all-identical rows and a single row', () => {
    const same = { data: new Float64Array(200).fill(2), rows: 100, cols: 2 };
    const tree = buildKdTree(same, { leafSize: 4 });
    const { indices, distances } = kNearest(tree, same, 3, { excludeSelf: true });
    expect(Array.from(indices.subarray(0, 3))).toEqual([1, 2, 3]);
    expect(Array.from(distances.subarray(0, 3))).toEqual([0, 0, 0]);
    expect(radiusCount(tree, [2, 2], 0)).toBe(100);
    const one = buildKdTree({ data: Float64Array.of(1, 2), rows: 1, cols: 2 });
    expect(kNearest(one, { data: Float64Array.of(0, 0), rows: 1, cols: 2 }, 1).indices[0]).toBe(0);
  });

  it('rejects bad options, shapes and values', () => {
    const X = randomData(20, 2, 3, false);
    expect(() => buildKdTree(X, { leafSize: 0 })).toThrow("'leafSize'");
    expect(() => buildKdTree({ data: new Float64Array(0), rows: 0, cols: 2 })).toThrow(
      SegmintError,
    );
    const tree = buildKdTree(X);
    expect(() => kNearest(tree, X, 21)).toThrow("'k'");
    expect(() => kNearest(tree, X, 20, { excludeSelf: true })).toThrow("'k'");
    expect(() => kNearest(tree, { data: new Float64Array(3), rows: 1, cols: 3 }, 1)).toThrow(
      'shape',
    );
    expect(() => radiusNeighbors(tree, [0, 0], -1, [])).toThrow("'radius'");
    expect(() => radiusCount(tree, [0, NaN], 1)).toThrow('non-finite');
  });
});

describe('kNearest and radius queries match brute force', () => {
  for (const { n, d, grid, leafSize } of CASES) {
    const label = `n=${n} d=${d} ${grid ? 'grid' : 'gaussian'} leafSize=${leafSize}`;
    const X = randomData(n, d, n + d, grid);
    const tree = buildKdTree(X, { leafSize });
    const Q = randomData(60, d, 7 * n, grid);

    it(`kNearest, ${label}`, () => {
      for (const k of [1, 4, 17]) {
        const result = kNearest(tree, Q, k);
        for (let row = 0; row < Q.rows; row++) {
          const expected = bruteNearest(X, Q, row, k, false);
          expect(Array.from(result.indices.subarray(row * k, row * k + k))).toEqual(
            expected.indices,
          );
          expect(Array.from(result.distances.subarray(row * k, row * k + k))).toEqual(
            expected.distances,
          );
        }
      }
    });

    it(`kNearest excluding self, ${label}`, () => {
      const k = 6;
      const result = kNearest(tree, X, k, { excludeSelf: true });
      for (let row = 0; row < n; row += 3) {
        const expected = bruteNearest(X, X, row, k, true);
        expect(Array.from(result.indices.subarray(row * k, row * k + k))).toEqual(expected.indices);
      }
    });

    it(`radiusNeighbors and radiusCount, ${label}`, () => {
      const found: number[] = [];
      for (const radius of [0, 0.5, 1, 2, 3.5]) {
        for (let row = 0; row < Q.rows; row++) {
          const point = Q.data.subarray(row * d, row * d + d);
          const expected: number[] = [];
          for (let i = 0; i < n; i++)
            if (squared(Q, row, X, i) <= radius * radius) expected.push(i);
          const count = radiusNeighbors(tree, point, radius, found);
          expect(count).toBe(expected.length);
          expect([...found].sort((a, b) => a - b)).toEqual(expected);
          expect(radiusCount(tree, Array.from(point), radius)).toBe(expected.length);
        }
      }
    });
  }
});
