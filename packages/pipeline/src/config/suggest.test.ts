import { describe, expect, test } from 'vitest';
import { closestWord, editDistance } from './suggest.js';

describe('editDistance', () => {
  test.each([
    ['', '', 0],
    ['k', '', 1],
    ['clusterin', 'clustering', 1],
    ['kitten', 'sitting', 3],
    ['algoritm', 'algorithm', 1],
    // A swap of neighbours costs 1 (Damerau), not 2 (Levenshtein).
    ['sedd', 'seed', 1],
    ['clsutering', 'clustering', 1],
  ])('%s -> %s = %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe('closestWord', () => {
  const topLevel = ['source', 'id', 'features', 'clustering', 'cleaning', 'seed', 'output'];

  test('typos within distance 2 find the key', () => {
    expect(closestWord('clusterin', topLevel)).toBe('clustering');
    expect(closestWord('sorce', topLevel)).toBe('source');
    expect(closestWord('featurs', topLevel)).toBe('features');
    expect(closestWord('ouptut', topLevel)).toBe('output');
  });

  test('case, dashes and underscores are ignored', () => {
    expect(closestWord('Clustering', topLevel)).toBe('clustering');
    expect(closestWord('min_frequency', ['minFrequency', 'maxCategories'])).toBe('minFrequency');
    expect(closestWord('kmean', ['kmeans', 'minibatch-kmeans'])).toBe('kmeans');
    expect(closestWord('mini_batch_kmeans', ['kmeans', 'minibatch-kmeans'])).toBe(
      'minibatch-kmeans',
    );
  });

  test('a prefix of at least 3 characters matches', () => {
    expect(closestWord('cluster', topLevel)).toBe('clustering');
    expect(closestWord('silhouetteSample', ['criteria', 'silhouetteSampleSize'])).toBe(
      'silhouetteSampleSize',
    );
    // 'cl' is too short to be a prefix match and 2 edits from nothing useful.
    expect(closestWord('cl', ['clustering', 'cleaning'])).toBeUndefined();
  });

  test('the closest candidate wins; ties go to the earlier one', () => {
    expect(closestWord('cleanin', topLevel)).toBe('cleaning');
    expect(closestWord('sead', ['seed', 'sead2'])).toBe('seed');
    expect(closestWord('ab', ['ax', 'ay'])).toBe('ax');
  });

  test('unrelated words and full rewrites of short words suggest nothing', () => {
    expect(closestWord('banana', topLevel)).toBeUndefined();
    expect(closestWord('x', ['k', 'id'])).toBeUndefined();
    expect(closestWord('ks', ['k', 'id'])).toBe('k');
    expect(closestWord('anything', [])).toBeUndefined();
  });
});
