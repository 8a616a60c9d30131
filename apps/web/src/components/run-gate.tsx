/**
 * Run pages show results, which exist only once a run succeeded. `RunGate` checks the run first
 * and shows, instead of a server error, what is going on: still running (with a link to its live
 * progress), failed (with the server's message), cancelled or interrupted (re-run from Runs).
 */
import type { ReactNode } from 'react';
import { getRun } from '../api/endpoints.js';
import { Async, Empty } from './status.js';
import { useAsync } from './use-async.js';

/** Renders `children` when the run succeeded, else an explanation. */
export function RunGate({ runId, children }: { runId: string; children: ReactNode }) {
  const run = useAsync(`gate-${runId}`, () => getRun(runId));
  return (
    <Async result={run} label="Loading the run…">
      {(data) =>
        data.status === 'succeeded' ? (
          children
        ) : (
          <div className="page">
            <Empty
              title={`This run is ${data.status}: it has no results${data.status === 'running' || data.status === 'queued' ? ' yet' : ''}.`}
            >
              {data.error === undefined ? null : (
                <p className={data.status === 'failed' ? 'error-message' : undefined}>
                  {data.error.message}
                </p>
              )}
              <a className="button" href={`#/runs/${encodeURIComponent(runId)}`}>
                {data.status === 'running' || data.status === 'queued'
                  ? 'Follow its progress'
                  : 'Open it in Runs'}
              </a>
            </Empty>
          </div>
        )
      }
    </Async>
  );
}
