/**
 * k-means against scikit-learn 1.2.1 from the same explicit initial centroids
 * (fixtures/generate.py): identical labels and iteration counts, centroids and inertia within
 * 1e-9 relative, for both Lloyd and Hamerly, with and without sample weights, including a run
 * stopped by maxIterations and a run that relocates an empty cluster.
 */
import { describe, expect, it } from 'vitest';
import { readFixture } from '../test-utils/data.js';
import { kmeans, type KMeansAlgorithm } from './kmeans.js';

interface Reference {
  labels: number[];
  centers: number[][];
  inertia: number;
  iterations: number;
}

interface Case {
  name: string;
  X: number[][];
  init: number[][];
  sampleWeight: number[] | null;
  maxIterations: number;
  tolerance: number;
  lloyd: Reference;
  elkan: Reference;
}

const { cases } = readFixture<{ cases: Case[] }>(import.meta.url, 'kmeans-sklearn.json');

function expectClose(actual: number, expected: number, relative = 1e-9): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(
    relative * Math.max(1, Math.abs(expected)),
  );
}

describe('kmeans matches scikit-learn from the same initial centroids', () => {
  for (const c of cases) {
    for (const algorithm of ['lloyd', 'hamerly', 'elkan'] as KMeansAlgorithm[]) {
      it(`${c.name} (${algorithm})`, () => {
        const reference = algorithm === 'lloyd' ? c.lloyd : c.elkan;
        const model = kmeans(c.X, {
          clusterCount: c.init.length,
          init: c.init,
          maxIterations: c.maxIterations,
          tolerance: c.tolerance,
          algorithm,
          sampleWeight: c.sampleWeight ?? undefined,
        });
        expect(Array.from(model.labels)).toEqual(reference.labels);
        expect(model.iterations).toBe(reference.iterations);
        expectClose(model.inertia, reference.inertia);
        reference.centers.forEach((row, j) =>
          row.forEach((value, f) => expectClose(model.centroids.data[j * row.length + f]!, value)),
        );
        const stoppedEarly = c.maxIterations === reference.iterations && c.name.includes('maxiter');
        expect(model.converged).toBe(!stoppedEarly);
        expect(model.warnings.some((w) => w.code === 'MAX_ITERATIONS_REACHED')).toBe(stoppedEarly);
        expect(model.warnings.some((w) => w.code === 'EMPTY_CLUSTER_RESEEDED')).toBe(
          c.name === 'empty-cluster',
        );
      });
    }
  }
});
