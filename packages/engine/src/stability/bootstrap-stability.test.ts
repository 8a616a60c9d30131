import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../core/errors.js';
import { createRandom } from '../core/random.js';
import { kmeans } from '../cluster/kmeans.js';
import type { Matrix } from '../matrix/matrix.js';
import { makeBlobs } from '../test-utils/blobs.js';
import { bootstrapStability } from './bootstrap-stability.js';
import { stabilityCurve } from './stability-curve.js';

const fitK = (k: number) => (rows: Matrix) => kmeans(rows, { clusterCount: k, seed: 0 }).labels;

describe('bootstrapStability', () => {
  const { X } = makeBlobs({ perCluster: 50, clusters: 3, dimensions: 2, spread: 0.5, seed: 4 });

  it('finds well separated blobs perfectly stable', () => {
    for (const fraction of [0.8, 'bootstrap'] as const) {
      const report = bootstrapStability(X, fitK(3), { resamples: 5, fraction });
      expect(report.segments.map((s) => s.jaccard)).toEqual([1, 1, 1]);
      expect(report.segments.map((s) => s.size)).toEqual([50, 50, 50]);
      expect(report.segments.map((s) => s.dissolved)).toEqual([0, 0, 0]);
      expect(report.meanARI).toBe(1);
      expect(report.ari.length).toBe(5);
    }
  });

  it('computes Hennig Jaccard by counting on a hand-made case', () => {
    // Rows 0..9 on a line; the reference splits 0-4 | 5-9. The "clusterer" splits whatever rows
    // it gets at the value 3.5, so on shared rows the reference segment 0 = {0..4} best matches
    // the refit's {x < 3.5} with Jaccard |{0..3} ∩ S| / |{0..4} ∩ S|.
    const line = { data: Float64Array.from({ length: 10 }, (_, i) => i), rows: 10, cols: 1 };
    const reference = [0, 0, 0, 0, 0, 1, 1, 1, 1, 1];
    const fit = (rows: Matrix) => Array.from(rows.data, (x) => (x < 3.5 ? 0 : 1));
    const report = bootstrapStability(line, fit, { resamples: 1, fraction: 1, reference });
    // All rows shared: segment 0 -> 4/5 = 0.8; segment 1 = {5..9} vs {4..9}: 5/6.
    expect(report.segments[0]!.jaccard).toBeCloseTo(0.8, 15);
    expect(report.segments[1]!.jaccard).toBeCloseTo(5 / 6, 15);
  });

  it('gives low stability to random labels and is reproducible by seed', () => {
    const noise = (rows: Matrix) => {
      const random = createRandom(rows.rows + Math.round(rows.data[0]! * 1000));
      return Array.from({ length: rows.rows }, () => random.int(3));
    };
    const report = bootstrapStability(X, noise, { resamples: 4, seed: 2 });
    expect(Math.max(...report.segments.map((s) => s.jaccard))).toBeLessThan(0.5);
    expect(Math.abs(report.meanARI)).toBeLessThan(0.1);
    const again = bootstrapStability(X, noise, { resamples: 4, seed: 2 });
    expect(Array.from(again.ari)).toEqual(Array.from(report.ari));
  });

  it('rejects bad options and wrong label counts', () => {
    expect(() => bootstrapStability(X, fitK(3), { fraction: 0 })).toThrow("'fraction'");
    expect(() => bootstrapStability(X, fitK(3), { fraction: 'half' as 'bootstrap' })).toThrow(
      "'fraction'",
    );
    expect(() => bootstrapStability(X, fitK(3), { resamples: 0 })).toThrow("'resamples'");
    expect(() => bootstrapStability(X, () => [0, 1])).toThrow(
      expect.objectContaining({ code: ERROR_CODES.INVALID_LABELS }),
    );
  });
});

describe('stabilityCurve', () => {
  it('finds the true k stable and over-splitting unstable on four blobs', () => {
    // Coarser partitions may be stable too (a consistent merge), which is why the curve keeps
    // every k's numbers; splitting a round blob is never reproducible.
    const random = createRandom(8);
    const corners = [
      [0, 0],
      [10, 0],
      [0, 10],
      [10, 10],
    ];
    const rows = corners.flatMap(([x, y]) =>
      Array.from({ length: 30 }, () => [x! + 0.7 * random.normal(), y! + 0.7 * random.normal()]),
    );
    const fit = (data: Matrix, k: number) => kmeans(data, { clusterCount: k, seed: 0 }).labels;
    const curve = stabilityCurve(rows, [2, 3, 4, 5, 6], fit, { resamples: 8 });
    expect(curve.points.map((p) => p.k)).toEqual([2, 3, 4, 5, 6]);
    expect(curve.points[2]!.meanARI).toBe(1);
    expect(curve.points[2]!.minJaccard).toBe(1);
    expect(curve.points[3]!.meanARI).toBeLessThan(1);
    expect(curve.points[4]!.meanARI).toBeLessThan(1);
    expect(curve.points[4]!.minJaccard).toBeLessThan(0.9);
    expect(curve.points[3]!.minJaccard).toBeLessThan(0.9);
    // bestK: the highest mean ARI, the smallest k on ties.
    const top = Math.max(...curve.points.map((p) => p.meanARI));
    expect(curve.bestK).toBe(curve.points.find((p) => p.meanARI === top)!.k);
    expect([2, 4]).toContain(curve.bestK);
    expect(() => stabilityCurve(rows, [1, 2], () => [])).toThrow("'kRange'");
  });
});
