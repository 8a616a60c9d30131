/** DBSCAN in the common estimator checks (test-utils/conformance.ts). */
import type { Matrix } from '../matrix/matrix.js';
import { checkEstimator } from '../test-utils/conformance.js';
import { dbscan } from './dbscan.js';
import { dbscanFromJSON, dbscanToJSON } from './dbscan-json.js';
import { dbscanPredict } from './dbscan-predict.js';

checkEstimator({
  name: 'dbscan',
  fit: (X: Matrix, params: Record<string, unknown>) =>
    dbscan(X, params as Parameters<typeof dbscan>[1]),
  validParams: { eps: 1.5, minSamples: 5 },
  invalidParams: [
    { parameter: 'eps', value: 0 },
    { parameter: 'eps', value: -1 },
    { parameter: 'eps', value: NaN },
    { parameter: 'minSamples', value: 0 },
    { parameter: 'minSamples', value: 2.5 },
    { parameter: 'metric', value: 'cosine' },
  ],
  predict: (model, X) => dbscanPredict(model, X).labels,
  labels: (model) => model.labels,
  toJSON: dbscanToJSON,
  fromJSON: dbscanFromJSON,
});
