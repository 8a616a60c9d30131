/**
 * Rules on iris (shared datasets; skipped when absent): the species as segments give the
 * textbook tree (scikit-learn's first split is petal length <= 2.45, which isolates setosa).
 */
import { describe, expect, it } from 'vitest';
import { hasSharedDatasets, loadIris } from '../test-utils/data.js';
import { segmentRules } from './segment-rules.js';

describe.skipIf(!hasSharedDatasets)('segmentRules on iris', () => {
  it('describes setosa with one exact rule and the others with precise rules', () => {
    const { X, labels } = loadIris();
    const names = ['sepal length', 'sepal width', 'petal length', 'petal width'];
    const sets = segmentRules(X, labels, { featureNames: names });
    expect(sets.map((s) => s.size)).toEqual([50, 50, 50]);
    const setosa = sets[0]!.rules[0]!;
    expect(setosa.conditions).toHaveLength(1);
    expect(setosa.conditions[0]!.feature).toMatch(/^petal (length|width)$/);
    expect([setosa.precision, setosa.coverage]).toEqual([1, 1]);
    for (const set of sets.slice(1)) {
      expect(set.rules[0]!.precision).toBeGreaterThan(0.9);
      expect(set.rules[0]!.coverage).toBeGreaterThan(0.8);
    }
  });
});
