/**
 * Zod schemas of the run result routes (segments, report, export; the projection is in dashboard-schemas.ts).
 */
import { z } from 'zod';

/** `:id` of a run. */
export const runIdParams = z.object({ id: z.string().min(1).max(100) });

/**
 * `?segment=&offset=&limit=`: segment >= -1 (-1: the noise rows of dbscan / hdbscan runs), limit
 * in [1, 1000] (default 100), offset >= 0 (default 0).
 */
export const segmentsQuery = z.object({
  segment: z.coerce.number().int().min(-1).optional(),
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
