/** The common estimator checks over UMAP (a transformer: predict = place new points). */
import type { Matrix } from '../matrix/matrix.js';
import { checkEstimator } from '../test-utils/conformance.js';
import { type UMAPOptions } from './umap-options.js';
import { umap } from './umap.js';
import { umapFromJSON, umapToJSON } from './umap-json.js';
import { umapTransform } from './umap-transform.js';

checkEstimator({
  name: 'umap',
  fit: (X: Matrix, params: Record<string, unknown>) => umap(X, params as Partial<UMAPOptions>),
  validParams: { seed: 0, epochs: 30, neighbors: 10 },
  invalidParams: [
    { parameter: 'components', value: 0 },
    { parameter: 'components', value: 1.5 },
    { parameter: 'neighbors', value: 1 },
    { parameter: 'neighbors', value: 500 },
    { parameter: 'minDist', value: -0.1 },
    { parameter: 'minDist', value: 2 },
    { parameter: 'epochs', value: 0 },
    { parameter: 'seed', value: -1 },
  ],
  predict: (model, X) => umapTransform(model, X),
  toJSON: umapToJSON,
  fromJSON: umapFromJSON,
  seeded: true,
  minRows: 3,
});
