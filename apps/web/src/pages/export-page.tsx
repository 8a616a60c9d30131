/**
 * Export: the segments as CSV, Parquet or JSON, the self-contained HTML report, and PNGs of the
 * charts (every chart has its own "Download PNG" button; the main ones are repeated here).
 */
import { exportPath, reportHtmlPath } from '../api/endpoints.js';
import type { PageProps } from '../app.js';
import { radarChart } from '../charts/radar.js';
import { segmentMeansFromReport } from '../charts/segment-means.js';
import { sizesChart } from '../charts/sizes.js';
import { ChartPanel } from '../components/chart-panel.js';
import { formatCount } from '../components/format.js';
import { useReport } from '../components/run-data.js';
import { Async } from '../components/status.js';

/** The Export page. */
export function ExportPage({ route }: PageProps) {
  const runId = route.runId ?? '';
  const report = useReport(runId);
  const short = runId.slice(0, 8);
  return (
    <div className="page">
      <div className="page-header">
        <h1>Export</h1>
      </div>
      <section className="panel" aria-label="Downloads">
        <h2>Segments and report</h2>
        <p className="muted">One row per customer: id, segment, segment name and confidence.</p>
        <div className="export-actions">
          <a
            className="button primary"
            data-testid="export-csv"
            href={exportPath(runId, 'csv')}
            download={`segments-${short}.csv`}
          >
            Segments as CSV
          </a>
          <a
            className="button"
            data-testid="export-parquet"
            href={exportPath(runId, 'parquet')}
            download={`segments-${short}.parquet`}
          >
            Segments as Parquet
          </a>
          <a
            className="button"
            data-testid="export-json"
            href={exportPath(runId, 'json')}
            download={`segments-${short}.json`}
          >
            Segments as JSON
          </a>
          <a
            className="button"
            data-testid="export-report"
            href={reportHtmlPath(runId)}
            target="_blank"
            rel="noreferrer"
          >
            HTML report (opens in a new tab)
          </a>
        </div>
      </section>
      <Async result={report} label="Loading the report…">
        {(data) => (
          <>
            <p className="muted">
              {data.k} segments of {formatCount(data.rows.input)} customers. Every chart in the
              dashboard has a <strong>Download PNG</strong> button; the two below are ready to paste
              into a slide.
            </p>
            <div className="grid-2">
              <ChartPanel name="export-sizes" spec={sizesChart(data.segments)} />
              <ChartPanel
                name="export-radar"
                spec={radarChart(segmentMeansFromReport(data), { maxFeatures: 12 })}
              />
            </div>
          </>
        )}
      </Async>
    </div>
  );
}
