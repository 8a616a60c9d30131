/**
 * The common estimator checks (test-utils/conformance.ts) over every estimator of the engine.
 * A new estimator joins by adding one `checkEstimator` call here.
 */
import { kmeans } from './cluster/kmeans.js';
import { kmeansFromJSON, kmeansToJSON } from './cluster/kmeans-json.js';
import { miniBatchKMeans } from './cluster/minibatch-kmeans.js';
import { miniBatchKMeansFromJSON, miniBatchKMeansToJSON } from './cluster/minibatch-kmeans-json.js';
import { predict, type ClusterModel } from './cluster/predict.js';
import type { Matrix } from './matrix/matrix.js';
import { pca } from './reduce/pca.js';
import { pcaFromJSON, pcaToJSON } from './reduce/pca-json.js';
import { pcaTransform } from './reduce/pca-transform.js';
import { checkEstimator } from './test-utils/conformance.js';

type Params = Record<string, unknown>;

checkEstimator({
  name: 'kmeans',
  fit: (X: Matrix, params: Params) => kmeans(X, params as Parameters<typeof kmeans>[1]),
  validParams: { clusterCount: 3, seed: 0 },
  invalidParams: [
    { parameter: 'clusterCount', value: 0 },
    { parameter: 'clusterCount', value: 2.5 },
    { parameter: 'maxIterations', value: 0 },
    { parameter: 'tolerance', value: -1 },
    { parameter: 'tolerance', value: NaN },
    { parameter: 'algorithm', value: 'elkan-ish' },
    { parameter: 'nInit', value: 0 },
    { parameter: 'init', value: 'forgy' },
    { parameter: 'init', value: [[0, 0, 0]] },
    { parameter: 'seed', value: 1.5 },
    { parameter: 'sampleWeight', value: [1, 2, 3] },
  ],
  predict: (model, X) => predict(model as ClusterModel, X),
  labels: (model) => model.labels,
  toJSON: kmeansToJSON,
  fromJSON: kmeansFromJSON,
  seeded: true,
  minRows: 3,
});

checkEstimator({
  name: 'miniBatchKMeans',
  fit: (X: Matrix, params: Params) =>
    miniBatchKMeans(X, params as Parameters<typeof miniBatchKMeans>[1]),
  validParams: { clusterCount: 3, seed: 0, batchSize: 32 },
  invalidParams: [
    { parameter: 'clusterCount', value: 0 },
    { parameter: 'batchSize', value: 0 },
    { parameter: 'maxIterations', value: 0 },
    { parameter: 'tolerance', value: -0.5 },
    { parameter: 'reassignmentRatio', value: -1 },
    { parameter: 'nInit', value: 0 },
    { parameter: 'init', value: 'forgy' },
    { parameter: 'sampleWeight', value: [1, 2] },
  ],
  predict: (model, X) => predict(model as unknown as ClusterModel, X),
  labels: (model) => model.labels,
  toJSON: miniBatchKMeansToJSON,
  fromJSON: miniBatchKMeansFromJSON,
  seeded: true,
  minRows: 3,
});

checkEstimator({
  name: 'pca',
  fit: (X: Matrix, params: Params) => pca(X, params as Parameters<typeof pca>[1]),
  validParams: { components: 2 },
  invalidParams: [
    { parameter: 'components', value: 0 },
    { parameter: 'components', value: 4 },
    { parameter: 'components', value: 1.5 },
    { parameter: 'whiten', value: 'yes' },
  ],
  predict: (model, X) => pcaTransform(model, X),
  toJSON: pcaToJSON,
  fromJSON: pcaFromJSON,
  minRows: 2,
});
