/**
 * DBSCAN on the labelled SIPU shape sets (skipped without /work/shared/datasets): adjusted Rand
 * index against `labels0` (noise counted as one more label) with documented settings.
 *
 * Two settings per set:
 * - `knee`: eps read off the k-distance curve (k = minSamples - 1) by Kneedle, no labels used.
 *   It works on aggregation, compound, jain and spiral; on flame and pathbased the elbow lies
 *   past the gap between the shapes and everything merges into one cluster (ARI about 0),
 *   which the test records as a known limitation of the rule.
 * - `tuned`: the best (minSamples, eps) of a grid (minSamples in {3, 4, 5, 8, 10}, eps in steps
 *   of 0.05), chosen with the labels: what DBSCAN can reach, not what a user gets blind.
 * The thresholds are the measured ARIs rounded down to 2 decimals; labels are scikit-learn's
 * (the same eps and minSamples give scikit-learn's labels exactly, see dbscan-sklearn.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { adjustedRandIndex } from '../metrics/adjusted-rand.js';
import { hasSharedDatasets, loadSipu } from '../test-utils/data.js';
import { dbscan } from './dbscan.js';
import { kDistanceCurve } from './k-distance.js';

interface Setting {
  readonly minSamples: number;
  /** Expected eps (the knee's value, or the tuned one). */
  readonly eps: number;
  readonly ari: number;
  readonly clusters: number;
}

const SETTINGS: Record<string, { knee: Setting; tuned: Setting }> = {
  aggregation: {
    knee: { minSamples: 5, eps: 1.5182226450688987, ari: 0.8, clusters: 5 },
    tuned: { minSamples: 10, eps: 1.7, ari: 0.98, clusters: 7 },
  },
  compound: {
    knee: { minSamples: 8, eps: 2.3005434140654692, ari: 0.83, clusters: 4 },
    tuned: { minSamples: 3, eps: 1.5, ari: 0.97, clusters: 6 },
  },
  flame: {
    knee: { minSamples: 8, eps: 1.6007810593582128, ari: 0, clusters: 1 },
    tuned: { minSamples: 8, eps: 1.25, ari: 0.95, clusters: 2 },
  },
  jain: {
    knee: { minSamples: 4, eps: 2.0651876428063374, ari: 0.9, clusters: 5 },
    tuned: { minSamples: 8, eps: 1.7, ari: 0.95, clusters: 2 },
  },
  pathbased: {
    knee: { minSamples: 10, eps: 3.6062445840513933, ari: 0, clusters: 1 },
    tuned: { minSamples: 10, eps: 2.25, ari: 0.92, clusters: 2 },
  },
  spiral: {
    knee: { minSamples: 5, eps: 1.9849433241279206, ari: 0.99, clusters: 3 },
    tuned: { minSamples: 4, eps: 2, ari: 1, clusters: 3 },
  },
};

describe.skipIf(!hasSharedDatasets)('dbscan on the SIPU shape sets', () => {
  for (const [name, { knee, tuned }] of Object.entries(SETTINGS)) {
    it(`${name}: eps at the k-distance knee (${knee.eps.toFixed(3)}), ARI >= ${knee.ari}`, () => {
      const { X, labels } = loadSipu(name);
      const curve = kDistanceCurve(X, knee.minSamples - 1);
      expect(curve.suggestedEps).toBeCloseTo(knee.eps, 9);
      const model = dbscan(X, { eps: curve.suggestedEps!, minSamples: knee.minSamples });
      expect(model.clusterCount).toBe(knee.clusters);
      expect(adjustedRandIndex(model.labels, labels)).toBeGreaterThanOrEqual(knee.ari);
    });

    it(`${name}: tuned eps ${tuned.eps}, minSamples ${tuned.minSamples}, ARI >= ${tuned.ari}`, () => {
      const { X, labels } = loadSipu(name);
      const model = dbscan(X, { eps: tuned.eps, minSamples: tuned.minSamples });
      expect(model.clusterCount).toBe(tuned.clusters);
      expect(adjustedRandIndex(model.labels, labels)).toBeGreaterThanOrEqual(tuned.ari);
    });
  }
});
