/**
 * Dashboard routes (issue 6): a run's 2-D/3-D projection coloured by any compared algorithm,
 * silhouette plot data, a feature's distribution by segment, the features with raw means, and a
 * model's predict-form schema; all read from the run's dashboard.json. Unknown runs and models
 * give 404 NOT_FOUND, runs without results 409 RUN_NOT_FINISHED, unknown algorithms or features
 * 404 UNKNOWN_ALGORITHM / UNKNOWN_FEATURE, runs older than dashboard.json 404 NO_DASHBOARD.
 */
import { SegmintError } from '@segmint/engine';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  distributionBody,
  featuresBody,
  projectionBody,
  readDashboard,
  silhouetteBody,
} from '../results/dashboard-results.js';
import { readReport, requireFinishedRun } from '../results/run-results.js';
import { umapBody } from '../results/umap-map.js';
import type { Catalog } from '../store/catalog.js';
import {
  algorithmQuery,
  distributionQuery,
  distributionSchema,
  featuresSchema,
  modelSchemaSchema,
  projectionQuery,
  projectionSchema,
  silhouetteSchema,
} from './dashboard-schemas.js';
import { HttpError } from '../http/http-error.js';
import { errorSchema } from './dataset-schemas.js';
import { runIdParams } from './results-schemas.js';

/** report.json's `dendrogram` (pipeline run/dendrogram-stage.ts). */
const dendrogramSchema = z.object({
  algorithm: z.literal('agglomerative'),
  linkage: z.string(),
  rows: z.number().describe('Rows clustered (leaves before truncation).'),
  cutHeight: z.number().nullable().describe('Merge height of the cut that gives the segments.'),
  truncatedTo: z.number().nullable().describe('Leaves shown when truncated.'),
  icoord: z
    .array(z.array(z.number()))
    .describe("Each link's 4 x coordinates (leaf j at 10 j + 5)."),
  dcoord: z.array(z.array(z.number())).describe("Each link's 4 heights."),
  colors: z.array(z.number()).describe('Colour group per link; -1 above the cut.'),
  leaves: z.array(z.number()),
  leafLabels: z.array(z.string()),
  leafSizes: z.array(z.number()),
});

/** The response bodies come from our own typed code: documented, not re-checked on the way out. */
const plainJson = { serializerCompiler: () => (data: unknown) => JSON.stringify(data) };

async function finishedDashboard(catalog: Catalog, id: string) {
  const run = await requireFinishedRun(catalog, id);
  return readDashboard(run.id, run.outputDir);
}

/** Registers the dashboard routes. */
export function dashboardRoutes(instance: FastifyInstance): Promise<void> {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const { catalog } = instance;
  const errors = { 400: errorSchema, 404: errorSchema, 409: errorSchema };

  app.get(
    '/api/runs/:id/projection',
    {
      ...plainJson,
      schema: {
        summary:
          'PCA map (2-D or 3-D) of the clustered rows, coloured by an algorithm, sampled per segment',
        params: runIdParams,
        querystring: projectionQuery,
        response: { 200: projectionSchema, ...errors },
      },
    },
    async (request) =>
      projectionBody(await finishedDashboard(catalog, request.params.id), request.query),
  );

  app.get(
    '/api/runs/:id/silhouette',
    {
      ...plainJson,
      schema: {
        summary: 'Per-sample silhouette values by segment (a stratified sample beyond the cap)',
        params: runIdParams,
        querystring: algorithmQuery,
        response: { 200: silhouetteSchema, ...errors },
      },
    },
    async (request) =>
      silhouetteBody(await finishedDashboard(catalog, request.params.id), request.query.algorithm),
  );

  app.get(
    '/api/runs/:id/distribution',
    {
      ...plainJson,
      schema: {
        summary: "A feature's raw distribution by segment (numeric sample + summary, or counts)",
        params: runIdParams,
        querystring: distributionQuery,
        response: { 200: distributionSchema, ...errors },
      },
    },
    async (request) =>
      distributionBody(await finishedDashboard(catalog, request.params.id), request.query.feature),
  );

  app.get(
    '/api/runs/:id/umap',
    {
      ...plainJson,
      schema: {
        summary:
          'UMAP map (2-D) of up to 2,000 points sampled per segment, coloured by an algorithm; computed on a worker thread on first request, then kept with the run',
        params: runIdParams,
        querystring: algorithmQuery,
        response: { 200: projectionSchema, ...errors },
      },
    },
    async (request) => {
      const run = await requireFinishedRun(catalog, request.params.id);
      const dashboard = await readDashboard(run.id, run.outputDir);
      return umapBody(run.outputDir, dashboard, request.query.algorithm);
    },
  );

  app.get(
    '/api/runs/:id/dendrogram',
    {
      ...plainJson,
      schema: {
        summary:
          "The dendrogram of the run's agglomerative fit (SciPy-style links, truncated to the last merges; 404 NO_DENDROGRAM for other algorithms)",
        params: runIdParams,
        response: { 200: dendrogramSchema, ...errors },
      },
    },
    async (request) => {
      const run = await requireFinishedRun(catalog, request.params.id);
      const report = await readReport(run.outputDir);
      if (report.dendrogram === null || report.dendrogram === undefined) {
        throw new HttpError(
          404,
          'NO_DENDROGRAM',
          `Run '${run.id}' has no dendrogram: only runs that include 'agglomerative' in clustering.algorithm have one.`,
          { id: run.id },
        );
      }
      return report.dendrogram as z.infer<typeof dendrogramSchema>;
    },
  );

  app.get(
    '/api/runs/:id/features',
    {
      schema: {
        summary: "The run's features and their raw per-segment means",
        params: runIdParams,
        response: { 200: featuresSchema, ...errors },
      },
    },
    async (request) => featuresBody(await finishedDashboard(catalog, request.params.id)),
  );

  app.get(
    '/api/models/:id/schema',
    {
      schema: {
        summary: "The model's input columns with the data's ranges or categories (predict form)",
        params: z.object({ id: z.string().min(1).max(100) }),
        response: { 200: modelSchemaSchema, 404: errorSchema, 409: errorSchema },
      },
    },
    async (request) => {
      const model = await catalog.getModel(request.params.id);
      if (model === null) {
        throw new SegmintError('NOT_FOUND', `Model '${request.params.id}' not found.`, {
          parameter: 'id',
          value: request.params.id,
        });
      }
      return (await finishedDashboard(catalog, model.runId)).schema;
    },
  );
  return Promise.resolve();
}
