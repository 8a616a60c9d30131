/** Segment profiles: statistics vs the rest, effect sizes, generated names and descriptions, cross-tabs. */
export {
  PROFILE_DEFAULTS,
  type ProfileOptions,
  type SegmentProfile,
  type TopTrait,
  profileSegments,
} from './profile-segments.js';
export {
  type CategoricalTrait,
  type NumericTrait,
  MAX_CATEGORY_VALUES,
} from './segment-statistics.js';
export {
  EFFECT_THRESHOLDS,
  type EffectStrength,
  cohenD,
  cohenH,
  effectStrength,
} from './effect-size.js';
export { humanizeFeature, splitWords } from './feature-names.js';
export { MAX_NAME_LENGTH } from './segment-names.js';
export { formatNumber, formatShare } from './segment-description.js';
export {
  type CrossTabulation,
  MISSING_CATEGORY,
  NOISE_CATEGORY,
  crossTabulate,
} from './cross-tabulate.js';
