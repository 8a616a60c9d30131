/** Runs of the HTTP API: the service between routes, catalog and job runner; live events. */
export {
  FINISHED_STATUSES,
  RunService,
  isFinished,
  resolveRunConfig,
  runProgress,
} from './run-service.js';
export { RunHub, type RunHubMessage } from './run-hub.js';
