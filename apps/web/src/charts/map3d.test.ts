import { describe, expect, it } from 'vitest';
import { sampleProjection } from './fixtures/sample-data.js';
import { subtitleOf, traceAt } from './fixtures/spec-helpers.js';
import { map3dChart } from './map3d.js';

describe('map3dChart', () => {
  it('draws one scatter3d trace per segment with titled scene axes and the sampling statement', () => {
    const projection = sampleProjection(90, 3, 3);
    const spec = map3dChart(projection);
    expect(spec.data.map((trace) => trace.type)).toEqual(['scatter3d', 'scatter3d', 'scatter3d']);
    expect((traceAt(spec, 0).z as number[]).length).toBe(30);
    const scene = spec.layout.scene as {
      xaxis: { title: { text: string } };
      zaxis: { title: { text: string } };
    };
    expect(scene.xaxis.title.text).toBe('PC1 (41.2% of variance)');
    expect(scene.zaxis.title.text).toBe('PC3 (11.8% of variance)');
    expect(subtitleOf(spec)).toBe('Showing 90 of 360 points, sampled per segment');
  });

  it('marks a predicted point with a labelled diamond (scatter3d has no star)', () => {
    const spec = map3dChart(sampleProjection(30, 3, 3), {
      predicted: { coordinates: [1, 2, 3], segment: 0 },
    });
    const marker = traceAt(spec, spec.data.length - 1);
    expect(marker.type).toBe('scatter3d');
    expect([marker.x, marker.y, marker.z]).toEqual([[1], [2], [3]]);
    expect(marker.text).toEqual(['<b>★ Predicted</b>']);
    expect(marker.name).toBe('Predicted: Segment 0');
    expect(marker.marker).toMatchObject({ symbol: 'diamond' });
  });

  it('puts points at z = 0 when the projection has two dimensions, and shows the empty state', () => {
    const spec = map3dChart(sampleProjection(6, 2, 2));
    expect(traceAt(spec, 0).z).toEqual([0, 0, 0]);
    expect(map3dChart(null).data).toEqual([]);
  });
});
