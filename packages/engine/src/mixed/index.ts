export * from './gower.js';
export { gowerColumns, gowerMatrix, type GowerMatrixOptions } from './gower-matrix.js';
export {
  kPrototypes,
  K_PROTOTYPES_DEFAULTS,
  type CategoricalModes,
  type KPrototypesInit,
  type KPrototypesModel,
  type KPrototypesModelOptions,
  type KPrototypesOptions,
} from './k-prototypes.js';
export { kPrototypesPredict } from './k-prototypes-predict.js';
export {
  kPrototypesToJSON,
  kPrototypesFromJSON,
  type KPrototypesJSON,
} from './k-prototypes-json.js';
