/**
 * Choose k: the verdict of the criteria vote ("k = 5, 3 of 4 criteria agree" or "no clear
 * structure"), the elbow curve with its knee, the silhouette / Calinski-Harabasz / Davies-Bouldin
 * curves, and how each criterion voted.
 */
import type { PageProps } from '../app.js';
import { criteriaChart } from '../charts/criteria.js';
import { elbowChart } from '../charts/elbow.js';
import { verdictText, voteChart } from '../charts/vote.js';
import { ChartPanel } from '../components/chart-panel.js';
import { useReport } from '../components/run-data.js';
import { Async, Empty } from '../components/status.js';

/** The Choose k page. */
export function ChooseKPage({ route }: PageProps) {
  const runId = route.runId ?? '';
  const report = useReport(runId);
  return (
    <div className="page">
      <div className="page-header">
        <h1>Choose k</h1>
      </div>
      <Async result={report} label="Loading the report…">
        {({ selection, k }) =>
          selection === null ? (
            <Empty title={`This run used a fixed k = ${k}.`}>
              Give a k range on the <a href="#/configure">Configure</a> page to compare candidates.
            </Empty>
          ) : (
            <>
              <div
                className={`verdict verdict-${selection.recommendation.verdict}`}
                data-testid="k-verdict"
                role="status"
              >
                <strong>{verdictText(selection.recommendation)}</strong>
                <span className="muted">
                  {' '}
                  · candidates k = {selection.kRange[0]}…{selection.kRange[1]} · fitted k = {k}
                  {selection.knee === null ? '' : ` · elbow knee at k = ${selection.knee}`}
                </span>
                {selection.recommendation.reasons.length === 0 ? null : (
                  <ul className="reasons">
                    {selection.recommendation.reasons.map((reason) => (
                      <li key={reason}>{reason}</li>
                    ))}
                  </ul>
                )}
              </div>
              <div className="grid-2">
                <ChartPanel name="elbow" spec={elbowChart(selection)} />
                <ChartPanel name="vote" spec={voteChart(selection)} />
              </div>
              <ChartPanel name="criteria" spec={criteriaChart(selection)} />
            </>
          )
        }
      </Async>
    </div>
  );
}
