/**
 * Checks every chart builder against the same rules: an accessible title, a PNG file name, axis
 * titles where there are axes, no NaN anywhere (JSON-safe), and sane output for one segment,
 * thirty segments and empty input.
 */
import { describe, expect, it } from 'vitest';
import { agreementChart } from './agreement.js';
import { compareMapChart } from './compare-map.js';
import { criteriaChart } from './criteria.js';
import { crosstabChart } from './crosstab.js';
import { dendrogramChart } from './dendrogram.js';
import { distributionChart } from './distribution.js';
import { elbowChart } from './elbow.js';
import { SCIPY_DENDROGRAM } from './fixtures/scipy-dendrogram.js';
import {
  sampleCategoricalDistribution,
  sampleNumericDistribution,
  sampleProjection,
  sampleReport,
  sampleSilhouette,
} from './fixtures/sample-data.js';
import { nonFinitePaths, titleOf } from './fixtures/spec-helpers.js';
import { heatmapChart } from './heatmap.js';
import { map2dChart } from './map2d.js';
import { map3dChart } from './map3d.js';
import { plainTitle } from './Plot.js';
import { radarChart } from './radar.js';
import { segmentMeansFromReport } from './segment-means.js';
import { silhouetteChart } from './silhouette.js';
import { sizesChart } from './sizes.js';
import type { ChartSpec } from './spec.js';
import { voteChart } from './vote.js';

function buildAll(segmentCount: number): Record<string, ChartSpec> {
  const report = sampleReport(segmentCount);
  const means = segmentMeansFromReport(report);
  const projection = sampleProjection(40 * segmentCount, segmentCount, 3);
  return {
    elbow: elbowChart(report.selection),
    criteria: criteriaChart(report.selection),
    vote: voteChart(report.selection),
    agreement: agreementChart(report),
    'compare-map': compareMapChart([{ algorithm: 'kmeans', projection }]),
    radar: radarChart(means),
    heatmap: heatmapChart(means),
    sizes: sizesChart(report.segments),
    distribution: distributionChart(sampleNumericDistribution(segmentCount)),
    'distribution-categorical': distributionChart(sampleCategoricalDistribution(segmentCount)),
    map2d: map2dChart(projection),
    map3d: map3dChart(projection),
    silhouette: silhouetteChart(sampleSilhouette(segmentCount, 400)),
    dendrogram: dendrogramChart({ ...SCIPY_DENDROGRAM }, { clusterCount: 3 }),
    crosstab: crosstabChart(report.rfm),
  };
}

const EMPTY: Record<string, ChartSpec> = {
  elbow: elbowChart(null),
  criteria: criteriaChart(null),
  vote: voteChart(null),
  agreement: agreementChart({ algorithms: [], agreement: [] }),
  'compare-map': compareMapChart([]),
  radar: radarChart({ features: [], segments: [] }),
  heatmap: heatmapChart({ features: [], segments: [] }),
  sizes: sizesChart([]),
  distribution: distributionChart(null),
  map2d: map2dChart(null),
  map3d: map3dChart(null),
  silhouette: silhouetteChart(null),
  dendrogram: dendrogramChart(null),
  crosstab: crosstabChart(null),
};

describe.each([1, 5, 30])('every chart with %i segment(s)', (segmentCount) => {
  const specs = buildAll(segmentCount);

  it.each(Object.keys(specs))('%s has a title, a PNG name, traces and no NaN', (name) => {
    const spec = specs[name]!;
    expect(titleOf(spec).length).toBeGreaterThan(5);
    expect(plainTitle(spec)).not.toMatch(/[<>]/);
    expect(spec.config.toImageButtonOptions?.filename).toMatch(/^segmint-/);
    expect(spec.config.displaylogo).toBe(false);
    expect(spec.data.length).toBeGreaterThan(0);
    expect(nonFinitePaths(spec)).toEqual([]);
    expect(() => JSON.stringify(spec)).not.toThrow();
  });
});

describe('every chart with nothing to show', () => {
  it.each(Object.keys(EMPTY))('%s shows a titled empty state with a message', (name) => {
    const spec = EMPTY[name]!;
    expect(spec.data).toEqual([]);
    expect(titleOf(spec).length).toBeGreaterThan(0);
    expect(spec.layout.annotations?.[0]?.text).toMatch(/\w/);
  });
});

describe('plainTitle', () => {
  it('strips pseudo-HTML and decodes entities', () => {
    expect(
      plainTitle({ data: [], layout: { title: { text: '<b>R&amp;D</b> &lt;x&gt;' } }, config: {} }),
    ).toBe('R&D <x>');
    expect(plainTitle({ data: [], layout: {}, config: {} })).toBe('');
  });
});
