import { describe, expect, it } from 'vitest';
import type { Model, RunReport } from '../../api/types.js';
import { fallbackSchema } from './fallback-schema.js';

const model = {
  idColumn: 'ID',
  input: [
    { name: 'Income', kind: 'numeric' },
    { name: 'Education', kind: 'categorical' },
  ],
} as unknown as Model;

const numeric = (mean: number) => ({ feature: 'Income', mean, overallMean: 50, overallStd: 10 });
const report = {
  segments: [
    { numeric: [numeric(40)], categorical: [{ feature: 'Education', value: 'PhD' }] },
    {
      numeric: [numeric(60)],
      categorical: [
        { feature: 'Education', value: 'Basic' },
        { feature: 'Education', value: 'PhD' },
      ],
    },
  ],
} as unknown as RunReport;

describe('fallbackSchema', () => {
  it('bounds numerics by mean ± 3 sd (at 0 for non-negative features) and lists categories', () => {
    const schema = fallbackSchema(model, report);
    expect(schema.idColumn).toBe('ID');
    expect(schema.features[0]).toEqual({
      name: 'Income',
      kind: 'numeric',
      min: 20,
      max: 80,
      median: 50,
      step: 0.6,
    });
    expect(schema.features[1]).toEqual({
      name: 'Education',
      kind: 'categorical',
      categories: ['PhD', 'Basic'],
      mode: 'PhD',
    });
  });
});
