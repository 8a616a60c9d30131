/**
 * The parts of a validated config (`SegmintConfig`, defaults applied) that the runner reads,
 * written structurally: `parseConfig`/`loadConfigFile` output is accepted as is (checked below at
 * compile time), and the server can build one from a partial config plus a source.
 */
import type { FeatureRecipe, SourceSpec, TransactionsSpec } from '@segmint/data';
import type { OutlierRule, SegmentationAlgorithm, SelectionCriterion } from '@segmint/engine';
import type { SegmintConfig } from '../config/index.js';

/** The `transactions` block: the data layer's spec plus optional RFM score-map overrides. */
export type RunTransactions = TransactionsSpec & {
  /** R-F-M codes ('111'..'555') -> segment names, overriding the classic map. */
  readonly segments?: Readonly<Record<string, string>> | undefined;
};

/** A validated run configuration (see the config module for defaults and documentation). */
export interface RunConfig {
  readonly source: SourceSpec;
  readonly id?: string | undefined;
  readonly features?: readonly string[] | undefined;
  readonly categorical?: readonly string[] | undefined;
  readonly transactions?: RunTransactions | undefined;
  readonly derive: readonly FeatureRecipe[];
  readonly cleaning: {
    readonly dropMissingAbove: number;
    readonly impute: {
      readonly numeric: 'mean' | 'median' | 'constant';
      readonly categorical: 'most-frequent' | 'constant';
      readonly fillValue?: number | string | undefined;
    };
    readonly outliers: readonly OutlierRule[];
    readonly varianceThreshold: number | null;
  };
  readonly transform: { readonly log1p: readonly string[]; readonly power: readonly string[] };
  readonly encoding: {
    readonly minFrequency: number | null;
    readonly maxCategories: number | null;
  };
  readonly scaling: 'standard' | 'min-max' | 'robust' | 'none';
  readonly reduction: { readonly method: 'none' | 'pca'; readonly components: number };
  readonly clustering: {
    readonly algorithm: readonly SegmentationAlgorithm[];
    readonly k: number | { readonly min: number; readonly max: number };
    readonly params: Readonly<Record<string, unknown>>;
    readonly seed?: number | undefined;
  };
  readonly selection: {
    readonly criteria: readonly SelectionCriterion[];
    readonly silhouetteSampleSize: number;
  };
  readonly stability: {
    readonly resamples: number;
    readonly fraction: number;
    readonly maxRows: number;
  };
  readonly profiling: { readonly topTraits: number };
  readonly output?: string | undefined;
  readonly seed: number;
}

/** Compile-time check: every parsed `SegmintConfig` is a `RunConfig`. */
export const SEGMINT_CONFIG_IS_RUN_CONFIG: SegmintConfig extends RunConfig ? true : never = true;
