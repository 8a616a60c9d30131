/**
 * Turns a config's `cleaning`, `transform`, `encoding` and `scaling` blocks into the engine's
 * preprocessing steps, in this order:
 *
 *   drop-missing-columns -> impute (numeric, categorical) -> outliers -> log1p -> power
 *   -> scale (numeric features only) -> one-hot -> variance-threshold
 *
 * Imputation comes before outlier rules so rules see complete columns. Only the numeric features
 * are scaled; one-hot indicators stay 0/1, as in the usual scikit-learn ColumnTransformer, because
 * standardising an indicator inflates rare categories (a 5% category becomes a column reaching
 * 4.4) until k-means gives them a cluster of their own. Variance filtering comes last, so it drops
 * constant numeric columns (constant before scaling, constant after) and indicators of a category
 * every row shares. The same steps
 * feed `chooseK` (through `fitTransformPipeline`) and `fitSegmentation`, so the saved model
 * reproduces exactly the data k was chosen on.
 */
import type { StepSpec, Table } from '@segmint/engine';
import type { RunConfig } from './run-config.js';

/** The feature columns a run clusters on, by kind. */
export interface FeatureSelection {
  readonly numeric: readonly string[];
  readonly categorical: readonly string[];
}

/** Steps plus the columns the missing-share rule will drop (for the report). */
export interface PreparedSteps {
  readonly steps: StepSpec[];
  /** Columns dropped for too many missing values (share > `cleaning.dropMissingAbove`). */
  readonly dropped: readonly string[];
}

/**
 * Builds the preprocessing steps for a table of feature columns.
 * @param t - the feature table (exactly the selected columns), used for missing shares only.
 * @example stepsFromConfig(config, t, { numeric: ['Age', 'Income'], categorical: ['Education'] })
 */
export function stepsFromConfig(
  config: Pick<RunConfig, 'cleaning' | 'transform' | 'encoding' | 'scaling'>,
  t: Table,
  features: FeatureSelection,
): PreparedSteps {
  const { cleaning } = config;
  const dropped = t.columns
    .filter((column) => missingShare(column) > cleaning.dropMissingAbove)
    .map((column) => column.name);
  const keep = (name: string) => !dropped.includes(name);
  const numeric = features.numeric.filter(keep);
  const categorical = features.categorical.filter(keep);
  const steps: StepSpec[] = [
    { type: 'drop-missing-columns', maxMissingShare: cleaning.dropMissingAbove },
  ];
  const fillValue = cleaning.impute.fillValue;
  if (numeric.length > 0) {
    steps.push({
      type: 'impute',
      strategy: cleaning.impute.numeric,
      columns: numeric,
      ...(cleaning.impute.numeric === 'constant' && typeof fillValue === 'number'
        ? { fillValue }
        : {}),
    });
  }
  if (categorical.length > 0) {
    steps.push({
      type: 'impute',
      strategy: cleaning.impute.categorical,
      columns: categorical,
      ...(cleaning.impute.categorical === 'constant' && typeof fillValue === 'string'
        ? { fillValue }
        : {}),
    });
  }
  if (cleaning.outliers.length > 0) steps.push({ type: 'outliers', rules: cleaning.outliers });
  if (config.transform.log1p.length > 0)
    steps.push({ type: 'log1p', columns: config.transform.log1p });
  if (config.transform.power.length > 0)
    steps.push({ type: 'power', columns: config.transform.power });
  if (config.scaling !== 'none' && numeric.length > 0)
    steps.push({ type: 'scale', method: config.scaling, columns: numeric });
  if (categorical.length > 0) {
    steps.push({
      type: 'one-hot',
      columns: categorical,
      // New customers with a category never seen in training get all-zero indicators.
      handleUnknown: 'ignore',
      ...(config.encoding.minFrequency !== null
        ? { minFrequency: config.encoding.minFrequency }
        : {}),
      ...(config.encoding.maxCategories !== null
        ? { maxCategories: config.encoding.maxCategories }
        : {}),
    });
  }
  if (cleaning.varianceThreshold !== null)
    steps.push({ type: 'variance-threshold', threshold: cleaning.varianceThreshold });
  return { steps, dropped };
}

/** The note added to the cleaning report when {@link rfmTransform} applies its default. */
export const RFM_LOG_NOTE =
  'RFM: recency, frequency and monetary are heavily right-skewed, so they were log1p-transformed before scaling (the default for RFM runs; set transform.log1p or transform.power to choose).';

/**
 * The `transform` block a run uses. RFM runs (a `transactions` block, non-positive amounts
 * excluded) that configure no transform get log1p on their RFM features: raw monetary values
 * span orders of magnitude, and on raw scales k-means isolates a handful of huge spenders (on
 * Online Retail: 26 customers against 4,312) instead of finding customer groups.
 * @returns the transform and whether the RFM default was applied.
 */
export function rfmTransform(
  config: Pick<RunConfig, 'transform' | 'transactions'>,
  numericFeatures: readonly string[],
): { transform: RunConfig['transform']; applied: boolean } {
  const { transform, transactions } = config;
  const rfm = ['recency', 'frequency', 'monetary'].filter((name) => numericFeatures.includes(name));
  if (
    transactions === undefined ||
    transactions.includeNonPositive === true ||
    transform.log1p.length > 0 ||
    transform.power.length > 0 ||
    rfm.length === 0
  ) {
    return { transform, applied: false };
  }
  return { transform: { log1p: rfm, power: [] }, applied: true };
}

function missingShare(column: Table['columns'][number]): number {
  const n = column.values.length;
  if (n === 0) return 0;
  let missing = 0;
  if (column.kind === 'numeric') {
    for (const v of column.values) if (Number.isNaN(v)) missing++;
  } else {
    for (const v of column.values) if (v === null) missing++;
  }
  return missing / n;
}
