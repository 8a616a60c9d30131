/**
 * Loaders shared by the run pages: the run's report (cached per run id, since several pages and
 * the header read it) and its 2-D/3-D projections.
 */
import { getReport } from '../api/endpoints.js';
import type { RunReport } from '../api/types.js';
import { useAsync } from './use-async.js';
import type { AsyncResult } from './use-async.js';

const reports = new Map<string, Promise<RunReport>>();

/**
 * The report of a run, fetched once per run id (a failed fetch is forgotten so Retry works).
 * @example const report = useReport(runId);
 */
export function useReport(runId: string): AsyncResult<RunReport> {
  return useAsync(`report-${runId}`, () => {
    let pending = reports.get(runId);
    if (pending === undefined) {
      pending = getReport(runId);
      pending.catch(() => reports.delete(runId));
      reports.set(runId, pending);
    }
    return pending;
  });
}
