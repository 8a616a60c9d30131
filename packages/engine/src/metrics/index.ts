/** Clustering metrics: internal (silhouette, Calinski-Harabasz, Davies-Bouldin, inertia) and external (ARI, AMI). */
export { type EncodedLabels, type Labels, encodeLabels } from './labels.js';
export { inertia } from './inertia.js';
export { silhouetteSamples, silhouetteScore } from './silhouette.js';
export {
  SILHOUETTE_ESTIMATE_DEFAULTS,
  type SilhouetteEstimate,
  type SilhouetteEstimateOptions,
  silhouetteEstimate,
} from './silhouette-estimate.js';
export { calinskiHarabasz } from './calinski-harabasz.js';
export { daviesBouldin } from './davies-bouldin.js';
export { type ContingencyTable, contingencyMatrix, contingencyTable } from './contingency.js';
export { adjustedRandIndex } from './adjusted-rand.js';
export {
  ADJUSTED_MUTUAL_INFO_DEFAULTS,
  type AdjustedMutualInfoOptions,
  type AverageMethod,
  adjustedMutualInfo,
  mutualInfo,
} from './mutual-information.js';
export { normalQuantile } from './normal-quantile.js';
