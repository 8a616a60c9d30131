/**
 * Zod schemas of the dataset routes (validation and the OpenAPI document come from these) and
 * the shared error body.
 */
import { z } from 'zod';

/** `{ error: { code, message, details } }`, the body of every error response. */
export const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()),
  }),
});

/** A dataset as the API returns it (Contract: id, name, rows, columns [{ name, type }]). */
export const datasetSchema = z.object({
  id: z.string(),
  name: z.string(),
  rows: z.number().int(),
  columns: z.array(z.object({ name: z.string(), type: z.string() })),
  format: z.string(),
  options: z
    .object({ delimiter: z.string().optional(), sheet: z.string().optional() })
    .describe('How the file is read: CSV delimiter, Excel sheet ({} = defaults).'),
  origin: z.enum(['upload', 'registered']),
  createdAt: z.string(),
});

/** `:id` path parameter. */
export const datasetIdParams = z.object({ id: z.string().min(1).max(100) });

/** `?offset=&limit=` of the rows route: offset >= 0 (default 0), 1 <= limit <= 1000 (default 100). */
export const rowsQuery = z.object({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

const scalar = z.union([z.number(), z.string()]).nullable();

/** One column's profile (see @segmint/data's ColumnProfile). */
export const columnProfileSchema = z.object({
  name: z.string(),
  type: z.string(),
  role: z.enum(['id', 'numeric', 'categorical', 'date', 'text']),
  count: z.number(),
  missing: z.number(),
  missingShare: z.number(),
  distinct: z.number(),
  min: scalar,
  max: scalar,
  mean: z.number().nullable(),
  std: z.number().nullable(),
  quantiles: z
    .object({ p5: z.number(), p25: z.number(), p50: z.number(), p75: z.number(), p95: z.number() })
    .nullable(),
  top: z.array(z.object({ value: z.string(), count: z.number() })),
  histogram: z.object({ edges: z.array(z.number()), counts: z.array(z.number()) }).nullable(),
});

/** `delimiter` and `sheet`: how to read an uploaded or registered file beyond its format. */
export const readOptionsFields = {
  delimiter: z
    .string()
    .refine((value) => value === 'tab' || value.length === 1, {
      message: "expected one character, or 'tab'",
    })
    .optional()
    .describe("CSV field delimiter: one character, or 'tab'; default sniffed."),
  sheet: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('Excel sheet to read; needed when the workbook has several.'),
};
