/** The runner: config -> segments, model, reports and manifest on disk; predict for new files. */
export * from './run-types.js';
export type { RunConfig } from './run-config.js';
export { runPipeline, resolveOutputDir, OUTPUT_FILES } from './run-pipeline.js';
export { predictFile, conformTable, type PredictFormat } from './predict-file.js';
export { stepsFromConfig, type FeatureSelection, type PreparedSteps } from './prepare-steps.js';
export { selectFeatures, type CandidateColumn } from './select-features.js';
export {
  modelFileText,
  parseModelFile,
  type ModelRunInfo,
  type RunModelFile,
} from './model-file.js';
export { MANIFEST_FORMAT, type RunManifest } from './manifest.js';
export { ASSIGNMENT_COLUMNS } from './segments-table.js';
export {
  buildDashboard,
  clusteringRows,
  mapCoordinates,
  mapCoordinatesOf,
  type DashboardInput,
} from './dashboard-stage.js';
export { stratifiedSample } from './stratified-sample.js';
export { runDendrogram, DENDROGRAM_LEAVES, type RunDendrogram } from './dendrogram-stage.js';
