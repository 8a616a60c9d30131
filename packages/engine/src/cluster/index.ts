export {
  kmeans,
  KMEANS_DEFAULTS,
  type KMeansAlgorithm,
  type KMeansInit,
  type KMeansModel,
  type KMeansModelOptions,
  type KMeansOptions,
} from './kmeans.js';
export { kmeansToJSON, kmeansFromJSON, type KMeansJSON } from './kmeans-json.js';
export {
  kmeansPlusPlus,
  type KMeansPlusPlusOptions,
  type KMeansPlusPlusResult,
} from './kmeans-plus-plus.js';
export { predict, distancesToCentroids, type ClusterModel } from './predict.js';
export {
  miniBatchKMeans,
  MINI_BATCH_KMEANS_DEFAULTS,
  type MiniBatchKMeansModel,
  type MiniBatchKMeansOptions,
  type MiniBatchKMeansRecordedOptions,
} from './minibatch-kmeans.js';
export {
  miniBatchKMeansToJSON,
  miniBatchKMeansFromJSON,
  type MiniBatchKMeansJSON,
} from './minibatch-kmeans-json.js';
