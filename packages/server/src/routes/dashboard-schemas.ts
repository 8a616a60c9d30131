/**
 * Zod schemas of the dashboard routes (projection, silhouette, distribution, features, model
 * schema, config schema and defaults): request validation and the OpenAPI document.
 */
import { z } from 'zod';

/** Largest `maxPoints` of the projection route (dashboard.json keeps at most this many). */
export const MAX_PROJECTION_POINTS = 50_000;

/** `?dims=2|3&algorithm=&maxPoints=` (defaults 2, the primary algorithm, 50,000). */
export const projectionQuery = z.object({
  dims: z.coerce
    .number()
    .int()
    .refine((value) => value === 2 || value === 3, { message: "'dims' must be 2 or 3" })
    .default(2)
    .transform((value): 2 | 3 => (value === 3 ? 3 : 2)),
  algorithm: z.string().min(1).max(100).optional(),
  maxPoints: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PROJECTION_POINTS)
    .default(MAX_PROJECTION_POINTS),
});

/** The projection body. */
export const projectionSchema = z.object({
  method: z.string(),
  dims: z.number(),
  algorithm: z.string(),
  explainedVarianceRatio: z.array(z.number()),
  total: z.number(),
  shown: z.number(),
  sampled: z.boolean(),
  sampling: z.string().describe('Plain-language statement of the sampling'),
  x: z.array(z.number()),
  y: z.array(z.number()),
  z: z.array(z.number()).optional(),
  segment: z.array(z.number()),
  id: z.array(z.string()),
  points: z.array(z.object({ x: z.number(), y: z.number(), segment: z.number() })),
});

/** `?algorithm=` (default: the primary algorithm). */
export const algorithmQuery = z.object({ algorithm: z.string().min(1).max(100).optional() });

/** The silhouette body: per-segment values sorted descending. */
export const silhouetteSchema = z.object({
  algorithm: z.string(),
  method: z.enum(['exact', 'sample']),
  average: z.number().nullable(),
  total: z.number(),
  shown: z.number(),
  segments: z.array(
    z.object({ segment: z.number(), name: z.string(), values: z.array(z.number()) }),
  ),
});

/** `?feature=` (required). */
export const distributionQuery = z.object({ feature: z.string().min(1).max(500) });

const nullableNumber = z.number().nullable();

/** The distribution body: numeric (sample + summary) or categorical (counts). */
export const distributionSchema = z.union([
  z.object({
    feature: z.string(),
    kind: z.literal('numeric'),
    segments: z.array(
      z.object({
        segment: z.number(),
        name: z.string(),
        values: z.array(z.number()).describe('A sample of at most 2,000 values'),
        count: z.number(),
        min: nullableNumber,
        q1: nullableNumber,
        median: nullableNumber,
        q3: nullableNumber,
        max: nullableNumber,
        mean: nullableNumber,
      }),
    ),
  }),
  z.object({
    feature: z.string(),
    kind: z.literal('categorical'),
    categories: z.array(z.string()),
    segments: z.array(
      z.object({ segment: z.number(), name: z.string(), counts: z.array(z.number()) }),
    ),
  }),
]);

/** The features body. */
export const featuresSchema = z.object({
  features: z.array(z.object({ name: z.string(), kind: z.enum(['numeric', 'categorical']) })),
  columns: z
    .array(z.object({ name: z.string(), kind: z.enum(['numeric', 'categorical']) }))
    .describe('Every column with a distribution: the features, then the other input columns'),
  means: z.array(
    z.object({ segment: z.number(), name: z.string(), values: z.array(nullableNumber) }),
  ),
});

/** The model schema body (the predict form). */
export const modelSchemaSchema = z.object({
  idColumn: z.string().nullable(),
  features: z.array(
    z.union([
      z.object({
        name: z.string(),
        kind: z.literal('numeric'),
        min: z.number(),
        max: z.number(),
        median: z.number(),
        step: z.number(),
      }),
      z.object({
        name: z.string(),
        kind: z.literal('categorical'),
        categories: z.array(z.string()),
        mode: z.string().nullable(),
      }),
    ]),
  ),
});
