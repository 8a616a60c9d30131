/** Background runs: the piscina-backed job runner and its types. */
export { JobRunner, runWorkerPath, type JobRunnerOptions } from './job-runner.js';
export type {
  JobError,
  JobEvents,
  JobResult,
  JobSegmentSummary,
  JobStatus,
  RunJob,
} from './job-types.js';
