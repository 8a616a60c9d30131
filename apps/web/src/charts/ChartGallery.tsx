/**
 * The chart gallery: every chart rendered from the deterministic sample data, for eyeballing the
 * charts' look in one place (route it at `#/gallery`) and for screenshots. Each chart sits under
 * its usual test id (`chart-<name>`), plus the edge cases worth looking at (30 segments, the
 * violin and categorical distributions, an empty state).
 */
import { useState } from 'react';
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
import { heatmapChart } from './heatmap.js';
import { map2dChart } from './map2d.js';
import { map3dChart } from './map3d.js';
import { metricsTable } from './metrics-table.js';
import { Plot } from './Plot.js';
import { namesOf } from './projection.js';
import { radarChart } from './radar.js';
import { segmentMeansFromReport } from './segment-means.js';
import { silhouetteChart } from './silhouette.js';
import { sizesChart } from './sizes.js';
import type { ChartSpec } from './spec.js';
import { voteChart } from './vote.js';

interface GalleryEntry {
  readonly name: string;
  readonly spec: ChartSpec;
  readonly wide?: boolean;
}

function buildGallery(): GalleryEntry[] {
  const report = sampleReport(5);
  const selection = report.selection;
  const names = namesOf(report.segments);
  const means = segmentMeansFromReport(report);
  const projection2d = sampleProjection(3000, 5, 2);
  const projection3d = sampleProjection(3000, 5, 3);
  const many = sampleReport(30);
  const shifted = (offset: number) => ({
    ...projection2d,
    segment: projection2d.segment?.map((segment, i) =>
      i % 7 === 0 ? (segment + offset) % 5 : segment,
    ),
  });
  return [
    { name: 'elbow', spec: elbowChart(selection) },
    { name: 'vote', spec: voteChart(selection) },
    { name: 'criteria', spec: criteriaChart(selection), wide: true },
    { name: 'agreement', spec: agreementChart(report) },
    { name: 'sizes', spec: sizesChart(report.segments) },
    {
      name: 'compare-map',
      spec: compareMapChart(
        report.algorithms.map((entry, i) => ({
          algorithm: entry.algorithm,
          projection: shifted(i),
        })),
      ),
      wide: true,
    },
    { name: 'radar', spec: radarChart(means) },
    { name: 'heatmap', spec: heatmapChart(means) },
    {
      name: 'distribution',
      spec: distributionChart(sampleNumericDistribution(5), { metric: 'median' }),
    },
    {
      name: 'distribution-violin',
      spec: distributionChart(sampleNumericDistribution(5), { style: 'violin' }),
    },
    { name: 'distribution-categorical', spec: distributionChart(sampleCategoricalDistribution(5)) },
    { name: 'silhouette', spec: silhouetteChart(sampleSilhouette(5)) },
    { name: 'map2d', spec: map2dChart(projection2d, { names }) },
    { name: 'map3d', spec: map3dChart(projection3d, { names }) },
    {
      name: 'predict-map',
      spec: map2dChart(projection2d, {
        names,
        title: 'Where the predicted customer falls',
        fileName: 'segmint-predict-map',
        predicted: { coordinates: [2.4, 1.1, 0], segment: 0, segmentName: names.get(0) ?? '' },
      }),
    },
    {
      name: 'predict-map-3d',
      spec: map3dChart(projection3d, {
        names,
        title: 'Where the predicted customer falls (3-D)',
        predicted: { coordinates: [2.4, 1.1, 0.5], segment: 0, segmentName: names.get(0) ?? '' },
      }),
    },
    { name: 'dendrogram', spec: dendrogramChart({ ...SCIPY_DENDROGRAM }, { clusterCount: 3 }) },
    { name: 'crosstab', spec: crosstabChart(report.rfm), wide: true },
    {
      name: 'heatmap-30',
      spec: heatmapChart(segmentMeansFromReport(many), { title: 'Heatmap with 30 segments' }),
      wide: true,
    },
    { name: 'sizes-30', spec: sizesChart(many.segments, { title: 'Sizes of 30 segments' }) },
    {
      name: 'map2d-30',
      spec: map2dChart(sampleProjection(6000, 30), { title: 'Map with 30 segments' }),
    },
    { name: 'empty', spec: elbowChart(null, { title: 'Empty state (fixed k)' }) },
  ];
}

/** Every chart from sample data, two per row (wide ones span the row). */
export function ChartGallery() {
  // Built once per mount: the sample data never changes.
  const [entries] = useState(buildGallery);
  const [table] = useState(() => {
    const report = sampleReport(5);
    return metricsTable(report.algorithms, report.primaryAlgorithm);
  });
  return (
    <main className="chart-gallery" style={{ padding: 16, display: 'grid', gap: 16 }}>
      <h1 style={{ margin: 0, fontSize: 20 }}>Chart gallery</h1>
      <table
        className="metrics-table"
        data-testid="gallery-metrics-table"
        style={{ borderCollapse: 'collapse' }}
      >
        <caption style={{ textAlign: 'left', fontWeight: 600, paddingBottom: 4 }}>
          Metrics by algorithm
        </caption>
        <thead>
          <tr>
            <th scope="col" style={{ textAlign: 'left', padding: '4px 8px' }}>
              Algorithm
            </th>
            {table.columns.map((column) => (
              <th key={column.key} scope="col" style={{ textAlign: 'right', padding: '4px 8px' }}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.algorithm}>
              <th scope="row" style={{ textAlign: 'left', padding: '4px 8px' }}>
                {row.algorithm}
                {row.primary ? ' (primary)' : ''}
              </th>
              {row.cells.map((cell, i) => (
                <td
                  key={table.columns[i]?.key ?? i}
                  style={{
                    textAlign: 'right',
                    padding: '4px 8px',
                    fontWeight: cell.best ? 700 : 400,
                  }}
                >
                  {cell.text}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: 16 }}>
        {entries.map((entry) => (
          <figure
            key={entry.name}
            style={{
              margin: 0,
              gridColumn: entry.wide === true ? '1 / -1' : undefined,
              background: '#fff',
              border: '1px solid #e4e7eb',
              borderRadius: 6,
              padding: 8,
            }}
          >
            <Plot spec={entry.spec} testId={`chart-${entry.name}`} />
          </figure>
        ))}
      </div>
    </main>
  );
}
