export {
  gaussianMixture,
  GAUSSIAN_MIXTURE_DEFAULTS,
  type GaussianMixtureCovariance,
  type GaussianMixtureInit,
  type GaussianMixtureModel,
  type GaussianMixtureModelOptions,
  type GaussianMixtureOptions,
} from './gaussian-mixture.js';
export {
  gaussianMixtureProba,
  gaussianMixturePredict,
  gaussianMixtureScore,
  gaussianMixtureBic,
  gaussianMixtureAic,
  gaussianMixtureParameterCount,
} from './gaussian-mixture-predict.js';
export { gaussianMixtureCurves, type GaussianMixtureCurves } from './gaussian-mixture-curves.js';
export {
  gaussianMixtureToJSON,
  gaussianMixtureFromJSON,
  type GaussianMixtureJSON,
} from './gaussian-mixture-json.js';
