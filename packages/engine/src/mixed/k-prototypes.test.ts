/**
 * k-prototypes on hand-made mixed data: a hand-computed single prototype and Huang's gamma,
 * groups only the categorical columns separate, every initialisation, cost invariants, predict
 * strength, unseen codes, row order, errors and the JSON round trip.
 */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../core/random.js';
import { isSegmintError } from '../core/errors.js';
import { adjustedRandIndex } from '../metrics/adjusted-rand.js';
import { kPrototypes } from './k-prototypes.js';
import { kPrototypesFromJSON, kPrototypesToJSON } from './k-prototypes-json.js';
import { kPrototypesPredict } from './k-prototypes-predict.js';

/**
 * Four groups of 40 rows: numeric (columns 0, 2) around (0, 0) or (4, 4); categorical column 1
 * (codes 0..2) and column 3 (codes 10, 20, 30) separate groups that share a numeric centre.
 */
function fourGroups(seed = 1): { X: number[][]; truth: Int32Array } {
  const random = createRandom(seed);
  const X: number[][] = [];
  const truth: number[] = [];
  const groups = [
    { centre: 0, codes: [0, 10] },
    { centre: 0, codes: [2, 30] },
    { centre: 4, codes: [0, 10] },
    { centre: 4, codes: [1, 20] },
  ];
  groups.forEach(({ centre, codes }, group) => {
    for (let r = 0; r < 40; r++) {
      // 10% noise on each categorical value.
      const first = random.next() < 0.1 ? random.int(3) : codes[0]!;
      const second = random.next() < 0.1 ? [10, 20, 30][random.int(3)]! : codes[1]!;
      X.push([centre + 0.5 * random.normal(), first, centre + 0.5 * random.normal(), second]);
      truth.push(group);
    }
  });
  return { X, truth: Int32Array.from(truth) };
}

function costOf(X: number[][], model: ReturnType<typeof kPrototypes>): number {
  const { numericColumns, categoricalColumns, centroids, modes, gamma } = model;
  let total = 0;
  X.forEach((row, i) => {
    const c = model.labels[i]!;
    numericColumns.forEach(
      (column, f) => (total += (row[column]! - centroids.data[c * centroids.cols + f]!) ** 2),
    );
    categoricalColumns.forEach((column, g) => {
      if (row[column] !== modes.data[c * modes.cols + g]) total += gamma;
    });
  });
  return total;
}

