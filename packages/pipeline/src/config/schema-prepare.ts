/**
 * Config sections that prepare the feature matrix: `cleaning` (missing values, outliers,
 * constant columns), `transform` (log1p, Yeo-Johnson), `encoding` (one-hot), `scaling` and
 * `reduction`. Names and defaults follow the engine's preprocessing steps (preprocess/steps.ts),
 * which the runner builds from these sections.
 */
import { z } from 'zod';
import {
  columnList,
  columnName,
  expecting,
  integer,
  numberIn,
  oneOf,
  section,
} from './schema-parts.js';

/** One outlier rule (the engine's OutlierRule), discriminated by `rule`. */
export const outlierRuleSchema = z.discriminatedUnion(
  'rule',
  [
    section({
      rule: z.literal('iqr'),
      columns: columnList(true).optional().describe('Default: every numeric feature.'),
      k: numberIn(0)
        .optional()
        .describe('Fence multiplier: outside [Q1 - k IQR, Q3 + k IQR]; default 1.5.'),
    }),
    section({
      rule: z.literal('z-score'),
      columns: columnList(true).optional().describe('Default: every numeric feature.'),
      threshold: numberIn(0).optional().describe('|x - mean| / std above this; default 3.'),
    }),
    section({
      rule: z.literal('range'),
      column: columnName(),
      min: z.number(expecting('a number')).optional(),
      max: z.number(expecting('a number')).optional(),
    }),
  ],
  {
    error: (issue) =>
      issue.code === 'invalid_union' && issue.path?.length
        ? `one of 'iqr', 'z-score' or 'range'`
        : 'a rule mapping such as { rule: iqr, k: 1.5 }',
  },
);

/** `cleaning.impute`: how missing values are filled. */
export const imputeSchema = section({
  numeric: oneOf(['mean', 'median', 'constant'])
    .default('median')
    .describe('Fill for numeric features.'),
  categorical: oneOf(['most-frequent', 'constant'])
    .default('most-frequent')
    .describe('Fill for categorical features.'),
  fillValue: z
    .union([z.number(), z.string()], expecting('a number or a string'))
    .optional()
    .describe(
      "The value used by 'constant' (default 0 for numbers, 'missing_value' for categories).",
    ),
});

/** `cleaning`. */
export const cleaningSchema = section({
  dropMissingAbove: numberIn(0, 1)
    .default(0.5)
    .describe('Drop feature columns whose missing share is larger than this.'),
  impute: imputeSchema.prefault({}),
  outliers: z
    .array(outlierRuleSchema, expecting('a list of outlier rules'))
    .default([])
    .describe(
      'Outlier rules: { rule: iqr, columns?, k? } | { rule: z-score, columns?, threshold? } | { rule: range, column, min?, max? }.',
    ),
  varianceThreshold: numberIn(0)
    .nullable()
    .default(0)
    .describe('Drop feature columns whose variance is not above this (null disables).'),
});

/** `transform`: per-column transforms applied before scaling. */
export const transformSchema = section({
  log1p: columnList().default([]).describe('Columns replaced by log(1 + x) (skewed amounts).'),
  power: columnList().default([]).describe('Columns given a Yeo-Johnson power transform.'),
});

/** `encoding`: one-hot options for categorical features. */
export const encodingSchema = section({
  minFrequency: numberIn(0)
    .refine((value) => value > 0, expecting('a count >= 1 or a share in (0, 1)'))
    .nullable()
    .default(null)
    .describe('Rarer categories (a count, or a share of rows when < 1) are grouped as "other".'),
  maxCategories: integer(2)
    .nullable()
    .default(null)
    .describe('At most this many one-hot columns per feature (the rarest are grouped).'),
});

/** Scaling methods (`none` keeps original units). */
export const SCALING_METHODS = ['standard', 'min-max', 'robust', 'none'] as const;

/** `scaling`. */
export const scalingSchema = oneOf(SCALING_METHODS)
  .default('standard')
  .describe('Feature scaling before clustering.');

/** `reduction`. */
export const reductionSchema = section({
  method: oneOf(['none', 'pca'])
    .default('none')
    .describe('Dimensionality reduction before clustering.'),
  components: integer(1, 1000).default(2).describe('PCA components kept.'),
});
