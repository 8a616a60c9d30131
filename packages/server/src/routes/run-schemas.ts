/**
 * Zod schemas of the run routes (validation and the OpenAPI document come from these).
 */
import { z } from 'zod';

/** Run states (Contract). */
export const runStatusSchema = z.enum([
  'queued',
  'running',
  'succeeded',
  'failed',
  'cancelled',
  'interrupted',
]);

/** A run as the API returns it (Contract: id, status, progress, error?, modelId?). */
export const runSchema = z.object({
  id: z.string(),
  status: runStatusSchema,
  progress: z.number(),
  error: z
    .object({ code: z.string(), message: z.string(), details: z.unknown().optional() })
    .optional(),
  modelId: z.string().optional(),
  datasetId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** `POST /api/runs` body: the dataset and a config without `source`/`output`. */
export const createRunBody = z.object({
  datasetId: z.string().min(1).max(100),
  config: z
    .union([z.string().max(1_000_000), z.record(z.string(), z.unknown())])
    .describe(
      'The config without source and output: a JSON object, { yaml: "<text>" } or YAML text.',
    ),
});

/** 202 body of create, cancel and rerun. */
export const acceptedRunSchema = z.object({ id: z.string(), status: runStatusSchema });

/** `:id` path parameter. */
export const runIdParams = z.object({ id: z.string().min(1).max(100) });
