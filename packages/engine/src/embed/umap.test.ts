import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../core/errors.js';
import { createRandom, permutation } from '../core/random.js';
import { type Matrix, takeRows } from '../matrix/matrix.js';
import { makeBlobs } from '../test-utils/blobs.js';
import { umap } from './umap.js';
import { umapFromJSON, umapToJSON } from './umap-json.js';
import { umapTransform } from './umap-transform.js';

/** Share of each point's k nearest neighbours (in Y) that carry the point's own label. */
function neighbourLabelAgreement(Y: Matrix, labels: Int32Array, k: number): number {
  const n = Y.rows;
  let agree = 0;
  for (let i = 0; i < n; i++) {
    const distances: Array<[number, number]> = [];
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      let s = 0;
      for (let c = 0; c < Y.cols; c++)
        s += (Y.data[i * Y.cols + c]! - Y.data[j * Y.cols + c]!) ** 2;
      distances.push([s, j]);
    }
    distances.sort((a, b) => a[0] - b[0]);
    for (let r = 0; r < k; r++) if (labels[distances[r]![1]] === labels[i]) agree++;
  }
  return agree / (n * k);
}

/** Neighbour ranks of every point (rank 1 = nearest), row i: rank of each j. */
function ranks(Y: Matrix): Int32Array[] {
  const n = Y.rows;
  return Array.from({ length: n }, (_, i) => {
    const order = Array.from({ length: n }, (_, j) => j).filter((j) => j !== i);
    const distance = (j: number) => {
      let s = 0;
      for (let c = 0; c < Y.cols; c++)
        s += (Y.data[i * Y.cols + c]! - Y.data[j * Y.cols + c]!) ** 2;
      return s;
    };
    order.sort((a, b) => distance(a) - distance(b) || a - b);
    const rank = new Int32Array(n);
    order.forEach((j, r) => (rank[j] = r + 1));
    return rank;
  });
}

/**
 * Trustworthiness (Venna & Kaski 2001; scikit-learn's `trustworthiness`): 1 - 2 / (n k (2n - 3k
 * - 1)) * sum over i of sum over j among i's k nearest in the map but not in X of (rank_X(i, j) - k).
 */
function trustworthiness(X: Matrix, Y: Matrix, k: number): number {
  const n = X.rows;
  const inputRanks = ranks(X);
  const mapRanks = ranks(Y);
  let penalty = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (j === i || mapRanks[i]![j]! > k) continue;
      penalty += Math.max(0, inputRanks[i]![j]! - k);
    }
  }
  return 1 - (2 / (n * k * (2 * n - 3 * k - 1))) * penalty;
}

function centroids(Y: Matrix, labels: Int32Array, k: number): number[][] {
  const sums = Array.from({ length: k }, () => new Array<number>(Y.cols + 1).fill(0));
  for (let i = 0; i < Y.rows; i++) {
    const row = sums[labels[i]!]!;
    for (let c = 0; c < Y.cols; c++) row[c]! += Y.data[i * Y.cols + c]!;
    row[Y.cols]!++;
  }
  return sums.map((row) => row.slice(0, Y.cols).map((v) => v / row[Y.cols]!));
}

function nearestCentroid(point: ArrayLike<number>, centres: number[][]): number {
  let best = 0;
  let bestDistance = Infinity;
  centres.forEach((centre, c) => {
    const distance = centre.reduce((s, v, j) => s + (v - point[j]!) ** 2, 0);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = c;
    }
  });
  return best;
}

describe('umap', () => {
  const { X, labels } = makeBlobs({ perCluster: 60, clusters: 3, dimensions: 6, seed: 3 });
  const model = umap(X, { seed: 7, epochs: 200 });

  it('returns one point per row in the requested dimensions', () => {
    expect(model.embedding.rows).toBe(180);
    expect(model.embedding.cols).toBe(2);
    expect(model.epochs).toBe(200);
    expect(model.warnings).toEqual([]);
    expect(model.embedding.data.every(Number.isFinite)).toBe(true);
    const three = umap(X, { seed: 7, epochs: 20, components: 3 });
    expect(three.embedding.cols).toBe(3);
  });

  it('is reproducible with a seed and changes with the seed', () => {
    const again = umap(X, { seed: 7, epochs: 200 });
    expect(Array.from(again.embedding.data)).toEqual(Array.from(model.embedding.data));
    const other = umap(X, { seed: 8, epochs: 200 });
    expect(Array.from(other.embedding.data)).not.toEqual(Array.from(model.embedding.data));
  });

  it('keeps separated blobs separated (10-NN label agreement in the map)', () => {
    expect(neighbourLabelAgreement(model.embedding, labels, 10)).toBeGreaterThan(0.98);
  });

  it('preserves neighbourhoods (trustworthiness at k = 10 above 0.9)', () => {
    const score = trustworthiness(X, model.embedding, 10);
    expect(score).toBeGreaterThan(0.9);
    expect(score).toBeLessThanOrEqual(1);
    // A random layout scores much lower: the measure can fail.
    const order = permutation(model.embedding.rows, createRandom(1));
    const shuffled = takeRows(model.embedding, order);
    expect(trustworthiness(X, shuffled, 10)).toBeLessThan(0.8);
  });

  it('places training points near their own embedding', () => {
    const placed = umapTransform(model, X);
    expect(placed.rows).toBe(180);
    const centres = centroids(model.embedding, labels, 3);
    let right = 0;
    for (let i = 0; i < placed.rows; i++) {
      const point = placed.data.subarray(i * 2, i * 2 + 2);
      if (nearestCentroid(point, centres) === labels[i]) right++;
    }
    expect(right / placed.rows).toBeGreaterThan(0.97);
    // The fitted embedding itself is not modified by transforming.
    expect(Array.from(umap(X, { seed: 7, epochs: 200 }).embedding.data)).toEqual(
      Array.from(model.embedding.data),
    );
  });

  it('places a batch of new points deterministically, also after a JSON round trip', () => {
    const { X: fresh } = makeBlobs({ perCluster: 4, clusters: 3, dimensions: 6, seed: 3 });
    const first = umapTransform(model, fresh);
    expect(Array.from(umapTransform(model, fresh).data)).toEqual(Array.from(first.data));
    const loaded = umapFromJSON(JSON.parse(JSON.stringify(umapToJSON(model))));
    expect(Array.from(umapTransform(loaded, fresh).data)).toEqual(Array.from(first.data));
    expect(umapTransform(model, { data: new Float64Array(0), rows: 0, cols: 6 }).rows).toBe(0);
  });

  it('reports progress and stops early when asked', () => {
    const seen: number[] = [];
    const stopped = umap(X, { seed: 7, epochs: 50 }, (epoch, epochs) => {
      seen.push(epoch);
      expect(epochs).toBe(50);
      return epoch < 10;
    });
    expect(seen).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    expect(stopped.epochs).toBe(10);
    expect(stopped.warnings.map((w) => w.code)).toEqual(['UMAP_STOPPED_EARLY']);
  });

  it('rejects neighbors >= rows and wrong transform columns', () => {
    expect(() => umap({ rows: 10, cols: 6, data: X.data.slice(0, 60) })).toThrow(
      "umap: 'neighbors' must be an integer below the row count 10; got 15.",
    );
    expect(() => umapTransform(model, [[1, 2]])).toThrow(
      expect.objectContaining({ code: ERROR_CODES.INVALID_SHAPE }),
    );
  });
});
