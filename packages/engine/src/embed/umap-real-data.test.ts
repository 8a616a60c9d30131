/** UMAP on iris (shared datasets; skipped when absent): species stay together in the map. */
import { describe, expect, it } from 'vitest';
import { hasSharedDatasets, loadIris } from '../test-utils/data.js';
import { umap } from './umap.js';

describe.skipIf(!hasSharedDatasets)('umap on iris', () => {
  it('keeps setosa apart and most neighbours within their species', () => {
    const { X, labels } = loadIris();
    const { embedding: Y } = umap(X, { seed: 0, epochs: 200 });
    const n = Y.rows;
    let agree = 0;
    let setosaAgree = 0;
    const k = 10;
    for (let i = 0; i < n; i++) {
      const near = Array.from({ length: n }, (_, j) => j)
        .filter((j) => j !== i)
        .map(
          (j) =>
            [
              Math.hypot(Y.data[2 * i]! - Y.data[2 * j]!, Y.data[2 * i + 1]! - Y.data[2 * j + 1]!),
              j,
            ] as const,
        )
        .sort((a, b) => a[0] - b[0] || a[1] - b[1])
        .slice(0, k);
      const same = near.filter(([, j]) => labels[j] === labels[i]).length;
      agree += same;
      if (labels[i] === 0) setosaAgree += same;
    }
    expect(setosaAgree / (50 * k)).toBe(1);
    expect(agree / (n * k)).toBeGreaterThan(0.9);
  });
});
