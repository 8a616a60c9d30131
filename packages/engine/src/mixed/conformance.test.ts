/**
 * The common estimator checks over k-prototypes (test-utils/conformance.ts). The suite's data is
 * numeric, so it runs without categorical columns; mixed data is covered by k-prototypes.test.ts.
 */
import type { Matrix } from '../matrix/matrix.js';
import { checkEstimator } from '../test-utils/conformance.js';
import { kPrototypes, type KPrototypesModel, type KPrototypesOptions } from './k-prototypes.js';
import { kPrototypesFromJSON, kPrototypesToJSON } from './k-prototypes-json.js';
import { kPrototypesPredict } from './k-prototypes-predict.js';

checkEstimator<KPrototypesModel>({
  name: 'kPrototypes',
  fit: (X: Matrix, params) =>
    kPrototypes(X, params as Partial<KPrototypesOptions> & { clusterCount: number }),
  validParams: { clusterCount: 3, nInit: 2 },
  invalidParams: [
    { parameter: 'clusterCount', value: 0 },
    { parameter: 'clusterCount', value: 1.5 },
    { parameter: 'categoricalColumns', value: [3] },
    { parameter: 'categoricalColumns', value: [0, 0] },
    { parameter: 'categoricalColumns', value: 'all' },
    { parameter: 'gamma', value: -1 },
    { parameter: 'maxIterations', value: 0 },
    { parameter: 'nInit', value: 0 },
    { parameter: 'init', value: 'k-means++' },
    { parameter: 'seed', value: 0.5 },
  ],
  predict: (model, X) => kPrototypesPredict(model, X).labels,
  labels: (model) => model.labels,
  toJSON: kPrototypesToJSON,
  fromJSON: kPrototypesFromJSON,
  seeded: true,
  minRows: 3,
});
