import { describe, expect, it } from 'vitest';
import { gaussianBlobs } from './generate.js';
import { kmeansPlusPlusSeeds, lloydLabels, potential } from './reference-kmeans.js';

describe('potential', () => {
  it('sums squared distances to the nearest centroid (hand-computed)', () => {
    // Rows 0, 2, 10 in one dimension; centroids 1 and 10: 1 + 1 + 0.
    const X = new Float64Array([0, 2, 10]);
    expect(potential(X, 3, 1, new Float64Array([1, 10]), 2)).toBe(2);
    // Two dimensions: (0,0) and (3,4) against the origin: 0 + 25.
    expect(potential(new Float64Array([0, 0, 3, 4]), 2, 2, new Float64Array([0, 0]), 1)).toBe(25);
  });
});

describe('kmeansPlusPlusSeeds', () => {
  it('picks data rows, distinct ones when the data has k distinct points', () => {
    const X = new Float64Array([0, 0, 0, 0, 10, 10, 10, 10, -5, 7]);
    const C = kmeansPlusPlusSeeds(X, 5, 2, 3, 1);
    const rows = new Set<string>();
    for (let c = 0; c < 3; c++) rows.add(`${C[c * 2]},${C[c * 2 + 1]}`);
    expect(rows).toEqual(new Set(['0,0', '10,10', '-5,7']));
  });

  it('is deterministic and does not mutate X', () => {
    const { data } = gaussianBlobs({ rows: 300, cols: 3, clusterCount: 4, seed: 2 });
    const copy = Float64Array.from(data);
    expect(kmeansPlusPlusSeeds(data, 300, 3, 4, 9)).toEqual(
      kmeansPlusPlusSeeds(data, 300, 3, 4, 9),
    );
    expect(data).toEqual(copy);
  });
});

describe('lloydLabels', () => {
  it('separates two obvious groups', () => {
    const X = new Float64Array([0, 1, 10, 11, 0.5]);
    expect(Array.from(lloydLabels(X, 5, 1, new Float64Array([0, 1]), 2, 20))).toEqual([
      0, 0, 1, 1, 0,
    ]);
  });

  it('does not increase the potential of its starting centroids', () => {
    const { data } = gaussianBlobs({ rows: 1000, cols: 4, clusterCount: 5, seed: 4 });
    const C0 = kmeansPlusPlusSeeds(data, 1000, 4, 5, 0);
    const labels = lloydLabels(data, 1000, 4, C0, 5, 100);
    const sums = new Float64Array(5 * 4);
    const counts = new Float64Array(5);
    labels.forEach((label, i) => {
      counts[label]!++;
      for (let j = 0; j < 4; j++) sums[label * 4 + j]! += data[i * 4 + j]!;
    });
    const means = sums.map((sum, index) => sum / counts[Math.floor(index / 4)]!);
    expect(potential(data, 1000, 4, means, 5)).toBeLessThanOrEqual(potential(data, 1000, 4, C0, 5));
  });
});
