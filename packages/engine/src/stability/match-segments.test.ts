import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../core/errors.js';
import { kmeans } from '../cluster/kmeans.js';
import { takeRows } from '../matrix/matrix.js';
import { makeBlobs } from '../test-utils/blobs.js';
import { applySegmentMatching, matchSegments } from './match-segments.js';
import { migrationTable } from './migration-table.js';

describe('matchSegments', () => {
  it('keeps ids by nearest centroids and gives new segments fresh ids', () => {
    const matching = matchSegments(
      {
        ids: [3, 7],
        centroids: [
          [0, 0],
          [10, 10],
        ],
      },
      {
        centroids: [
          [9, 9],
          [1, 0],
          [50, 50],
        ],
      },
      { maxDistance: 5 },
    );
    expect(Array.from(matching.ids)).toEqual([7, 3, 8]);
    expect(Array.from(matching.previousIds)).toEqual([7, 3, -1]);
    expect(matching.scores[0]).toBeCloseTo(Math.SQRT2, 12);
    expect(Number.isNaN(matching.scores[2])).toBe(true);
    expect(matching.retiredIds).toEqual([]);
    expect(matching.mapping.get(2)).toBe(8);
  });

  it('prefers the globally best matching over greedy choices', () => {
    // Greedy would give current 0 the previous 0 (distance 1) and leave current 1 with 10.
    const matching = matchSegments({ centroids: [[0], [2]] }, { centroids: [[1], [-1]] });
    expect(Array.from(matching.ids)).toEqual([1, 0]);
  });

  it('retires previous segments without a partner', () => {
    const matching = matchSegments({ centroids: [[0], [5], [10]] }, { centroids: [[9.5], [0.2]] });
    expect(Array.from(matching.ids)).toEqual([2, 0]);
    expect(matching.retiredIds).toEqual([1]);
  });

  it('matches by shared members and relabels rows', () => {
    const previous = [0, 0, 0, 1, 1, 1, 2, 2, -1];
    const current = [5, 5, 4, 4, 4, 4, 6, 6, 6];
    const matching = matchSegments({ labels: previous }, { labels: current }, { by: 'members' });
    // Current ids in order 4, 5, 6: 4 shares 3 rows with 1, 5 shares 2 with 0, 6 shares 2 with 2.
    expect(Array.from(matching.currentIds)).toEqual([4, 5, 6]);
    expect(Array.from(matching.ids)).toEqual([1, 0, 2]);
    expect(Array.from(matching.scores)).toEqual([3, 2, 2]);
    expect(Array.from(applySegmentMatching(current, matching))).toEqual([
      0, 0, 1, 1, 1, 1, 2, 2, 2,
    ]);
  });

  it('never matches segments that share no member', () => {
    const matching = matchSegments(
      { labels: [0, 0, 1, 1] },
      { labels: [0, 0, 0, 0], ids: [0, 1] },
      { by: 'members' },
    );
    expect(Array.from(matching.ids)).toEqual([0, 2]);
    expect(matching.retiredIds).toEqual([1]);
  });

  it('rejects bad options and shapes', () => {
    expect(() => matchSegments({}, {}, { by: 'names' as 'members' })).toThrow("'by'");
    expect(() => matchSegments({ centroids: [[0]] }, { centroids: [[0, 1]] })).toThrow(
      expect.objectContaining({ code: ERROR_CODES.INVALID_SHAPE }),
    );
    expect(() => matchSegments({ labels: [0] }, { labels: [0, 1] }, { by: 'members' })).toThrow(
      expect.objectContaining({ code: ERROR_CODES.INVALID_LABELS }),
    );
    expect(() => matchSegments({ labels: [0] }, {}, { by: 'members' })).toThrow('current.labels');
    expect(() =>
      matchSegments({ centroids: [[0]] }, { centroids: [[0]] }, { maxDistance: -1 }),
    ).toThrow("'maxDistance'");
  });
});

describe('a re-run keeps segment ids', () => {
  it('maps a k-means refit with other label numbers back onto the previous ids', () => {
    const { X } = makeBlobs({ perCluster: 30, clusters: 4, dimensions: 3, spread: 0.5, seed: 6 });
    const previous = kmeans(X, { clusterCount: 4, seed: 0 });
    // Reversed row order changes which segment gets which number.
    const order = Int32Array.from({ length: X.rows }, (_, i) => X.rows - 1 - i);
    const current = kmeans(takeRows(X, order), { clusterCount: 4, seed: 3 });
    const currentLabels = new Int32Array(X.rows);
    order.forEach((row, r) => (currentLabels[row] = current.labels[r]!));
    expect(Array.from(currentLabels)).not.toEqual(Array.from(previous.labels));
    for (const by of ['centroids', 'members'] as const) {
      const matching = matchSegments(
        { centroids: previous.centroids, labels: previous.labels },
        { centroids: current.centroids, labels: currentLabels },
        { by },
      );
      const kept = applySegmentMatching(currentLabels, matching);
      expect(Array.from(kept)).toEqual(Array.from(previous.labels));
      expect(migrationTable(previous.labels, kept).moved).toBe(0);
    }
  });
});

describe('migrationTable', () => {
  it('counts moves between aligned runs', () => {
    const table = migrationTable([0, 0, 1, 1, 1, -1], [0, 1, 1, 1, -1, -1]);
    expect(table.previousSegments).toEqual([-1, 0, 1]);
    expect(table.currentSegments).toEqual([-1, 0, 1]);
    expect(table.counts).toEqual([
      [1, 0, 0],
      [0, 1, 1],
      [1, 0, 2],
    ]);
    expect(table.rows).toBe(6);
    expect(table.moved).toBe(2);
  });

  it('joins on keys and counts only rows present in both', () => {
    const table = migrationTable([0, 1, 1], [1, 1, 2], {
      previousKeys: ['a', 'b', 'c'],
      currentKeys: ['c', 'd', 'a'],
    });
    // a: 0 -> 2, c: 1 -> 1; b left, d is new.
    expect(table.rows).toBe(2);
    expect(table.previousSegments).toEqual([0, 1]);
    expect(table.currentSegments).toEqual([1, 2]);
    expect(table.counts).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(table.moved).toBe(1);
  });

  it('rejects misaligned runs, duplicate keys and non-integer labels', () => {
    expect(() => migrationTable([0], [0, 1])).toThrow(
      expect.objectContaining({ code: ERROR_CODES.INVALID_LABELS }),
    );
    expect(() =>
      migrationTable([0, 1], [0, 1], { previousKeys: ['a', 'a'], currentKeys: ['a', 'b'] }),
    ).toThrow('duplicate key "a"');
    expect(() => migrationTable([0.5], [0])).toThrow('previousLabels[0]');
  });
});
