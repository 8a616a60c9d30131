/** The common estimator checks (test-utils/conformance.ts) for agglomerative, every linkage. */
import { checkEstimator } from '../test-utils/conformance.js';
import { agglomerative } from './agglomerative.js';
import { agglomerativeFromJSON, agglomerativeToJSON } from './agglomerative-json.js';
import type { Linkage } from './agglomerative-options.js';
import { agglomerativePredict } from './agglomerative-predict.js';

const LINKAGES: Linkage[] = ['ward', 'complete', 'average', 'single'];

for (const linkage of LINKAGES) {
  checkEstimator({
    name: `agglomerative (${linkage})`,
    fit: (X, params) => agglomerative(X, params),
    validParams: { clusterCount: 3, linkage },
    invalidParams: [
      { parameter: 'clusterCount', value: 0 },
      { parameter: 'clusterCount', value: 2.5 },
      { parameter: 'distanceThreshold', value: -1 },
      { parameter: 'linkage', value: 'median' },
      { parameter: 'metric', value: 'cosine' },
    ],
    predict: (model, X) => agglomerativePredict(model, X).labels,
    labels: (model) => model.labels,
    toJSON: agglomerativeToJSON,
    fromJSON: agglomerativeFromJSON,
  });
}
