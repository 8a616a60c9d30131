import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../core/errors.js';
import { createRandom } from '../core/random.js';
import { hungarian } from './hungarian.js';

/** Minimum total cost over every injective map from the smaller side to the larger (brute force). */
function bruteForce(cost: number[][]): number {
  const r = cost.length;
  const c = cost[0]?.length ?? 0;
  const small = Math.min(r, c);
  const large = Math.max(r, c);
  const at = (i: number, j: number) => (r <= c ? cost[i]![j]! : cost[j]![i]!);
  let best = Infinity;
  const used = new Array<boolean>(large).fill(false);
  const walk = (i: number, total: number): void => {
    if (i === small) {
      best = Math.min(best, total);
      return;
    }
    for (let j = 0; j < large; j++) {
      if (used[j]) continue;
      used[j] = true;
      walk(i + 1, total + at(i, j));
      used[j] = false;
    }
  };
  walk(0, 0);
  return small === 0 ? 0 : best;
}

function checkValid(cost: number[][], rowToColumn: Int32Array, columnToRow: Int32Array): number {
  const r = cost.length;
  const c = cost[0]?.length ?? 0;
  const columns = new Set<number>();
  let total = 0;
  let assigned = 0;
  rowToColumn.forEach((j, i) => {
    if (j < 0) return;
    expect(columns.has(j)).toBe(false);
    columns.add(j);
    expect(columnToRow[j]).toBe(i);
    total += cost[i]![j]!;
    assigned++;
  });
  expect(assigned).toBe(Math.min(r, c));
  return total;
}

describe('hungarian', () => {
  it('solves a hand-checked 3 x 3 case', () => {
    // Optimal: row 0 -> col 1 (1), row 1 -> col 0 (2), row 2 -> col 2 (2): total 5.
    const result = hungarian([
      [4, 1, 3],
      [2, 0, 5],
      [3, 2, 2],
    ]);
    expect(Array.from(result.rowToColumn)).toEqual([1, 0, 2]);
    expect(result.totalCost).toBe(5);
  });

  it('matches brute force on random square, wide and tall matrices, with and without ties', () => {
    const random = createRandom(17);
    for (let trial = 0; trial < 300; trial++) {
      const r = 1 + random.int(6);
      const c = 1 + random.int(6);
      const tied = trial % 2 === 0;
      const cost = Array.from({ length: r }, () =>
        Array.from({ length: c }, () => (tied ? random.int(3) : random.next() * 10 - 3)),
      );
      const result = hungarian(cost);
      const total = checkValid(cost, result.rowToColumn, result.columnToRow);
      expect(total).toBeCloseTo(bruteForce(cost), 9);
      expect(result.totalCost).toBeCloseTo(total, 12);
    }
  });

  it('handles all-equal costs, empty input, and a matrix', () => {
    const flat = hungarian([
      [1, 1],
      [1, 1],
      [1, 1],
    ]);
    expect(flat.totalCost).toBe(2);
    expect(
      Array.from(flat.rowToColumn)
        .filter((j) => j >= 0)
        .sort(),
    ).toEqual([0, 1]);
    expect(hungarian([]).rowToColumn.length).toBe(0);
    const viaMatrix = hungarian({ data: Float64Array.from([5, 1, 1, 5]), rows: 2, cols: 2 });
    expect(Array.from(viaMatrix.rowToColumn)).toEqual([1, 0]);
  });

  it('rejects non-finite costs naming the cell', () => {
    expect(() => hungarian([[1, NaN]])).toThrow(
      expect.objectContaining({
        code: ERROR_CODES.NON_FINITE_VALUE,
        message: expect.stringContaining('column 1') as unknown,
      }),
    );
  });
});
