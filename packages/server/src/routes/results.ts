/**
 * Run result routes (issue 5 Contract): a page of segment assignments, report.json, report.html,
 * the segments as a download (csv, parquet or a JSON array); the maps and other chart data are in
 * dashboard.ts. Unknown runs give 404; runs without results (not 'succeeded') give 409
 * RUN_NOT_FINISHED.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  RESULT_FILES,
  readAllSegments,
  readReport,
  readSegmentsPage,
  requireFinishedRun,
} from '../results/run-results.js';
import { errorSchema } from './dataset-schemas.js';
import { exportQuery, runIdParams, segmentRowSchema, segmentsQuery } from './results-schemas.js';

const EXPORT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  parquet: 'application/vnd.apache.parquet',
  json: 'application/json; charset=utf-8',
} as const;

/** Registers the /api/runs/:id result routes. */
export function resultRoutes(instance: FastifyInstance): Promise<void> {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const { catalog } = instance;
  const errors = { 400: errorSchema, 404: errorSchema, 409: errorSchema };

  app.get(
    '/api/runs/:id/segments',
    {
      schema: {
        summary: "A page of a run's segment assignments (limit at most 1000)",
        params: runIdParams,
        querystring: segmentsQuery,
        response: {
          200: z.object({ total: z.number(), rows: z.array(segmentRowSchema) }),
          ...errors,
        },
      },
    },
    async (request) => {
      const run = await requireFinishedRun(catalog, request.params.id);
      const page = await readSegmentsPage(run.outputDir, request.query);
      return page as { total: number; rows: z.infer<typeof segmentRowSchema>[] };
    },
  );

  app.get(
    '/api/runs/:id/report',
    {
      schema: {
        summary: "A run's report.json",
        params: runIdParams,
        response: { 200: z.record(z.string(), z.unknown()), ...errors },
      },
    },
    async (request) => {
      const run = await requireFinishedRun(catalog, request.params.id);
      return readReport(run.outputDir);
    },
  );

  app.get(
    '/api/runs/:id/report.html',
    {
      schema: { summary: "A run's self-contained HTML report", params: runIdParams },
    },
    async (request, reply) => {
      const run = await requireFinishedRun(catalog, request.params.id);
      const html = await readFile(join(run.outputDir, RESULT_FILES.reportHtml), 'utf8');
      return reply.type('text/html; charset=utf-8').send(html);
    },
  );

  app.get(
    '/api/runs/:id/export',
    {
      schema: {
        summary: 'Download the segments as csv, parquet or a JSON array',
        params: runIdParams,
        querystring: exportQuery,
      },
    },
    async (request, reply) => {
      const run = await requireFinishedRun(catalog, request.params.id);
      const { format } = request.query;
      const body =
        format === 'json'
          ? JSON.stringify(await readAllSegments(run.outputDir))
          : await readFile(
              join(
                run.outputDir,
                format === 'csv' ? RESULT_FILES.segmentsCsv : RESULT_FILES.segmentsParquet,
              ),
            );
      return reply
        .type(EXPORT_TYPES[format])
        .header('content-disposition', `attachment; filename="segments-${run.id}.${format}"`)
        .send(body);
    },
  );

  return Promise.resolve();
}
