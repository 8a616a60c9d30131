import { describe, expect, it } from 'vitest';
import { criteriaChart, panelDomain } from './criteria.js';
import { sampleSelection } from './fixtures/sample-data.js';
import { annotationsOf, nonFinitePaths, shapesOf, traceAt } from './fixtures/spec-helpers.js';

describe('criteriaChart', () => {
  it('draws three panels sharing the k axis, with the silhouette band when estimated', () => {
    const spec = criteriaChart(sampleSelection());
    const names = spec.data.map((trace) => (trace as { name?: string }).name);
    expect(names).toContain('Silhouette');
    expect(names).toContain('Calinski-Harabasz');
    expect(names).toContain('Davies-Bouldin');
    expect(traceAt(spec, 0).name).toMatch(/upper bound/);
    expect(traceAt(spec, 1).fill).toBe('tonexty');
    expect(spec.layout.xaxis2?.matches).toBe('x');
    expect(spec.layout.xaxis3?.matches).toBe('x');
    const curves = spec.data.filter(
      (trace) => (trace as { mode?: string }).mode === 'lines+markers',
    );
    expect(curves.map((trace) => (trace as { xaxis?: string }).xaxis)).toEqual(['x', 'x2', 'x3']);
  });

  it("marks each criterion's chosen k in its own panel", () => {
    const spec = criteriaChart(sampleSelection());
    const markers = spec.data.filter((trace) =>
      /best k/.test((trace as { name?: string }).name ?? ''),
    );
    expect(
      markers.map((trace) => [(trace as { xaxis?: string }).xaxis, (trace as { x?: number[] }).x]),
    ).toEqual([
      ['x', [4]],
      ['x2', [4]],
      ['x3', [5]],
    ]);
    expect(shapesOf(spec).map((shape) => shape.x0)).toEqual([4, 4, 5]);
    expect(annotationsOf(spec).filter((a) => /best k = 5/.test(a.text ?? ''))).toHaveLength(1);
    expect(annotationsOf(spec).some((a) => /lower is better/.test(a.text ?? ''))).toBe(true);
  });

  it('omits the band when the silhouette is exact and writes abstentions', () => {
    const selection = sampleSelection();
    const exact = {
      curves: {
        ...selection.curves,
        silhouetteLower: selection.curves.silhouette,
        silhouetteUpper: selection.curves.silhouette,
      },
      votes: selection.votes.map((vote) =>
        vote.criterion === 'davies-bouldin' ? { ...vote, k: null, reason: 'flat curve' } : vote,
      ),
    };
    const spec = criteriaChart(exact);
    expect(spec.data.some((trace) => (trace as { fill?: string }).fill === 'tonexty')).toBe(false);
    expect(annotationsOf(spec).some((a) => a.text === 'abstained: flat curve')).toBe(true);
  });

  it('keeps NaN and null values as gaps', () => {
    const selection = sampleSelection();
    const spec = criteriaChart({
      ...selection,
      curves: {
        ...selection.curves,
        calinskiHarabasz: selection.curves.calinskiHarabasz.map(() => NaN),
      },
    });
    const ch = spec.data.find((trace) => (trace as { name?: string }).name === 'Calinski-Harabasz');
    expect((ch as { y?: unknown[] }).y).toEqual(new Array(9).fill(null));
    expect(nonFinitePaths(spec)).toEqual([]);
  });

  it('splits the width into equal panels with gaps', () => {
    expect(panelDomain(0, 3)[0]).toBe(0);
    expect(panelDomain(2, 3)[1]).toBeCloseTo(1, 12);
    expect(panelDomain(1, 3)[0]).toBeGreaterThan(panelDomain(0, 3)[1]);
  });

  it('shows the empty state without a selection', () => {
    expect(criteriaChart(null).data).toEqual([]);
  });
});
