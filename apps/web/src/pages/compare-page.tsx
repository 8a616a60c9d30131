/**
 * Compare algorithms: their quality metrics side by side (best value marked), the agreement
 * matrix (adjusted Rand index between solutions) and a PCA map per algorithm, coloured by that
 * algorithm's segments.
 */
import { getProjection } from '../api/endpoints.js';
import type { RunReport } from '../api/types.js';
import type { PageProps } from '../app.js';
import { agreementChart } from '../charts/agreement.js';
import { compareMapChart } from '../charts/compare-map.js';
import { metricsTable } from '../charts/metrics-table.js';
import { AsyncChart, ChartPanel } from '../components/chart-panel.js';
import { formatCount } from '../components/format.js';
import { useReport } from '../components/run-data.js';
import { Async } from '../components/status.js';
import { useAsync } from '../components/use-async.js';

function MetricsTable({ report }: { report: RunReport }) {
  const table = metricsTable(report.algorithms, report.primaryAlgorithm);
  return (
    <section className="panel" aria-label="Metrics">
      <h2>Metrics at k = {report.k}</h2>
      <div className="table-scroll">
        <table className="data-table metrics-table" data-testid="metrics-table">
          <thead>
            <tr>
              <th scope="col">Algorithm</th>
              {table.columns.map((column) => (
                <th
                  key={column.key}
                  scope="col"
                  title={column.better === null ? undefined : `${column.better} is better`}
                >
                  {column.label}
                  {column.better === null ? '' : column.better === 'higher' ? ' ↑' : ' ↓'}
                </th>
              ))}
              <th scope="col">Sizes</th>
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.algorithm}>
                <th scope="row">
                  {row.algorithm}
                  {row.primary ? <span className="badge">primary</span> : null}
                  {row.converged ? null : <span className="badge badge-warn">not converged</span>}
                </th>
                {row.cells.map((cell, index) => (
                  <td
                    key={table.columns[index]?.key ?? index}
                    className={cell.best ? 'best' : undefined}
                  >
                    {cell.text}
                  </td>
                ))}
                <td className="small">
                  {(
                    report.algorithms.find((entry) => entry.algorithm === row.algorithm)?.sizes ??
                    []
                  )
                    .map(formatCount)
                    .join(' · ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted small">
        ↑ higher is better, ↓ lower is better; the best value per column is bold.
      </p>
    </section>
  );
}

function CompareMap({ runId, report }: { runId: string; report: RunReport }) {
  const algorithms = report.algorithms.map((entry) => entry.algorithm);
  const panels = useAsync(`compare-${runId}`, () =>
    Promise.all(
      algorithms.map(async (algorithm) => ({
        algorithm,
        projection: await getProjection(runId, 2, algorithm),
      })),
    ),
  );
  return <AsyncChart name="compare-map" result={panels} build={(data) => compareMapChart(data)} />;
}

/** The Compare page. */
export function ComparePage({ route }: PageProps) {
  const runId = route.runId ?? '';
  const report = useReport(runId);
  return (
    <div className="page">
      <div className="page-header">
        <h1>Compare algorithms</h1>
      </div>
      <Async result={report} label="Loading the report…">
        {(data) => (
          <>
            <MetricsTable report={data} />
            {data.algorithms.length < 2 ? (
              <p className="muted">
                Only {data.primaryAlgorithm} ran. Tick more algorithms on the{' '}
                <a href="#/configure">Configure</a> page to compare solutions.
              </p>
            ) : null}
            <div className="grid-2">
              <ChartPanel name="agreement" spec={agreementChart(data)} />
              <CompareMap runId={runId} report={data} />
            </div>
          </>
        )}
      </Async>
    </div>
  );
}
