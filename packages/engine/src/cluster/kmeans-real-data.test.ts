/**
 * k-means on real data with the true k, k-means++ and nInit 10: the adjusted Rand index against
 * the ground truth is at least what scikit-learn 1.2.1 reaches with the same settings
 * (fixtures/kmeans-real-ari.json, from fixtures/generate.py). Iris and seeds are z-scored here
 * with population standard deviations (scikit-learn's StandardScaler).
 */
import { describe, expect, it } from 'vitest';
import type { Matrix } from '../matrix/matrix.js';
import { adjustedRandIndex } from '../metrics/adjusted-rand.js';
import {
  hasSharedDatasets,
  loadIris,
  loadSeeds,
  loadSipu,
  readFixture,
  type LabelledData,
} from '../test-utils/data.js';
import { kmeans } from './kmeans.js';

interface Reference {
  k: number;
  ari: number;
  inertia: number;
}

const { datasets, irisSingleRun } = readFixture<{
  datasets: Record<string, Reference>;
  irisSingleRun: { runs: number; threshold: number; shareAtOptimum: number };
}>(import.meta.url, 'kmeans-real-ari.json');

/**
 * Restarts per dataset: 10 as scikit-learn, except iris. There about 11% of k-means++ runs reach
 * the best optimum (inertia 140.966, ARI 0.620), for us and for scikit-learn alike (tested
 * below), so 10 runs miss it with probability 0.89^10 = 31%. Our seed 0 misses it with 10 and
 * even 20 runs (141.154, ARI 0.592) while scikit-learn's random_state=0 finds it; with 40 runs a
 * miss has probability 1%, so the comparison is about the algorithm rather than one seed's luck.
 */
const restarts: Record<string, number> = { iris: 40 };

function zScore(X: Matrix): Matrix {
  const { rows: n, cols: d, data } = X;
  const out = new Float64Array(data.length);
  for (let f = 0; f < d; f++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += data[i * d + f]!;
    mean /= n;
    let variance = 0;
    for (let i = 0; i < n; i++) variance += (data[i * d + f]! - mean) ** 2;
    const std = Math.sqrt(variance / n);
    for (let i = 0; i < n; i++) out[i * d + f] = (data[i * d + f]! - mean) / std;
  }
  return { data: out, rows: n, cols: d };
}

const loaders: Record<string, () => LabelledData> = {
  iris: () => {
    const data = loadIris();
    return { ...data, X: zScore(data.X) };
  },
  seeds: () => {
    const data = loadSeeds();
    return { ...data, X: zScore(data.X) };
  },
  a1: () => loadSipu('a1'),
  r15: () => loadSipu('r15'),
  d31: () => loadSipu('d31'),
  unbalance: () => loadSipu('unbalance'),
};

describe.runIf(hasSharedDatasets)('kmeans on real data reaches scikit-learn ARI', () => {
  for (const [name, load] of Object.entries(loaders)) {
    it(name, () => {
      const reference = datasets[name]!;
      const { X, labels } = load();
      const nInit = restarts[name] ?? 10;
      const model = kmeans(X, { clusterCount: reference.k, nInit, seed: 0 });
      const ari = adjustedRandIndex(labels, model.labels);
      expect(ari).toBeGreaterThanOrEqual(reference.ari - 1e-12);
    });
  }
});

describe.runIf(hasSharedDatasets)('k-means++ outcome distribution on iris', () => {
  it('reaches the best optimum as often as scikit-learn', () => {
    const X = loaders.iris!().X;
    let atOptimum = 0;
    for (let seed = 0; seed < irisSingleRun.runs; seed++) {
      if (kmeans(X, { clusterCount: 3, seed }).inertia < irisSingleRun.threshold) atOptimum++;
    }
    // Binomial standard deviation of the difference of two shares over 400 runs each is ~0.022.
    expect(Math.abs(atOptimum / irisSingleRun.runs - irisSingleRun.shareAtOptimum)).toBeLessThan(
      0.07,
    );
  });
});
