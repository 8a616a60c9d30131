/** The common estimator checks (test-utils/conformance.ts) for HDBSCAN, both selection methods. */
import { checkEstimator } from '../test-utils/conformance.js';
import { hdbscan, hdbscanPredict } from './hdbscan.js';
import { hdbscanFromJSON, hdbscanToJSON } from './hdbscan-json.js';

for (const clusterSelectionMethod of ['eom', 'leaf'] as const) {
  checkEstimator({
    name: `hdbscan (${clusterSelectionMethod})`,
    fit: (X, params) => hdbscan(X, params),
    validParams: { minClusterSize: 10, clusterSelectionMethod },
    invalidParams: [
      { parameter: 'minClusterSize', value: 1 },
      { parameter: 'minClusterSize', value: 2.5 },
      { parameter: 'minSamples', value: 0 },
      { parameter: 'clusterSelectionMethod', value: 'excess' },
      { parameter: 'clusterSelectionEpsilon', value: -0.5 },
      { parameter: 'allowSingleCluster', value: 'yes' },
      { parameter: 'metric', value: 'cosine' },
      { parameter: 'leafSize', value: 0 },
    ],
    predict: (model, X) => hdbscanPredict(model, X).labels,
    labels: (model) => model.labels,
    toJSON: hdbscanToJSON,
    fromJSON: hdbscanFromJSON,
    minRows: 2,
  });
}
