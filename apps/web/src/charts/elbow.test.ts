import { describe, expect, it } from 'vitest';
import { elbowChart } from './elbow.js';
import { sampleSelection } from './fixtures/sample-data.js';
import {
  annotationsOf,
  nonFinitePaths,
  shapesOf,
  titleOf,
  traceAt,
} from './fixtures/spec-helpers.js';

describe('elbowChart', () => {
  it('draws the inertia curve over k with the knee marked, lined and annotated', () => {
    const spec = elbowChart(sampleSelection());
    const curve = traceAt(spec, 0);
    expect(curve.type).toBe('scatter');
    expect(curve.x).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(curve.y).toEqual([9800, 7100, 4300, 3900, 3600, 3350, 3150, 2990, 2850]);
    const knee = traceAt(spec, 1);
    expect(knee.x).toEqual([4]);
    expect(knee.y).toEqual([4300]);
    expect((knee.marker as { symbol: string }).symbol).toBe('diamond');
    expect(shapesOf(spec)[0]).toMatchObject({ type: 'line', x0: 4, x1: 4, yref: 'paper' });
    expect(annotationsOf(spec)[0]).toMatchObject({ x: 4, y: 4300, showarrow: true });
    expect(annotationsOf(spec)[0]!.text).toContain('Knee: k = 4');
  });

  it('titles the chart and both axes', () => {
    const spec = elbowChart(sampleSelection());
    expect(titleOf(spec)).toMatch(/Elbow/);
    expect(spec.layout.xaxis?.title).toMatchObject({ text: 'Number of segments (k)' });
    expect(spec.layout.yaxis?.title).toMatchObject({
      text: expect.stringMatching(/Inertia/) as string,
    });
    expect(spec.layout.xaxis?.tickvals).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('turns NaN and null inertia into gaps and still marks a knee it cannot place on the curve', () => {
    const selection = sampleSelection();
    const spec = elbowChart({
      curves: {
        ...selection.curves,
        inertia: [9800, NaN, null, 3900, 3600, 3350, 3150, 2990, 2850],
      },
      knee: 4,
    });
    expect(traceAt(spec, 0).y).toEqual([9800, null, null, 3900, 3600, 3350, 3150, 2990, 2850]);
    expect(spec.data).toHaveLength(1);
    expect(shapesOf(spec)).toHaveLength(1);
    expect(annotationsOf(spec)[0]).toMatchObject({ yref: 'paper' });
    expect(nonFinitePaths(spec)).toEqual([]);
  });

  it('says so when there is no knee', () => {
    const spec = elbowChart({ ...sampleSelection(), knee: null });
    expect(spec.data).toHaveLength(1);
    expect(shapesOf(spec)).toEqual([]);
    expect(annotationsOf(spec)[0]!.text).toBe('No clear knee');
  });

  it('shows the empty state for a fixed-k run and for a single candidate', () => {
    const empty = elbowChart(null);
    expect(empty.data).toEqual([]);
    expect(annotationsOf(empty)[0]!.text).toMatch(/fixed k/);
    const single = elbowChart({
      curves: { ...sampleSelection().curves, k: [3], inertia: [120] },
      knee: null,
    });
    expect(traceAt(single, 0).x).toEqual([3]);
  });
});
