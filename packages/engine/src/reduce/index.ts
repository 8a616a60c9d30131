/** Dimensionality reduction: PCA. */
export { PCA_DEFAULTS, PCA_MAX_FEATURES, type PCAModel, type PCAOptions, pca } from './pca.js';
export { pcaInverseTransform, pcaTransform } from './pca-transform.js';
export { type PCAModelJSON, pcaFromJSON, pcaToJSON } from './pca-json.js';
export { type SymmetricEigen, symmetricEigen } from './symmetric-eigen.js';
