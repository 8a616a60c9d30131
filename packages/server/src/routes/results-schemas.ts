/**
 * Zod schemas of the run result routes (segments, report, export, projection).
 */
import { z } from 'zod';

/** `:id` of a run. */
export const runIdParams = z.object({ id: z.string().min(1).max(100) });

/** `?segment=&offset=&limit=`: limit in [1, 1000] (default 100), offset >= 0 (default 0). */
export const segmentsQuery = z.object({
  segment: z.coerce.number().int().min(0).optional(),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

/** One assignment row (Contract: id, segment, segmentName, confidence; more fields when present). */
export const segmentRowSchema = z
  .object({
    id: z.unknown(),
    segment: z.number(),
    segmentName: z.string(),
    confidence: z.number().nullable(),
    outOfDistribution: z.boolean().optional(),
    outlier: z.boolean().optional(),
  })
  .catchall(z.unknown());

/** `?format=csv|parquet|json` of the export route. */
export const exportQuery = z.object({ format: z.enum(['csv', 'parquet', 'json']).default('csv') });

/** `?maxPoints=` of the projection route: [1, 5000], default 5000. */
export const projectionQuery = z.object({
  maxPoints: z.coerce.number().int().min(1).max(5000).default(5000),
});

/** The projection body. */
export const projectionSchema = z.object({
  method: z.string(),
  explainedVarianceRatio: z.array(z.number()),
  points: z.array(z.object({ x: z.number(), y: z.number(), segment: z.number() })),
  total: z.number(),
  shown: z.number(),
  sampled: z.boolean(),
});
