/**
 * Dendrogram geometry equals SciPy's `dendrogram(Z, no_plot=True)` (fixtures/dendrogram.json):
 * full and truncated to the last 12 merges, for a ward and a single-linkage tree.
 */
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, SegmintError } from '../core/errors.js';
import { readFixture } from '../test-utils/data.js';
import { dendrogram } from './dendrogram.js';
import type { LinkageMatrix } from './linkage-matrix.js';

interface Reference {
  Z: { left: number[]; right: number[]; distance: number[]; size: number[] };
  truncate: number | null;
  icoord: number[][];
  dcoord: number[][];
  leaves: number[];
  ivl: string[];
  colors: string[];
}

const fixtures = readFixture<Record<string, Reference>>(import.meta.url, 'dendrogram.json');

function toLinkage(Z: Reference['Z']): LinkageMatrix {
  return {
    left: Int32Array.from(Z.left),
    right: Int32Array.from(Z.right),
    distance: Float64Array.from(Z.distance),
    size: Int32Array.from(Z.size),
  };
}

describe('dendrogram', () => {
  for (const [name, reference] of Object.entries(fixtures)) {
    it(`${name}: segments, leaf order, labels and colours equal SciPy's`, () => {
      const result = dendrogram(
        toLinkage(reference.Z),
        reference.truncate === null ? {} : { truncate: reference.truncate },
      );
      expect(result.icoord).toEqual(reference.icoord);
      expect(result.dcoord.length).toBe(reference.dcoord.length);
      result.dcoord.forEach((row, i) => {
        row.forEach((value, j) => expect(value).toBeCloseTo(reference.dcoord[i]![j]!, 12));
      });
      expect(result.leaves).toEqual(reference.leaves);
      expect(result.leafLabels).toEqual(reference.ivl);
      expect(result.colors.map((c) => (c < 0 ? 'C0' : `C${c + 1}`))).toEqual(reference.colors);
      const rows = reference.Z.left.length + 1;
      expect(result.leafSizes.reduce((a, b) => a + b, 0)).toBe(rows);
    });
  }

  it('handles a single row and rejects a malformed linkage or truncate', () => {
    const empty: LinkageMatrix = {
      left: new Int32Array(0),
      right: new Int32Array(0),
      distance: new Float64Array(0),
      size: new Int32Array(0),
    };
    expect(dendrogram(empty).leaves).toEqual([0]);
    const bad: LinkageMatrix = {
      ...empty,
      left: Int32Array.of(0),
      right: Int32Array.of(0),
      distance: Float64Array.of(1),
      size: Int32Array.of(2),
    };
    expect(() => dendrogram(bad)).toThrow(SegmintError);
    const good: LinkageMatrix = {
      left: Int32Array.of(0),
      right: Int32Array.of(1),
      distance: Float64Array.of(1),
      size: Int32Array.of(2),
    };
    expect(dendrogram(good).icoord).toEqual([[5, 5, 15, 15]]);
    try {
      dendrogram(good, { truncate: 0 });
      expect.unreachable();
    } catch (error) {
      expect((error as SegmintError).code).toBe(ERROR_CODES.INVALID_PARAMETER);
      expect((error as SegmintError).message).toContain("'truncate'");
    }
  });
});
