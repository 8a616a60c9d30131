import { describe, expect, it } from 'vitest';
import {
  bestAri,
  kDistances,
  quantile,
  replaceShapesSection,
  shapesTable,
} from './shapes-report.js';

describe('shapes report', () => {
  it('takes the best ARI over the reference partitions', () => {
    const same = (a: ArrayLike<number>, b: ArrayLike<number>) =>
      Array.from(a).every((x, i) => x === b[i]) ? 1 : 0;
    expect(
      bestAri(
        same,
        [0, 1],
        [
          [1, 0],
          [0, 1],
        ],
      ),
    ).toBe(1);
    expect(
      bestAri(
        same,
        [0, 0],
        [
          [1, 0],
          [0, 1],
        ],
      ),
    ).toBe(0);
  });

  it('computes the sorted k-distance curve and quantiles', () => {
    // Points 0, 1, 3 on a line: 1st-neighbour distances 1, 1, 2; 2nd: 3, 2, 3.
    const data = Float64Array.from([0, 1, 3]);
    expect(kDistances(data, 3, 1, 1)).toEqual([1, 1, 2]);
    expect(kDistances(data, 3, 1, 2)).toEqual([2, 3, 3]);
    expect(quantile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(quantile([1, 2, 3, 4, 5], 1)).toBe(5);
  });

  it('writes the table and replaces only its section', () => {
    const table = shapesTable(
      [
        {
          dataset: 'jain',
          n: 373,
          k: 2,
          cells: {
            kmeans: { ari: 0.32412, params: {}, clusters: 2 },
            dbscan: { ari: 0.9, params: { eps: 2.3456, minSamples: 5 }, clusters: 2 },
            gmm: { ari: null, params: {}, clusters: null, note: 'not available' },
          },
        },
      ],
      ['kmeans', 'dbscan', 'gmm'],
      { dbscan: ['eps'] },
    );
    expect(table.split('\n')[2]).toBe(
      '| jain | 373 | 2 | 0.324 | 0.900 (eps 2.35) | not available |',
    );
    const readme = 'a\n<!-- bench:shapes:start -->\nold\n<!-- bench:shapes:end -->\nb\n';
    expect(replaceShapesSection(readme, 'new')).toBe(
      'a\n<!-- bench:shapes:start -->\nnew\n<!-- bench:shapes:end -->\nb\n',
    );
    expect(replaceShapesSection('a\n', 'x')).toBe(
      'a\n\n<!-- bench:shapes:start -->\nx\n<!-- bench:shapes:end -->\n',
    );
  });
});
