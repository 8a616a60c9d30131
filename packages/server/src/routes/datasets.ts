/**
 * Dataset routes (issue 5 Contract): upload (multipart field `file`, streamed to
 * `<dataDir>/datasets/<id>/<safe name>`, then loaded once to learn rows and columns), register a
 * server-side path under the allowed roots, list, profile, paged rows, delete. A file the data
 * layer rejects gives 422 with its message and the upload is removed. Profiles and loaded files
 * are cached for the preview routes (datasets/dataset-cache.ts).
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { isSegmintError, SegmintError } from '@segmint/engine';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { safeFileName, resolveRegisteredPath } from '../datasets/paths.js';
import { DatasetCache } from '../datasets/dataset-cache.js';
import { DATASET_FORMATS, describeDataset } from '../datasets/read-dataset.js';
import { HttpError } from '../http/http-error.js';
import type { Catalog, DatasetRecord } from '../store/catalog.js';
import {
  columnProfileSchema,
  datasetIdParams,
  datasetSchema,
  errorSchema,
  readOptionsFields,
  rowsQuery,
} from './dataset-schemas.js';

function toApi(dataset: DatasetRecord): z.infer<typeof datasetSchema> {
  return {
    id: dataset.id,
    name: dataset.name,
    rows: dataset.rows,
    columns: dataset.columns,
    format: dataset.format,
    options: dataset.options ?? {},
    origin: dataset.origin,
    createdAt: dataset.createdAt,
  };
}

/** The read options a client gave (only those set). */
function readOptions(given: { delimiter?: string | undefined; sheet?: string | undefined }): {
  delimiter?: string;
  sheet?: string;
} {
  return {
    ...(given.delimiter === undefined
      ? {}
      : { delimiter: given.delimiter === 'tab' ? '\t' : given.delimiter }),
    ...(given.sheet === undefined ? {} : { sheet: given.sheet }),
  };
}

/** The dataset or a 404 NOT_FOUND naming the id. */
export async function requireDataset(catalog: Catalog, id: string): Promise<DatasetRecord> {
  const dataset = await catalog.getDataset(id);
  if (dataset === null) {
    throw new SegmintError('NOT_FOUND', `Dataset '${id}' not found.`, {
      parameter: 'id',
      value: id,
    });
  }
  return dataset;
}

function isFileTooLarge(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'FST_REQ_FILE_TOO_LARGE';
}

/**
 * The data layer names the file it read; for uploads that is a server path, so the client sees
 * its own file name instead.
 */
function hideServerPath(error: unknown, serverPath: string, clientName: string): unknown {
  if (!isSegmintError(error) || !error.message.includes(serverPath)) return error;
  const details = Object.fromEntries(
    Object.entries(error.details).map(([key, value]) => [
      key,
      value === serverPath ? clientName : value,
    ]),
  );
  return new SegmintError(error.code, error.message.replaceAll(serverPath, clientName), details, {
    cause: error,
  });
}

