/**
 * The pruned Ward chain (kd-tree of centroids with loose slots and rebuilds, early exit) against
 * a brute-force greedy Ward: at every step merge the closest pair by the exact Ward distance. On
 * tie-free data both give the same tree. Covers d not a multiple of 4, d = 1, clustered data,
 * data far from the origin (rounding margins), and enough rows for several tree rebuilds.
 */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../core/random.js';
import { finishLinkage } from './linkage-matrix.js';
import { wardChainKernel } from './ward-chain.js';

function greedyWard(X: Float64Array, n: number, d: number) {
  const centers = Array.from({ length: n }, (_, i) => Array.from(X.subarray(i * d, i * d + d)));
  const size = new Array<number>(n).fill(1);
  const alive = new Set(Array.from({ length: n }, (_, i) => i));
  const first = new Int32Array(n - 1);
  const second = new Int32Array(n - 1);
  const height = new Float64Array(n - 1);
  for (let t = 0; t < n - 1; t++) {
    let best = Infinity;
    let pair: [number, number] = [0, 0];
    for (const a of alive)
      for (const b of alive) {
        if (b <= a) continue;
        let s = 0;
        for (let f = 0; f < d; f++) s += (centers[a]![f]! - centers[b]![f]!) ** 2;
        const w = ((2 * size[a]! * size[b]!) / (size[a]! + size[b]!)) * s;
        if (w < best) {
          best = w;
          pair = [a, b];
        }
      }
    const [a, b] = pair;
    const total = size[a]! + size[b]!;
    centers[b] = centers[b]!.map((v, f) => (size[a]! * centers[a]![f]! + size[b]! * v) / total);
    size[b] = total;
    alive.delete(a);
    first[t] = a;
    second[t] = b;
    height[t] = Math.sqrt(best);
  }
  return finishLinkage(first, second, height);
}

function sample(n: number, d: number, seed: number, offset: number, clusters: number) {
  const random = createRandom(seed);
  const centers = Array.from({ length: clusters * d }, () => random.next() * 20);
  const X = new Float64Array(n * d);
  for (let i = 0; i < n; i++)
    for (let f = 0; f < d; f++)
      X[i * d + f] = offset + centers[(i % clusters) * d + f]! + random.next() * 3;
  return X;
}

describe('wardChainKernel', () => {
  const cases = [
    { n: 80, d: 1, offset: 0, clusters: 3 },
    { n: 90, d: 3, offset: 0, clusters: 4 },
    { n: 70, d: 5, offset: 1e6, clusters: 2 },
    { n: 100, d: 8, offset: -50, clusters: 6 },
    { n: 60, d: 9, offset: 0, clusters: 1 },
    { n: 300, d: 4, offset: 0, clusters: 5 },
  ];
  for (const { n, d, offset, clusters } of cases) {
    it(`equals greedy Ward on ${n} x ${d} (offset ${offset}, ${clusters} clusters)`, () => {
      const X = sample(n, d, n + d, offset, clusters);
      const before = X.slice();
      const fast = wardChainKernel(X, n, d);
      const slow = greedyWard(X, n, d);
      expect(Array.from(fast.left)).toEqual(Array.from(slow.left));
      expect(Array.from(fast.right)).toEqual(Array.from(slow.right));
      expect(Array.from(fast.size)).toEqual(Array.from(slow.size));
      fast.distance.forEach((h, t) =>
        expect(Math.abs(h - slow.distance[t]!)).toBeLessThan(1e-7 * (1 + slow.distance[t]!)),
      );
      expect(Array.from(X)).toEqual(Array.from(before));
    });
  }
});
