/**
 * The k-distance curve: brute-force k-th neighbour distances, the core-point equivalence with
 * DBSCAN (k = minSamples - 1), the elbow on data with noise, no elbow on a flat curve.
 */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../core/random.js';
import type { Matrix } from '../matrix/matrix.js';
import { dbscan } from './dbscan.js';
import { kDistanceCurve } from './k-distance.js';

/** Two tight blobs of 100 points plus 20 uniform noise points in [-10, 10]^2. */
function blobsWithNoise(): Matrix {
  const rng = createRandom(3);
  const rows: number[] = [];
  for (let i = 0; i < 200; i++) {
    const centre = i < 100 ? -4 : 4;
    rows.push(centre + 0.5 * rng.normal(), 0.5 * rng.normal());
  }
  for (let i = 0; i < 20; i++) rows.push(rng.next() * 20 - 10, rng.next() * 20 - 10);
  return { data: Float64Array.from(rows), rows: 220, cols: 2 };
}

describe('kDistanceCurve', () => {
  it('sorts each point’s distance to its k-th nearest other point, descending', () => {
    const X = blobsWithNoise();
    const k = 4;
    const expected: number[] = [];
    for (let i = 0; i < X.rows; i++) {
      const distances: number[] = [];
      for (let j = 0; j < X.rows; j++)
        if (j !== i)
          distances.push(
            Math.hypot(X.data[2 * i]! - X.data[2 * j]!, X.data[2 * i + 1]! - X.data[2 * j + 1]!),
          );
      expected.push(distances.sort((a, b) => a - b)[k - 1]!);
    }
    expected.sort((a, b) => b - a);
    const curve = kDistanceCurve(X, k);
    expect(curve.k).toBe(k);
    expect(curve.distances.length).toBe(220);
    curve.distances.forEach((value, index) => expect(value).toBeCloseTo(expected[index]!, 12));
  });

  it('marks core points: k-distance <= eps exactly when DBSCAN with minSamples k + 1 says core', () => {
    const X = blobsWithNoise();
    const { distances } = kDistanceCurve(X, 5);
    // eps halfway between neighbouring values, away from rounding at the boundary.
    for (const index of [3, 20, 100, 200]) {
      const eps = (distances[index]! + distances[index + 1]!) / 2;
      const within = distances.filter((value) => value <= eps).length;
      expect(dbscan(X, { eps, minSamples: 6 }).coreSampleIndices.length).toBe(within);
    }
  });

  it('puts the elbow between the noise and the blobs, and DBSCAN at that eps finds both blobs', () => {
    const X = blobsWithNoise();
    const curve = kDistanceCurve(X, 4);
    expect(curve.kneeIndex).not.toBeNull();
    // The steep part is the noise (20 points) and the blob fringes.
    expect(curve.kneeIndex!).toBeGreaterThan(5);
    expect(curve.kneeIndex!).toBeLessThan(60);
    const model = dbscan(X, { eps: curve.suggestedEps!, minSamples: 5 });
    expect(model.clusterCount).toBe(2);
    expect(new Set(model.labels.subarray(0, 100)).size).toBe(1);
    expect(model.labels[0]).not.toBe(model.labels[150]);
  });

  it('has no elbow when every distance is equal', () => {
    const X = { data: Float64Array.from({ length: 30 }, (_, i) => i), rows: 30, cols: 1 };
    const curve = kDistanceCurve(X, 1);
    expect(Array.from(new Set(curve.distances))).toEqual([1]);
    expect(curve.suggestedEps).toBeNull();
    expect(curve.kneeIndex).toBeNull();
  });

  it('rejects a bad k and too few rows', () => {
    expect(() => kDistanceCurve([[0], [1]], 2)).toThrow("'k' must be an integer in [1, 1]");
    expect(() => kDistanceCurve([[0]], 1)).toThrow('at least 2 rows');
  });
});