/** Registers the /api/datasets routes. */
export function datasetRoutes(instance: FastifyInstance): Promise<void> {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const { catalog, segmint: settings } = instance;
  const formatQuery = z.object({
    format: z.enum(DATASET_FORMATS).optional(),
    ...readOptionsFields,
  });
  const cache = new DatasetCache();
  instance.addHook('onClose', () => cache.close());

  app.post(
    '/api/datasets',
    {
      schema: {
        summary: 'Upload a dataset (multipart field `file`)',
        consumes: ['multipart/form-data'],
        querystring: formatQuery,
        response: { 201: datasetSchema, 400: errorSchema, 413: errorSchema, 422: errorSchema },
      },
    },
    async (request, reply) => {
      const part = await request.file();
      if (part?.fieldname !== 'file') {
        throw new SegmintError(
          'INVALID_PARAMETER',
          "Upload the file in the multipart field 'file'.",
          {
            parameter: 'file',
          },
        );
      }
      const id = randomUUID();
      const folder = join(settings.dataDir, 'datasets', id);
      const target = join(folder, safeFileName(part.filename));
      await mkdir(folder, { recursive: true });
      try {
        const tooLarge = (): HttpError =>
          new HttpError(
            413,
            'PAYLOAD_TOO_LARGE',
            `The upload exceeds the limit of ${settings.maxUploadBytes} bytes.`,
            { limit: settings.maxUploadBytes },
          );
        try {
          await pipeline(part.file, createWriteStream(target));
        } catch (error) {
          throw isFileTooLarge(error) ? tooLarge() : error;
        }
        // busboy ends a file stream at the size limit and flags it instead of failing it.
        if (part.file.truncated) throw tooLarge();
        const options = readOptions(request.query);
        const described = await describeDataset(target, request.query.format, options);
        const dataset: DatasetRecord = {
          id,
          name: part.filename === '' ? basename(target) : basename(part.filename),
          path: target,
          format: described.format,
          options,
          rows: described.rows,
          columns: described.columns,
          origin: 'upload',
          createdAt: new Date().toISOString(),
        };
        await catalog.addDataset(dataset);
        return await reply.code(201).send(toApi(dataset));
      } catch (error) {
        await rm(folder, { recursive: true, force: true });
        throw hideServerPath(error, target, part.filename);
      }
    },
  );

  app.post(
    '/api/datasets/register',
    {
      schema: {
        summary: 'Register a server-side file under an allowed root',
        body: z.object({
          path: z.string().min(1).max(4096),
          name: z.string().min(1).max(200).optional(),
          format: z.enum(DATASET_FORMATS).optional(),
          ...readOptionsFields,
        }),
        response: { 201: datasetSchema, 403: errorSchema, 404: errorSchema, 422: errorSchema },
      },
    },
    async (request, reply) => {
      const path = await resolveRegisteredPath(request.body.path, settings.allowedRoots);
      const options = readOptions(request.body);
      const described = await describeDataset(path, request.body.format, options);
      const dataset: DatasetRecord = {
        id: randomUUID(),
        name: request.body.name ?? basename(path),
        path,
        format: described.format,
        options,
        rows: described.rows,
        columns: described.columns,
        origin: 'registered',
        createdAt: new Date().toISOString(),
      };
      await catalog.addDataset(dataset);
      return reply.code(201).send(toApi(dataset));
    },
  );

  app.get(
    '/api/datasets',
    {
      schema: {
        summary: 'List datasets, newest first',
        response: { 200: z.object({ datasets: z.array(datasetSchema) }) },
      },
    },
    async () => ({ datasets: (await catalog.listDatasets()).map(toApi) }),
  );

  app.get(
    '/api/datasets/:id',
    {
      schema: {
        summary: 'One dataset',
        params: datasetIdParams,
        response: { 200: datasetSchema, 404: errorSchema },
      },
    },
    async (request) => toApi(await requireDataset(catalog, request.params.id)),
  );

  app.get(
    '/api/datasets/:id/profile',
    {
      schema: {
        summary: 'Column profile of a dataset',
        params: datasetIdParams,
        response: { 200: z.object({ columns: z.array(columnProfileSchema) }), 404: errorSchema },
      },
    },
    async (request) => {
      const dataset = await requireDataset(catalog, request.params.id);
      return { columns: await cache.profile(dataset) };
    },
  );

  app.get(
    '/api/datasets/:id/rows',
    {
      schema: {
        summary: 'A page of rows (limit at most 1000)',
        params: datasetIdParams,
        querystring: rowsQuery,
        response: {
          200: z.object({
            total: z.number(),
            offset: z.number(),
            limit: z.number(),
            columns: z.array(z.string()),
            rows: z.array(z.record(z.string(), z.unknown())),
          }),
          400: errorSchema,
          404: errorSchema,
        },
      },
    },
    async (request) => {
      const dataset = await requireDataset(catalog, request.params.id);
      const { offset, limit } = request.query;
      const page = await cache.rows(dataset, offset, limit);
      return { ...page, offset, limit };
    },
  );

  app.delete(
    '/api/datasets/:id',
    {
      schema: {
        summary: 'Delete a dataset (an uploaded file is removed; a registered file is kept)',
        params: datasetIdParams,
        response: { 204: z.null(), 404: errorSchema },
      },
    },
    async (request, reply) => {
      const dataset = await requireDataset(catalog, request.params.id);
      await catalog.deleteDataset(dataset.id);
      await cache.forget(dataset.id);
      if (dataset.origin === 'upload') {
        await rm(join(settings.dataDir, 'datasets', dataset.id), { recursive: true, force: true });
      }
      return reply.code(204).send(null);
    },
  );
  return Promise.resolve();
}
