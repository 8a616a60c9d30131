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
import { pipelineInputSchema, SegmintError, type ErrorCode } from '@segmint/engine';
import { parseModelFile } from '@segmint/pipeline';
import type { RunModelFile } from '@segmint/pipeline';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { safeFileName } from '../datasets/paths.js';
import { ModelCache } from '../results/model-cache.js';
import { HttpError } from '../http/http-error.js';
import { parsePredictBody } from '../results/predict-body.js';
import { predictQuery, wantsCoordinates } from '../results/predict-coordinates.js';
import { predictionsToJson } from '../results/predict-json.js';
import { PREDICT_WORKER_MIN_BYTES, PredictPool } from '../results/predict-pool.js';
import { predictRows, predictRowsThroughFile, predictUpload } from '../results/predict-rows.js';
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
  coordinates: z
    .array(z.number())
    .optional()
    .describe("With ?coordinates=true: the row's position on the run's 3-D PCA map"),
  umapCoordinates: z
    .array(z.number())
    .optional()
    .describe(
      "With ?coordinates=true, once the run's UMAP map is computed: the row placed on it (2 numbers)",
    ),
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

/** A large body's bytes parsed as JSON in this thread (400 BAD_REQUEST when they are not JSON). */
function parseJsonBytes(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'),
    );
  } catch (error) {
    throw new HttpError(
      400,
      'BAD_REQUEST',
      `Body is not valid JSON: ${error instanceof Error ? error.message : String(error)}.`,
    );
  }
}

/** Sends JSON text or UTF-8 bytes as they are (no second serialisation). */
function sendJson(reply: FastifyReply, json: string | Buffer): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(json);
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

  // The predict route lives in its own scope so that its JSON parser can hand large bodies over
  // as raw bytes: they are decoded, parsed and scored in a worker thread, off the event loop.
  const predictPool = new PredictPool();
  instance.addHook('onClose', () => predictPool.close());
  void instance.register((scope, _options, done) => {
    const defaultJson = scope.getDefaultJsonParser('error', 'error');
    scope.addContentTypeParser(
      'application/json',
      { parseAs: 'buffer' },
      (request, body, parsed) => {
        const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
        if (bytes.byteLength >= PREDICT_WORKER_MIN_BYTES) parsed(null, bytes);
        else void defaultJson(request, bytes.toString('utf8'), parsed);
      },
    );
    const app = scope.withTypeProvider<ZodTypeProvider>();
    app.post(
      '/api/models/:id/predict',
      {
        config: { rateLimit: options.predictRateLimit },
        // Batch predict is the hot path: the response schema documents the route (OpenAPI) but is
        // not re-checked on the way out; JSON responses are written by predictionsToJson.
        serializerCompiler: () => (data) => JSON.stringify(data),
        schema: {
          summary:
            'Predict segments for JSON rows `{ rows: [...] }` or an uploaded file (multipart field `file`)',
          params: modelIdParams,
          querystring: predictQuery,
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
          const raw: unknown = request.body;
          // Map coordinates are added to a JSON-text reply by an onSend hook
          // (predict-coordinates.ts), so those requests stay in this thread whatever their size.
          const body =
            raw instanceof Uint8Array && wantsCoordinates(request.query)
              ? parseJsonBytes(raw)
              : raw;
          if (!(body instanceof Uint8Array)) {
            const rows = parsePredictBody(body);
            return sendJson(reply, predictionsToJson(await predictRows(record.path, file, rows)));
          }
          // A large body arrives as raw bytes (see the JSON parser above): score it in a worker.
          const outcome = await predictPool.run({
            modelPath: record.path,
            modelLabel: `model '${record.id}'`,
            body,
          });
          if (outcome instanceof Uint8Array) {
            return sendJson(
              reply,
              Buffer.from(outcome.buffer, outcome.byteOffset, outcome.byteLength),
            );
          }
          if (outcome.kind === 'error') {
            throw outcome.status === null
              ? new SegmintError(outcome.code as ErrorCode, outcome.message, outcome.details)
              : new HttpError(outcome.status, outcome.code, outcome.message, outcome.details);
          }
          const predictions = await predictRowsThroughFile(record.path, file, outcome.rows);
          return sendJson(reply, predictionsToJson(predictions));
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
    done();
  });
  return Promise.resolve();
}
