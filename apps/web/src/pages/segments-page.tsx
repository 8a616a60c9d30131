/**
 * Segments: a card per segment, the chosen segment's customers, and every chart of the run:
 * sizes, radar of normalised means, heatmap with raw means annotated, distribution of a chosen
 * feature by segment, 2-D and 3-D PCA maps, silhouette plot, dendrogram (hierarchical runs) and
 * the cross-tab with RFM segments (RFM runs). The URL holds the segment and the feature
 * (`#/runs/<id>/segments?segment=2&feature=Income`).
 */
import type { PageProps } from '../app.js';
import { useReport } from '../components/run-data.js';
import { Async, Empty } from '../components/status.js';
import { SegmentCards } from './segments/segment-cards.js';
import { SegmentCharts, parseMetric } from './segments/segment-charts.js';
import { SegmentMembers } from './segments/segment-members.js';

/** The Segments page. */
export function SegmentsPage({ route, navigate }: PageProps) {
  const runId = route.runId ?? '';
  const report = useReport(runId);
  const selectedText = route.params.segment;
  const selected = selectedText === undefined || selectedText === '' ? null : Number(selectedText);
  const setParam = (key: string, value: string | null) => {
    const params = { ...route.params };
    if (value === null) delete params[key];
    else params[key] = value;
    navigate({ ...route, params }, { replace: true });
  };
  return (
    <div className="page">
      <Async result={report} label="Loading the report…">
        {(data) => {
          const chosen = data.segments.find((segment) => segment.segment === selected) ?? null;
          const noise =
            data.algorithms.find((a) => a.algorithm === data.primaryAlgorithm)?.noise ?? 0;
          return (
            <>
              <div className="page-header">
                <h1>Segments</h1>
                <p className="muted">
                  {data.k} segments of {data.rows.input.toLocaleString('en-US')} customers by{' '}
                  {data.primaryAlgorithm}
                  {data.rows.outliers > 0
                    ? ` · ${data.rows.outliers.toLocaleString('en-US')} outliers left out of fitting`
                    : ''}
                  {noise > 0
                    ? ` · ${noise.toLocaleString('en-US')} noise rows in no segment (segment -1 in the export)`
                    : ''}
                  . Choose a card to see its customers.
                </p>
              </div>
              {data.segments.length === 0 ? (
                <Empty title="This run has no segments." />
              ) : (
                <SegmentCards
                  segments={data.segments}
                  selected={selected}
                  onSelect={(segment) =>
                    setParam('segment', segment === null ? null : String(segment))
                  }
                />
              )}
              {chosen === null ? null : (
                <SegmentMembers
                  key={chosen.segment}
                  runId={runId}
                  segment={chosen.segment}
                  name={chosen.name}
                />
              )}
              <SegmentCharts
                runId={runId}
                report={data}
                feature={route.params.feature ?? null}
                onFeature={(feature) => setParam('feature', feature)}
                style={route.params.style === 'violin' ? 'violin' : 'box'}
                onStyle={(style) => setParam('style', style)}
                metric={parseMetric(route.params.metric)}
                onMetric={(metric) => setParam('metric', metric)}
                selected={selected}
              />
            </>
          );
        }}
      </Async>
    </div>
  );
}