describe('kPrototypes', () => {
  it('fits one prototype: column means, modes (smallest code on ties) and Huang gamma', () => {
    const X = [
      [0, 1, 5],
      [2, 1, 7],
      [4, 2, 7],
      [6, 2, 5],
    ];
    const model = kPrototypes(X, { clusterCount: 1, categoricalColumns: [1, 2], nInit: 1 });
    expect(model.numericColumns).toEqual([0]);
    expect(Array.from(model.centroids.data)).toEqual([3]);
    expect(Array.from(model.modes.data)).toEqual([1, 5]);
    // Population std of [0, 2, 4, 6] is sqrt(5); gamma = 0.5 * sqrt(5).
    expect(model.gamma).toBeCloseTo(0.5 * Math.sqrt(5), 14);
    // Numeric: 9 + 1 + 1 + 9; mismatches: rows 2, 3 on column 1 and rows 1, 2 on column 2.
    expect(model.cost).toBeCloseTo(20 + 4 * model.gamma, 12);
    expect(model.options.gamma).toBeNull();
  });

  for (const init of ['cao', 'huang', 'random'] as const) {
    it(`recovers groups that only categorical columns separate (init ${init})`, () => {
      const { X, truth } = fourGroups();
      const model = kPrototypes(X, { clusterCount: 4, categoricalColumns: [1, 3], init, seed: 2 });
      expect(adjustedRandIndex(truth, model.labels)).toBeGreaterThan(0.8);
      expect(model.converged).toBe(true);
      expect(model.cost).toBeCloseTo(costOf(X, model), 9);
      // Numeric columns alone cannot separate the groups sharing a centre.
      const numericOnly = kPrototypes(
        X.map((row) => [row[0]!, row[2]!]),
        { clusterCount: 4, seed: 2 },
      );
      expect(adjustedRandIndex(truth, numericOnly.labels)).toBeLessThan(0.7);
    });
  }

  it('keeps the lowest-cost run and reports the prototypes in the original codes', () => {
    const { X } = fourGroups(3);
    const one = kPrototypes(X, {
      clusterCount: 4,
      categoricalColumns: [1, 3],
      nInit: 1,
      init: 'random',
      seed: 9,
    });
    const many = kPrototypes(X, {
      clusterCount: 4,
      categoricalColumns: [1, 3],
      nInit: 8,
      init: 'random',
      seed: 9,
    });
    expect(many.cost).toBeLessThanOrEqual(one.cost);
    for (const code of many.modes.data) expect([0, 1, 2, 10, 20, 30]).toContain(code);
    let sizes = 0;
    for (const size of many.clusterSizes) sizes += size;
    expect(sizes).toBe(X.length);
  });

  it('uses a given gamma, and a huge gamma makes the categorical columns dominate', () => {
    const { X, truth } = fourGroups();
    const model = kPrototypes(X, { clusterCount: 4, categoricalColumns: [1, 3], gamma: 1000 });
    expect(model.gamma).toBe(1000);
    expect(model.options.gamma).toBe(1000);
    // Groups 0 and 2 share their codes: with gamma 1000 the numeric part barely matters, yet
    // the cost still splits them by their numeric centre once the modes are settled.
    expect(adjustedRandIndex(truth, model.labels)).toBeGreaterThan(0.5);
  });

  it('predicts nearest prototypes with strength 1 - c1/c2; unseen codes mismatch every mode', () => {
    const { X } = fourGroups();
    const model = kPrototypes(X, { clusterCount: 4, categoricalColumns: [1, 3] });
    const { labels, strength } = kPrototypesPredict(model, X);
    expect(Array.from(labels)).toEqual(Array.from(model.labels));
    for (const s of strength) {
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
    }
    const c = labels[0]!;
    const centre = Array.from(model.centroids.data.subarray(c * 2, c * 2 + 2));
    const mode = Array.from(model.modes.data.subarray(c * 2, c * 2 + 2));
    const exact = kPrototypesPredict(model, [[centre[0]!, mode[0]!, centre[1]!, mode[1]!]]);
    expect(exact.labels[0]).toBe(c);
    expect(exact.strength[0]).toBe(1);
    const unseen = kPrototypesPredict(model, [[centre[0]!, 99, centre[1]!, 99]]);
    expect(unseen.labels).toHaveLength(1);
    expect(() => kPrototypesPredict(model, [[0, 0.5, 0, 10]])).toThrow(/integer code/);
  });

  it('gives the same partition when the rows are permuted (Cao init is order-free up to ties)', () => {
    const { X } = fourGroups();
    const model = kPrototypes(X, { clusterCount: 4, categoricalColumns: [1, 3] });
    const order = Array.from(X.keys()).reverse();
    const reversed = kPrototypes(
      order.map((i) => X[i]!),
      { clusterCount: 4, categoricalColumns: [1, 3] },
    );
    const back = new Int32Array(X.length);
    order.forEach((i, position) => (back[i] = reversed.labels[position]!));
    expect(adjustedRandIndex(model.labels, back)).toBeGreaterThan(0.95);
  });

  it('works with only categorical columns (k-modes) and with only numeric ones', () => {
    const { X, truth } = fourGroups();
    const modesOnly = kPrototypes(
      X.map((row) => [row[1]!, row[3]!]),
      { clusterCount: 3, categoricalColumns: [0, 1] },
    );
    expect(modesOnly.gamma).toBe(1);
    expect(modesOnly.centroids.cols).toBe(0);
    const numericOnly = kPrototypes(
      X.map((row) => [row[0]!, row[2]!]),
      { clusterCount: 2 },
    );
    const byCentre = truth.map((g) => (g < 2 ? 0 : 1));
    expect(adjustedRandIndex(byCentre, numericOnly.labels)).toBe(1);
  });

  it('rejects categorical values that are not integer codes >= 0, naming row and column', () => {
    let error: unknown;
    try {
      kPrototypes(
        [
          [0, 1],
          [1, -2],
          [2, 0],
        ],
        { clusterCount: 2, categoricalColumns: [1] },
      );
    } catch (caught) {
      error = caught;
    }
    expect(isSegmintError(error, 'INVALID_SHAPE')).toBe(true);
    expect((error as Error).message).toContain('row 1, column 1');
  });

  it('round-trips through JSON with identical predictions', () => {
    const { X } = fourGroups();
    const model = kPrototypes(X, { clusterCount: 4, categoricalColumns: [3, 1] });
    const loaded = kPrototypesFromJSON(JSON.parse(JSON.stringify(kPrototypesToJSON(model))));
    expect(kPrototypesPredict(loaded, X)).toEqual(kPrototypesPredict(model, X));
    expect(() =>
      kPrototypesFromJSON({
        ...kPrototypesToJSON(model),
        modes: { rows: 4, cols: 1, data: [0, 0, 0, 0] },
      }),
    ).toThrow(/'modes.cols'/);
  });
});
