/**
 * The SIPU shape sets (aggregation, compound, flame, jain, pathbased, spiral; Fränti and
 * Sieranoja) with the true k: for every linkage the adjusted Rand index against the ground truth
 * matches what scikit-learn 1.2.1's AgglomerativeClustering reaches (fixtures/real-ari.json).
 * These sets have tied distances (coordinates on a grid); the kernels follow SciPy's tie rules,
 * so the ARIs are equal, not merely close. Skipped without the shared datasets.
 */
import { describe, expect, it } from 'vitest';
import { adjustedRandIndex } from '../metrics/adjusted-rand.js';
import { hasSharedDatasets, loadSipu, readFixture } from '../test-utils/data.js';
import { agglomerative } from './agglomerative.js';
import type { Linkage } from './agglomerative-options.js';

type Reference = { k: number } & Record<Linkage, number>;
const reference = readFixture<Record<string, Reference>>(import.meta.url, 'real-ari.json');
const LINKAGES: Linkage[] = ['ward', 'complete', 'average', 'single'];

describe.skipIf(!hasSharedDatasets)('agglomerative on the SIPU shape sets', () => {
  for (const [name, expected] of Object.entries(reference)) {
    it(`${name}: ARI per linkage equals scikit-learn's`, () => {
      const { X, labels } = loadSipu(name);
      for (const linkage of LINKAGES) {
        const model = agglomerative(X, { clusterCount: expected.k, linkage });
        expect(adjustedRandIndex(labels, model.labels), linkage).toBeCloseTo(expected[linkage], 9);
      }
    });
  }
});
