/**
 * The Segments page's charts. Data for each chart loads on its own, so one missing endpoint
 * (e.g. the dendrogram of a k-means run, a 404) never blocks the others.
 */
import { useState } from 'react';
import {
  getDendrogram,
  getDistribution,
  getProjection,
  getSilhouette,
  getUmap,
} from '../../api/endpoints.js';
import type { RunReport } from '../../api/types.js';
import { crosstabChart } from '../../charts/crosstab.js';
import { dendrogramChart } from '../../charts/dendrogram.js';
import { DISTRIBUTION_METRICS, distributionChart } from '../../charts/distribution.js';
import type { DistributionMetric, DistributionStyle } from '../../charts/distribution.js';
import { heatmapChart } from '../../charts/heatmap.js';
import { map2dChart } from '../../charts/map2d.js';
import { map3dChart } from '../../charts/map3d.js';
import { namesOf, type SegmentNames } from '../../charts/projection.js';
import { radarChart } from '../../charts/radar.js';
import { segmentMeansFromReport } from '../../charts/segment-means.js';
import { silhouetteChart } from '../../charts/silhouette.js';
import { sizesChart } from '../../charts/sizes.js';
import { AsyncChart, ChartPanel } from '../../components/chart-panel.js';
import { useAsync } from '../../components/use-async.js';

export type { DistributionMetric, DistributionStyle };

/** Reads the metric picker's value from the URL ('' or unknown: none). */
/**
 * The UMAP map beside the PCA maps. Computing it takes the server a few seconds the first time
 * (then it is kept with the run), so it starts on request.
 */
function UmapPanel({ runId, names }: { runId: string; names: SegmentNames }) {
  const [requested, setRequested] = useState<string | null>(null);
  const umap = useAsync(requested === runId ? `umap-${runId}` : null, () => getUmap(runId));
  if (requested !== runId) {
    return (
      <figure className="chart-panel chart-placeholder" data-testid="chart-umap-state">
        <p>
          A UMAP map keeps local neighbourhoods that PCA flattens. It is computed on the server (a
          few seconds for up to 2,000 points) and kept with the run.
        </p>
        <button type="button" className="button" onClick={() => setRequested(runId)}>
          Compute UMAP map
        </button>
      </figure>
    );
  }
  return (
    <AsyncChart
      name="umap"
      result={umap}
      build={(data) =>
        map2dChart(data, { names, title: 'Segments on a UMAP map', fileName: 'segmint-umap' })
      }
    />
  );
}

export function parseMetric(value: string | undefined): DistributionMetric | null {
  return DISTRIBUTION_METRICS.find((entry) => entry.value === value)?.value ?? null;
}

function FeaturePicker({
  features,
  feature,
  onFeature,
  style,
  onStyle,
  metric,
  onMetric,
}: {
  features: readonly string[];
  feature: string;
  onFeature: (feature: string) => void;
  style: DistributionStyle;
  onStyle: (style: DistributionStyle) => void;
  metric: DistributionMetric | null;
  onMetric: (metric: DistributionMetric | null) => void;
}) {
  return (
    <div className="chart-controls">
      <label className="field inline">
        <span>Feature</span>
        <select
          data-testid="distribution-feature"
          value={feature}
          onChange={(event) => onFeature(event.target.value)}
        >
          {features.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="segmented">
        <legend className="visually-hidden">Plot style</legend>
        {(['box', 'violin'] as const).map((value) => (
          <label key={value} className={style === value ? 'active' : undefined}>
            <input
              type="radio"
              name="distribution-style"
              value={value}
              checked={style === value}
              onChange={() => onStyle(value)}
            />
            {value}
          </label>
        ))}
      </fieldset>
      <label className="field inline">
        <span>Mark</span>
        <select
          data-testid="distribution-metric"
          value={metric ?? ''}
          onChange={(event) => onMetric(parseMetric(event.target.value))}
        >
          <option value="">no statistic</option>
          {DISTRIBUTION_METRICS.map((entry) => (
            <option key={entry.value} value={entry.value}>
              {entry.label}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

/** Every chart of a run's segments. */
export function SegmentCharts({
  runId,
  report,
  feature,
  onFeature,
  style,
  onStyle,
  metric,
  onMetric,
  selected,
}: {
  runId: string;
  report: RunReport;
  feature: string | null;
  onFeature: (feature: string) => void;
  style: DistributionStyle;
  onStyle: (style: DistributionStyle) => void;
  metric: DistributionMetric | null;
  onMetric: (metric: DistributionMetric | null) => void;
  selected: number | null;
}) {
  const names = namesOf(report.segments);
  const means = segmentMeansFromReport(report);
  const features = [
    ...report.features.numeric,
    ...report.features.derived.filter((name) => !report.features.numeric.includes(name)),
    ...report.features.categorical,
  ];
  const chosenFeature =
    feature !== null && features.includes(feature) ? feature : (features[0] ?? '');
  const map2d = useAsync(`map2d-${runId}`, () => getProjection(runId, 2));
  const map3d = useAsync(`map3d-${runId}`, () => getProjection(runId, 3));
  const silhouette = useAsync(`silhouette-${runId}`, () => getSilhouette(runId));
  const distribution = useAsync(
    chosenFeature === '' ? null : `distribution-${runId}-${chosenFeature}`,
    () => getDistribution(runId, chosenFeature),
  );
  const dendrogram = useAsync(`dendrogram-${runId}`, () => getDendrogram(runId).catch(() => null));
  const highlight = selected === null ? undefined : [selected];

  return (
    <div className="chart-grid">
      <ChartPanel name="sizes" spec={sizesChart(report.segments)} />
      <ChartPanel name="radar" spec={radarChart(means, { segments: highlight, maxFeatures: 12 })} />
      <ChartPanel name="heatmap" className="wide" spec={heatmapChart(means)} />
      <section className="wide distribution-block" aria-label="Distribution by segment">
        {features.length === 0 ? null : (
          <FeaturePicker
            features={features}
            feature={chosenFeature}
            onFeature={onFeature}
            style={style}
            onStyle={onStyle}
            metric={metric}
            onMetric={onMetric}
          />
        )}
        <AsyncChart
          name="distribution"
          result={distribution}
          build={(data) => distributionChart(data, metric === null ? { style } : { style, metric })}
        />
      </section>
      <AsyncChart name="map2d" result={map2d} build={(data) => map2dChart(data, { names })} />
      <AsyncChart name="map3d" result={map3d} build={(data) => map3dChart(data, { names })} />
      <UmapPanel runId={runId} names={names} />
      <AsyncChart
        name="silhouette"
        className="wide"
        result={silhouette}
        build={(data) => silhouetteChart(data)}
      />
      {dendrogram.data === null ? null : (
        <ChartPanel name="dendrogram" className="wide" spec={dendrogramChart(dendrogram.data)} />
      )}
      {report.rfm === null ? null : (
        <ChartPanel name="crosstab" className="wide" spec={crosstabChart(report.rfm)} />
      )}
    </div>
  );
}
