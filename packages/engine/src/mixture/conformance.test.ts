/** The common estimator checks over the Gaussian mixture (test-utils/conformance.ts). */
import type { Matrix } from '../matrix/matrix.js';
import { checkEstimator } from '../test-utils/conformance.js';
import {
  gaussianMixture,
  type GaussianMixtureModel,
  type GaussianMixtureOptions,
} from './gaussian-mixture.js';
import { gaussianMixtureFromJSON, gaussianMixtureToJSON } from './gaussian-mixture-json.js';
import { gaussianMixturePredict } from './gaussian-mixture-predict.js';

for (const covariance of ['full', 'diag'] as const) {
  checkEstimator<GaussianMixtureModel>({
    name: `gaussianMixture (${covariance})`,
    fit: (X: Matrix, params) =>
      gaussianMixture(X, params as Partial<GaussianMixtureOptions> & { clusterCount: number }),
    validParams: { clusterCount: 3, covariance },
    invalidParams: [
      { parameter: 'clusterCount', value: 0 },
      { parameter: 'clusterCount', value: 2.5 },
      { parameter: 'covariance', value: 'spherical' },
      { parameter: 'maxIterations', value: 0 },
      { parameter: 'tolerance', value: -1 },
      { parameter: 'regCovar', value: -1e-6 },
      { parameter: 'nInit', value: 0 },
      { parameter: 'init', value: 'kmeans||' },
      { parameter: 'seed', value: 0.5 },
    ],
    predict: (model, X) => gaussianMixturePredict(model, X).labels,
    labels: (model) => model.labels,
    toJSON: gaussianMixtureToJSON,
    fromJSON: gaussianMixtureFromJSON,
    seeded: true,
    minRows: 3,
  });
}
