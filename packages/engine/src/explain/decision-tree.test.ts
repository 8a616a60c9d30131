import { describe, expect, it } from 'vitest';
import { table } from '../preprocess/table.js';
import { readFixture } from '../test-utils/data.js';
import { decisionTreeKernel } from './decision-tree.js';
import { readFeatures } from './features.js';

interface FixtureNode {
  readonly feature: string | -1;
  readonly threshold: number | null;
  readonly left: number;
  readonly right: number;
  readonly samples: number;
  readonly positives: number;
  readonly impurity: number;
}

interface Fixture {
  readonly income: number[];
  readonly age: number[];
  readonly kids: number[];
  readonly region: string[];
  readonly target: number[];
  readonly cases: Array<{ maxDepth: number; minLeafShare: number; nodes: FixtureNode[] }>;
}

const fixture = readFixture<Fixture>(import.meta.url, 'decision-tree.json');

describe('decisionTreeKernel', () => {
  const features = readFeatures(
    'test',
    table({ income: fixture.income, age: fixture.age, kids: fixture.kids, region: fixture.region }),
  );
  const target = Uint8Array.from(fixture.target);

  for (const { maxDepth, minLeafShare, nodes: expected } of fixture.cases) {
    it(`grows scikit-learn's tree (depth ${maxDepth}, min_samples_leaf ${minLeafShare})`, () => {
      const minLeaf = Math.ceil(minLeafShare * features.rows);
      const nodes = decisionTreeKernel(features, target, { maxDepth, minLeaf });
      expect(nodes.length).toBe(expected.length);
      nodes.forEach((node, id) => {
        const want = expected[id]!;
        expect(node.samples).toBe(want.samples);
        expect(node.positives).toBe(want.positives);
        expect(node.impurity).toBeCloseTo(want.impurity, 12);
        expect(node.left).toBe(want.left);
        expect(node.right).toBe(want.right);
        if (want.feature === -1) {
          expect(node.feature).toBe(-1);
          return;
        }
        const column = features.columns[node.feature]!;
        if (column.kind === 'categorical') {
          // scikit-learn saw the one-hot column region=<c>, split at 0.5 (left: not c).
          expect(`${column.name}=${column.categories[node.threshold]}`).toBe(want.feature);
          expect(want.threshold).toBe(0.5);
        } else {
          expect(column.name).toBe(want.feature);
          expect(node.threshold).toBe(want.threshold);
        }
      });
    });
  }

  it('stops at pure nodes and respects the minimum leaf size', () => {
    const line = readFeatures('test', [[1], [2], [3], [4], [5], [6]]);
    const pure = decisionTreeKernel(line, Uint8Array.from([0, 0, 0, 1, 1, 1]), {
      maxDepth: 3,
      minLeaf: 1,
    });
    expect(pure.map((n) => [n.feature, n.threshold, n.samples])).toEqual([
      [0, 3.5, 6],
      [-1, NaN, 3],
      [-1, NaN, 3],
    ]);
    const wide = decisionTreeKernel(line, Uint8Array.from([1, 0, 0, 0, 0, 0]), {
      maxDepth: 3,
      minLeaf: 2,
    });
    for (const node of wide) expect(node.samples).toBeGreaterThanOrEqual(2);
    expect(wide[0]!.threshold).toBe(2.5);
  });
});
