/**
 * Model routes (issue 5 Contract): list, metadata (id, run, creation time, input schema,
 * features, segments with names and sizes, read from the model file), delete, and predict: JSON
 * `{ rows: [...] }` or a multipart file (field `file`; `Accept: text/csv` returns CSV). Predict is
 * rate limited per client (429 RATE_LIMITED) with the limits given to the plugin.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { pipelineInputSchema, SegmintError } from '@segmint/engine';
import { parseModelFile } from '@segmint/pipeline';
import type { RunModelFile } from '@segmint/pipeline';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { safeFileName } from '../datasets/paths.js';
import { ModelCache } from '../results/model-cache.js';
import { parsePredictBody } from '../results/predict-body.js';
import { predictRows, predictUpload } from '../results/predict-rows.js';
import type { Catalog, ModelRecord } from '../store/catalog.js';
import { errorSchema } from './dataset-schemas.js';

/** Options of {@link modelRoutes}. */
export interface ModelRoutesOptions {
  /** Requests per window per client on the predict route. */
  predictRateLimit: { max: number; timeWindow: string | number };
}

const modelIdParams = z.object({ id: z.string().min(1).max(100) });

/** Model metadata as the API returns it. */
export const modelSchema = z.object({
  id: z.string(),
  runId: z.string(),
  createdAt: z.string(),
  algorithm: z.string(),
  idColumn: z.string().nullable(),
  input: z.array(z.object({ name: z.string(), kind: z.enum(['numeric', 'categorical']) })),
  features: z.object({ numeric: z.array(z.string()), categorical: z.array(z.string()) }),
  derived: z.array(z.string()),
  rfm: z.boolean(),
  trainingRows: z.number(),
  segments: z.array(z.object({ id: z.number(), name: z.string(), size: z.number() })),
});

const predictionSchema = z.object({
  id: z.unknown(),
  segment: z.number(),
  segmentName: z.string(),
  confidence: z.number(),
  outOfDistribution: z.boolean(),
  outlier: z.boolean(),
});

async function requireModel(catalog: Catalog, id: string): Promise<ModelRecord> {
  const model = await catalog.getModel(id);
  if (model === null) {
    throw new SegmintError('NOT_FOUND', `Model '${id}' not found.`, { parameter: 'id', value: id });
  }
  return model;
}

async function readModel(record: ModelRecord): Promise<RunModelFile> {
  let text: string;
  try {
    text = await readFile(record.path, 'utf8');
  } catch (error) {
    throw new SegmintError(
      'NOT_FOUND',
      `The file of model '${record.id}' is missing.`,
      { id: record.id },
      { cause: error },
    );
  }
  return parseModelFile(text, `model '${record.id}'`);
}

function describeModel(record: ModelRecord, file: RunModelFile): z.infer<typeof modelSchema> {
  const { model, run } = file;
  return {
    id: record.id,
    runId: record.runId,
    createdAt: record.createdAt,
    algorithm: model.clusterer.algorithm,
    idColumn: run.id,
    input: pipelineInputSchema(model.pipeline),
    features: run.features,
    derived: run.derive.map(
      (recipe) => recipe.name ?? ('column' in recipe ? recipe.column : recipe.type),
    ),
    rfm: run.transactions !== null,
    trainingRows: model.trainingRows,
    segments: model.segments.map((s) => ({ id: s.id, name: s.name, size: s.size })),
  };
}

/** Registers the /api/models routes. */
export function modelRoutes(instance: FastifyInstance, options: ModelRoutesOptions): Promise<void> {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const { catalog } = instance;
  const modelCache = new ModelCache(async (id) => {
    const record = await requireModel(catalog, id);
    return { record, file: await readModel(record) };
  });

  app.get(
    '/api/models',
    {
      schema: {
        summary: 'List models, newest first',
        response: { 200: z.object({ models: z.array(modelSchema) }) },
      },
    },
    async () => {
      const records = await catalog.listModels();
      const models = await Promise.all(
        records.map(async (record) => describeModel(record, await readModel(record))),
      );
      return { models };
    },
  );

  app.get(
    '/api/models/:id',
    {
      schema: {
        summary: 'Model metadata: input schema, features, segments with names and sizes',
        params: modelIdParams,
        response: { 200: modelSchema, 404: errorSchema, 422: errorSchema },
      },
    },
    async (request) => {
      const record = await requireModel(catalog, request.params.id);
      return describeModel(record, await readModel(record));
    },
  );

  app.delete(
    '/api/models/:id',
    {
      schema: {
        summary: "Remove a model from the catalog (the run's output files are kept)",
        params: modelIdParams,
        response: { 204: z.null(), 404: errorSchema },
      },
    },
    async (request, reply) => {
      const record = await requireModel(catalog, request.params.id);
      modelCache.delete(record.id);
      await catalog.deleteModel(record.id);
      modelCache.delete(record.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/models/:id/predict',
    {
      config: { rateLimit: options.predictRateLimit },
      // Batch predict is the hot path: the response schema documents the route (OpenAPI) but is
      // not re-checked on the way out (the rows come from our own typed code; checking 1,000
      // predictions cost as much as JSON.stringify itself in profiles).
      serializerCompiler: () => (data) => JSON.stringify(data),
      schema: {
        summary:
          'Predict segments for JSON rows `{ rows: [...] }` or an uploaded file (multipart field `file`)',
        params: modelIdParams,
        response: {
          200: z.object({ predictions: z.array(predictionSchema) }),
          400: errorSchema,
          404: errorSchema,
          422: errorSchema,
          429: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const { record, file } = await modelCache.get(request.params.id);
      if (!request.isMultipart()) {
        const rows = parsePredictBody(request.body);
        return { predictions: await predictRows(record.path, file, rows) };
      }
      const part = await request.file();
      if (part?.fieldname !== 'file') {
        throw new SegmintError(
          'INVALID_PARAMETER',
          "Upload the file in the multipart field 'file'.",
          { parameter: 'file' },
        );
      }
      const wantsCsv = (request.headers.accept ?? '').includes('text/csv');
      const name = safeFileName(part.filename);
      const result = await predictUpload(
        record.path,
        async (folder) => {
          const target = join(folder, extname(name) === '' ? `${name}.csv` : name);
          await pipeline(part.file, createWriteStream(target));
          return target;
        },
        part.filename,
        wantsCsv ? 'csv' : 'json',
      );
      if (result.csv !== null) {
        // A Buffer bypasses the JSON serializer.
        const plain: FastifyReply = reply;
        return plain.type('text/csv; charset=utf-8').send(Buffer.from(result.csv, 'utf8'));
      }
      return { predictions: result.predictions };
    },
  );
  return Promise.resolve();
}
