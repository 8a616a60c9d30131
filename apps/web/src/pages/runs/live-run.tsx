/**
 * One run's live view: status, a progress bar fed by server-sent events, the step list, cancel,
 * re-run, and links to the results once it succeeded.
 */
import { useEffect, useState } from 'react';
import { subscribeEvents } from '../../api/client.js';
import { cancelRun, getRun, rerunRun, runEventsPath } from '../../api/endpoints.js';
import { FINISHED_RUN_STATUSES } from '../../api/types.js';
import type { ProgressEvent, Run } from '../../api/types.js';
import { formatShare, formatTime } from '../../components/format.js';
import { ErrorBox, Loading } from '../../components/status.js';
import { useRunsVersion } from '../../state/workspace.js';
import type { Navigate } from '../../state/use-route.js';
import { applyEvent, initialSteps, overallShare } from './run-progress.js';

const isFinished = (run: Run) => FINISHED_RUN_STATUSES.includes(run.status);

/** The live view of `runId`. */
export function LiveRun({ runId, navigate }: { runId: string; navigate: Navigate }) {
  const [run, setRun] = useState<Run | null>(null);
  const [steps, setSteps] = useState(initialSteps);
  const [error, setError] = useState<Error | null>(null);
  const [, runsChanged] = useRunsVersion();

  useEffect(() => {
    let active = true;
    let close: (() => void) | null = null;
    getRun(runId).then(
      (first) => {
        if (!active) return;
        setRun(first);
        close = subscribeEvents(runEventsPath(runId), ['progress', 'status'], {
          onEvent: (name, data) => {
            if (!active) return;
            if (name === 'progress')
              setSteps((previous) => applyEvent(previous, data as ProgressEvent));
            else if (typeof data === 'object' && data !== null && 'id' in data) {
              setRun(data as Run);
              close?.();
              runsChanged();
            } else if (typeof data === 'object' && data !== null && 'status' in data) {
              setRun((previous) =>
                previous === null ? previous : { ...previous, status: (data as Run).status },
              );
              // The history table shows statuses too.
              runsChanged();
            }
          },
          onError: () => {
            // The stream closes after the final status; refresh the run to be sure of its state.
            void getRun(runId).then((latest) => {
              if (!active) return;
              setRun(latest);
              if (isFinished(latest)) close?.();
            });
          },
        });
      },
      (caught: unknown) => {
        if (active) setError(caught instanceof Error ? caught : new Error(String(caught)));
      },
    );
    return () => {
      active = false;
      close?.();
    };
  }, [runId, runsChanged]);

  if (error !== null) return <ErrorBox error={error} />;
  if (run === null) return <Loading label="Loading the run…" />;

  const finished = isFinished(run);
  const share = run.status === 'succeeded' ? 1 : Math.max(run.progress, overallShare(steps));
  const act = (action: () => Promise<{ id: string }>, openResult: boolean) => {
    action().then(
      (accepted) => {
        runsChanged();
        if (openResult) navigate({ page: 'runs', runId: accepted.id, params: {} });
      },
      (caught: unknown) => setError(caught instanceof Error ? caught : new Error(String(caught))),
    );
  };

  return (
    <section className="panel live-run" aria-label="Run progress">
      <div className="panel-header">
        <h2>
          Run <code>{run.id.slice(0, 8)}</code>
        </h2>
        <span className={`status status-${run.status}`} data-testid="run-status" aria-live="polite">
          {run.status}
        </span>
        <span className="muted">started {formatTime(run.createdAt)}</span>
      </div>
      <div className="progress-row">
        <progress data-testid="run-progress" max={1} value={share} aria-label="Run progress" />
        <span>{formatShare(share)}</span>
      </div>
      <ol className="steps">
        {steps.map((item) => (
          <li
            key={item.step}
            className={`step step-${finished && item.state === 'running' ? 'stopped' : item.state}`}
          >
            <span className="step-name">{item.step}</span>
            <span className="step-message">{item.message}</span>
          </li>
        ))}
      </ol>
      {run.error === undefined ? null : run.status === 'failed' ? (
        <ErrorBox error={new Error(run.error.message)} />
      ) : (
        <p className="state state-empty" role="status">
          {run.error.message}
        </p>
      )}
      <div className="page-actions">
        {finished ? null : (
          <button
            type="button"
            className="button danger"
            data-testid="run-cancel"
            onClick={() => act(() => cancelRun(run.id), false)}
          >
            Cancel run
          </button>
        )}
        {finished ? (
          <button
            type="button"
            className="button"
            data-testid="run-rerun"
            onClick={() => act(() => rerunRun(run.id), true)}
          >
            Re-run
          </button>
        ) : null}
        {run.status === 'succeeded' ? (
          <>
            <a
              className="button primary"
              data-testid="open-segments"
              href={`#/runs/${encodeURIComponent(run.id)}/segments`}
            >
              See the segments →
            </a>
            <a className="button" href={`#/runs/${encodeURIComponent(run.id)}/choose-k`}>
              Choose k
            </a>
          </>
        ) : null}
      </div>
    </section>
  );
}
