/**
 * Agreement with SciPy 1.10 and scikit-learn 1.2.1 (fixtures/linkages.json from
 * fixtures/generate.py) on tie-free data: for every linkage the linkage matrix equals SciPy's
 * `linkage` (ids and sizes exactly, heights to 1e-9 relative), and the labels of every cut (by
 * count and by distance, features and precomputed distances) equal scikit-learn's
 * AgglomerativeClustering labels, up to permutation for single linkage (scikit-learn orders
 * single-linkage children differently) and exactly otherwise.
 */
import { describe, expect, it } from 'vitest';
import { fromRows, type Matrix } from '../matrix/matrix.js';
import { adjustedRandIndex } from '../metrics/adjusted-rand.js';
import { readFixture } from '../test-utils/data.js';
import { agglomerative } from './agglomerative.js';
import type { Linkage } from './agglomerative-options.js';
import { cutTree } from './cut-tree.js';

interface ZColumns {
  left: number[];
  right: number[];
  distance: number[];
  size: number[];
}

interface Cut {
  clusterCount: number;
  distanceThreshold?: number;
  labels: number[];
}

interface Fixture {
  X: number[][];
  linkages: Record<Linkage, { Z: ZColumns; cuts: Cut[]; precomputedLabels?: number[] }>;
}

const fixtures = readFixture<Record<string, Fixture>>(import.meta.url, 'linkages.json');
const LINKAGES: Linkage[] = ['ward', 'complete', 'average', 'single'];

function squareDistances(X: Matrix): Matrix {
  const { rows: n, cols: d, data } = X;
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let f = 0; f < d; f++) s += (data[i * d + f]! - data[j * d + f]!) ** 2;
      out[i * n + j] = Math.sqrt(s);
    }
  return { data: out, rows: n, cols: n };
}

function expectClose(actual: ArrayLike<number>, expected: number[]): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const scale = Math.max(1e-12, Math.abs(expected[i]!));
    expect(Math.abs(actual[i]! - expected[i]!) / scale).toBeLessThan(1e-9);
  }
}

for (const [name, fixture] of Object.entries(fixtures)) {
  const X = fromRows(fixture.X);
  describe(`${name} (${X.rows} x ${X.cols})`, () => {
    for (const linkage of LINKAGES) {
      const reference = fixture.linkages[linkage];
      it(`${linkage}: the linkage matrix equals SciPy's`, () => {
        const model = agglomerative(X, { clusterCount: 1, linkage });
        expect(Array.from(model.linkage.left)).toEqual(reference.Z.left);
        expect(Array.from(model.linkage.right)).toEqual(reference.Z.right);
        expect(Array.from(model.linkage.size)).toEqual(reference.Z.size);
        expectClose(model.linkage.distance, reference.Z.distance);
      });

      it(`${linkage}: every cut labels the rows as scikit-learn does`, () => {
        for (const cut of reference.cuts) {
          const model =
            cut.distanceThreshold === undefined
              ? agglomerative(X, { clusterCount: cut.clusterCount, linkage })
              : agglomerative(X, { distanceThreshold: cut.distanceThreshold, linkage });
          expect(model.clusterCount).toBe(cut.clusterCount);
          const labels = Array.from(model.labels);
          if (linkage === 'single')
            expect(adjustedRandIndex(model.labels, Int32Array.from(cut.labels))).toBe(1);
          else expect(labels).toEqual(cut.labels);
          const again = cutTree(model.linkage, { clusterCount: cut.clusterCount });
          expect(Array.from(again)).toEqual(labels);
        }
      });

      if (reference.precomputedLabels) {
        const expected = reference.precomputedLabels;
        it(`${linkage}: precomputed distances give scikit-learn's labels and the same tree`, () => {
          const model = agglomerative(squareDistances(X), {
            clusterCount: 3,
            linkage,
            metric: 'precomputed',
          });
          expect(adjustedRandIndex(model.labels, Int32Array.from(expected))).toBe(1);
          expect(Array.from(model.linkage.left)).toEqual(reference.Z.left);
          expect(Array.from(model.linkage.right)).toEqual(reference.Z.right);
          expectClose(model.linkage.distance, reference.Z.distance);
          expect(model.centroids).toBeNull();
        });
      }
    }
  });
}
