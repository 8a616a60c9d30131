/**
 * `POST /api/models/:id/predict?coordinates=true`: each prediction also gets `coordinates`, the
 * row's position (3 numbers) in its run's 3-D PCA map (dashboard.json), so the dashboard can star
 * a predicted customer on the map, and `umapCoordinates` (2 numbers) when the run's UMAP map has
 * been computed (umap-place.ts). Implemented as an onSend hook on the predict route: the
 * predictions are computed as usual (same fast paths, same errors), then the JSON rows of the
 * request are placed with `mapCoordinates` (the model's preprocessing and reduction, then the
 * map's PCA) and the coordinates added in order. Only JSON bodies (`{ rows }`) can ask for
 * coordinates; rows of models with derived or RFM features are placed from the columns given
 * (derived columns missing from a row are imputed as in training).
 */
import { readFile } from 'node:fs/promises';
import type { SegmentationModel } from '@segmint/engine';
import { clusteringRows, mapCoordinatesOf, parseModelFile } from '@segmint/pipeline';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { HttpError } from '../http/http-error.js';
import type { Catalog } from '../store/catalog.js';
import { readDashboard } from './dashboard-results.js';
import { LruCache } from './lru-cache.js';
import { UmapPlacePool } from './umap-place.js';
import { requireFinishedRun } from './run-results.js';

/** `?coordinates=true|false` of the predict route (documented in its OpenAPI entry). */
export const predictQuery = z.object({
  coordinates: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .describe("Add each row's position on the run's 3-D PCA map (JSON rows only)"),
});

/** The predict route this hook extends. */
export const PREDICT_ROUTE = '/api/models/:id/predict';

/** True for `?coordinates=true` (or `1`). */
export function wantsCoordinates(query: unknown): boolean {
  if (query === null || typeof query !== 'object') return false;
  const value = (query as Record<string, unknown>).coordinates;
  return value === 'true' || value === '1' || value === true;
}

function requestRows(body: unknown): Record<string, unknown>[] {
  // Large bodies reach the route as bytes (see routes/models.ts); the route has parsed them.
  const text =
    body instanceof Uint8Array
      ? Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8')
      : body;
  const parsed: unknown = typeof text === 'string' ? JSON.parse(text) : text;
  const rows = (parsed as { rows?: unknown } | null)?.rows;
  if (!Array.isArray(rows)) {
    throw new HttpError(
      400,
      'INVALID_PARAMETER',
      "'coordinates=true' needs a JSON body { rows: [...] } (not a file upload).",
      { parameter: 'coordinates' },
    );
  }
  return rows as Record<string, unknown>[];
}

/**
 * Adds `coordinates` to each prediction of a predict response body.
 * @param catalog - to find the model's file and its run's dashboard.json.
 * @param modelId - the route's `:id`.
 * @param rows - the request's rows, in order.
 * @param payload - the JSON text the route produced (`{ predictions: [...] }`).
 * @throws HttpError 404 NO_DASHBOARD when the model's run has no dashboard.json.
 */
export async function addCoordinates(
  catalog: Catalog,
  models: LruCache<string, Promise<SegmentationModel>>,
  umapPlaces: UmapPlacePool,
  modelId: string,
  rows: readonly Record<string, unknown>[],
  payload: string,
): Promise<string> {
  const record = await catalog.getModel(modelId);
  if (record === null) return payload;
  const run = await requireFinishedRun(catalog, record.runId);
  const dashboard = await readDashboard(run.id, run.outputDir);
  let loading = models.get(record.path);
  if (loading === undefined) {
    loading = readFile(record.path, 'utf8').then(
      (text) => parseModelFile(text, `model '${record.id}'`).model,
    );
    models.set(record.path, loading);
    loading.catch(() => {
      models.delete(record.path);
    });
  }
  // The rows' clustering-space form, computed once for both maps.
  const X = clusteringRows(await loading, rows);
  const coordinates = mapCoordinatesOf(X, dashboard.projection);
  // When the run's UMAP map has been computed, the rows are placed on it too (in a worker).
  const umap = await umapPlaces.place(run.outputDir, X);
  const body = JSON.parse(payload) as { predictions: Record<string, unknown>[] };
  body.predictions = body.predictions.map((prediction, index) => ({
    ...prediction,
    coordinates: coordinates[index] ?? null,
    ...(umap === null ? {} : { umapCoordinates: umap[index] ?? null }),
  }));
  return JSON.stringify(body);
}

/** Registers the onSend hook that honours `?coordinates=true` on the predict route. */
export function registerPredictCoordinates(app: FastifyInstance): void {
  const models = new LruCache<string, Promise<SegmentationModel>>(8);
  const umapPlaces = new UmapPlacePool();
  app.addHook('onClose', () => umapPlaces.close());
  app.addHook(
    'onSend',
    async (request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> => {
      if (request.routeOptions.url !== PREDICT_ROUTE || !wantsCoordinates(request.query)) {
        return payload;
      }
      if (reply.statusCode !== 200 || typeof payload !== 'string') return payload;
      if (request.isMultipart()) return payload;
      const { id } = request.params as { id: string };
      return addCoordinates(
        app.catalog,
        models,
        umapPlaces,
        id,
        requestRows(request.body),
        payload,
      );
    },
  );
}
