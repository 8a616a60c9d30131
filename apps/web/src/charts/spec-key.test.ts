import { describe, expect, it } from 'vitest';
import { sampleProjection, sampleReport } from './fixtures/sample-data.js';
import { map2dChart } from './map2d.js';
import { segmentMeansFromReport } from './segment-means.js';
import { heatmapChart } from './heatmap.js';
import { specKey } from './spec-key.js';

describe('specKey', () => {
  it('gives rebuilt identical specs the same key', () => {
    const projection = sampleProjection(5000, 4);
    expect(specKey(map2dChart(projection))).toBe(specKey(map2dChart(projection)));
    const means = segmentMeansFromReport(sampleReport(5));
    expect(specKey(heatmapChart(means))).toBe(specKey(heatmapChart(means)));
  });

  it('changes when one point of a long array moves, or a layout value changes', () => {
    const projection = sampleProjection(5000, 4);
    const moved = {
      ...projection,
      x: projection.x!.map((value, i) => (i === 2500 ? value + 1 : value)),
    };
    expect(specKey(map2dChart(moved))).not.toBe(specKey(map2dChart(projection)));
    expect(specKey(map2dChart(projection, { height: 300 }))).not.toBe(
      specKey(map2dChart(projection)),
    );
    const swapped = { ...projection, x: [...projection.x!].reverse() };
    expect(specKey(map2dChart(swapped))).not.toBe(specKey(map2dChart(projection)));
  });

  it('writes short arrays and NaN explicitly', () => {
    const key = specKey({ data: [{ type: 'scatter', x: [1, NaN] }], layout: {}, config: {} });
    expect(key).toContain('[1,"NaN"]');
  });
});
