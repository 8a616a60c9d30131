/**
 * The README's "engine in five calls" example, run as written (with generated customers), so the
 * documentation cannot drift from the API.
 */
import { describe, expect, it } from 'vitest';
import { chooseK, fitSegmentation, loadModel, predictSegments, saveModel, table } from './index.js';
import { createRandom } from './core/random.js';

describe('README example', () => {
  it('runs as documented', () => {
    const rng = createRandom(8);
    const income: number[] = [];
    const recency: number[] = [];
    const education: string[] = [];
    const levels = ['Graduation', 'PhD', 'Master', 'Basic'];
    for (let g = 0; g < 4; g++) {
      for (let i = 0; i < 50; i++) {
        income.push(20_000 + g * 25_000 + 3_000 * rng.normal());
        recency.push(10 + g * 25 + 3 * rng.normal());
        education.push(levels[(g + (rng.next() < 0.1 ? 1 : 0)) % 4]!);
      }
    }
    const customers = table({ income, recency, education });
    const steps = [
      { type: 'impute', strategy: 'median' },
      { type: 'outliers', rules: [{ rule: 'iqr', columns: ['income'] }] },
      { type: 'one-hot', columns: ['education'], minFrequency: 0.05 },
      { type: 'scale', method: 'standard' },
    ] as const;
    const { model, labels, X, report } = fitSegmentation(customers, {
      steps,
      clusterer: { clusterCount: 4, seed: 1 },
    });
    expect(labels.length).toBe(X.rows);
    expect(report).toHaveLength(4);

    const { recommendation } = chooseK(X, { kRange: [2, 10] });
    expect(recommendation.summary).toMatch(/^k = \d+/);

    const [prediction] = predictSegments(model, [{ income: 52000, recency: 12, education: 'PhD' }]);
    expect(prediction).toMatchObject({
      segmentName: expect.stringMatching(/^Segment \d$/) as unknown,
    });
    expect(prediction!.confidence).toBeGreaterThanOrEqual(0);

    const restored = loadModel(saveModel(model));
    expect(predictSegments(restored, customers)).toEqual(predictSegments(model, customers));
  });
});
