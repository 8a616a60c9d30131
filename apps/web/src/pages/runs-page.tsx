/**
 * Runs page: the history of runs with their status and progress (re-run, cancel, open), and the
 * live view of one run at `#/runs/<id>`.
 */
import { useState } from 'react';
import { cancelRun, listDatasets, listRuns, rerunRun } from '../api/endpoints.js';
import { FINISHED_RUN_STATUSES } from '../api/types.js';
import type { PageProps } from '../app.js';
import { formatShare, formatTime } from '../components/format.js';
import { Async, Empty, ErrorBox } from '../components/status.js';
import { useAsync, useLatest } from '../components/use-async.js';
import { useRunsVersion } from '../state/workspace.js';
import { LiveRun } from './runs/live-run.js';

/** The Runs page. */
export function RunsPage({ route, navigate }: PageProps) {
  const [runsVersion, runsChanged] = useRunsVersion();
  const history = useAsync(`runs-${runsVersion}`, async () => {
    const [runs, datasets] = await Promise.all([listRuns(), listDatasets()]);
    return { runs: runs.runs, datasets: datasets.datasets };
  });
  // While the history reloads (after a status change), keep showing the previous list.
  const latest = useLatest(history.data);
  const shownHistory =
    latest === null || history.status === 'error'
      ? history
      : { status: 'ready' as const, data: latest, error: null, reload: history.reload };
  const [error, setError] = useState<Error | null>(null);
  const act = (action: Promise<{ id: string }>, open: boolean) => {
    action.then(
      (accepted) => {
        runsChanged();
        if (open) navigate({ page: 'runs', runId: accepted.id, params: {} });
      },
      (caught: unknown) => setError(caught instanceof Error ? caught : new Error(String(caught))),
    );
  };
  return (
    <div className="page">
      <div className="page-header">
        <h1>Runs</h1>
      </div>
      {route.runId === null ? null : (
        <LiveRun key={route.runId} runId={route.runId} navigate={navigate} />
      )}
      {error === null ? null : <ErrorBox error={error} />}
      <section className="panel" aria-label="Run history">
        <h2>History</h2>
        <Async result={shownHistory} label="Loading runs…">
          {({ runs, datasets }) =>
            runs.length === 0 ? (
              <Empty title="No runs yet">
                <a href="#/configure">Configure a run</a> on a dataset to start.
              </Empty>
            ) : (
              <table className="data-table" data-testid="run-history">
                <thead>
                  <tr>
                    <th scope="col">Run</th>
                    <th scope="col">Dataset</th>
                    <th scope="col">Started</th>
                    <th scope="col">Status</th>
                    <th scope="col">Progress</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {runs.map((run) => {
                    const finished = FINISHED_RUN_STATUSES.includes(run.status);
                    return (
                      <tr
                        key={run.id}
                        className={run.id === route.runId ? 'row-selected' : undefined}
                      >
                        <th scope="row">
                          <a href={`#/runs/${encodeURIComponent(run.id)}`}>
                            <code>{run.id.slice(0, 8)}</code>
                          </a>
                        </th>
                        <td>
                          {datasets.find((dataset) => dataset.id === run.datasetId)?.name ?? '–'}
                        </td>
                        <td>{formatTime(run.createdAt)}</td>
                        <td>
                          <span className={`status status-${run.status}`}>{run.status}</span>
                          {run.error === undefined ? null : (
                            <div
                              className={`small${run.status === 'failed' ? ' error-message' : ' muted'}`}
                            >
                              {run.error.message}
                            </div>
                          )}
                        </td>
                        <td>{formatShare(run.status === 'succeeded' ? 1 : run.progress)}</td>
                        <td>
                          <div className="actions">
                            {run.status === 'succeeded' ? (
                              <a
                                className="button-small"
                                href={`#/runs/${encodeURIComponent(run.id)}/segments`}
                              >
                                Segments
                              </a>
                            ) : null}
                            {finished ? (
                              <button
                                type="button"
                                className="button-small"
                                onClick={() => act(rerunRun(run.id), true)}
                              >
                                Re-run
                              </button>
                            ) : (
                              <button
                                type="button"
                                className="button-small danger"
                                onClick={() => act(cancelRun(run.id), false)}
                              >
                                Cancel
                              </button>
                            )}
                          </div>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )
          }
        </Async>
      </section>
    </div>
  );
}
