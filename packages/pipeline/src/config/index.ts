export { CONFIG_KEYS, RFM_FEATURES, configSchema, partialConfigSchema } from './schema.js';
export type { PartialSegmintConfig, SegmintConfig, SegmintConfigInput } from './schema.js';
export {
  CLUSTERING_ALGORITHMS,
  MAX_K,
  MAX_K_IN_RANGE,
  SELECTION_CRITERIA,
} from './schema-cluster.js';
export type { ClusteringAlgorithm } from './schema-cluster.js';
export { SCALING_METHODS } from './schema-prepare.js';
export { RECIPE_TYPES, SOURCE_FORMATS } from './schema-data.js';
export { parseConfig, validateConfig } from './parse.js';
export type { ParseConfigOptions, ValidateConfigOptions } from './parse.js';
export type { ConfigIssue } from './issues.js';
export { loadConfigFile } from './load.js';
export type { LoadedConfig } from './load.js';
export { configJsonSchema } from './json-schema.js';
export { EXAMPLE_CONFIG } from './example.js';
