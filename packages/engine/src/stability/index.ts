/** Stability by resampling, segment matching across runs, migration tables. */
export { type Assignment, hungarian } from './hungarian.js';
export {
  MATCH_DEFAULTS,
  type MatchOptions,
  type SegmentMatching,
  type SegmentSnapshot,
  applySegmentMatching,
  matchSegments,
} from './match-segments.js';
export { type MigrationOptions, type MigrationTable, migrationTable } from './migration-table.js';
export {
  STABILITY_DEFAULTS,
  type FitLabels,
  type SegmentStability,
  type StabilityOptions,
  type StabilityReport,
  bootstrapStability,
} from './bootstrap-stability.js';
export { type StabilityCurve, type StabilityPoint, stabilityCurve } from './stability-curve.js';
