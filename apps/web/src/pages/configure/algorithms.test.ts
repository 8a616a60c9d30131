import { describe, expect, it } from 'vitest';
import { FALLBACK_ALGORITHMS, algorithmsFromSchema } from './algorithms.js';

describe('algorithmsFromSchema', () => {
  it('finds the nested enum that lists kmeans, skipping other enums', () => {
    const schema = {
      properties: {
        scaling: { enum: ['standard', 'none'] },
        clustering: {
          properties: {
            algorithm: { anyOf: [{ enum: ['kmeans', 'gmm', 'dbscan'] }, { type: 'array' }] },
          },
        },
      },
    };
    expect(algorithmsFromSchema(schema)).toEqual(['kmeans', 'gmm', 'dbscan']);
  });

  it('falls back when nothing matches', () => {
    expect(algorithmsFromSchema(null)).toBe(FALLBACK_ALGORITHMS);
    expect(algorithmsFromSchema({ enum: ['a'] })).toBe(FALLBACK_ALGORITHMS);
  });
});
