/**
 * The UMAP map of a run, beside the PCA map: computed on request from dashboard.json's
 * `umapSample` (up to 2,000 points of the clustering space, stratified by segment) on a worker
 * thread (`umapInWorker`: the event loop never runs it), then kept as `umap.json` in the run's
 * folder (written atomically) so later requests and restarts reuse it. Concurrent requests for
 * the same run share one computation. Seeded, so the map is reproducible.
 */
import { randomUUID } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { umapToJSON } from '@segmint/engine';
import { umapInWorker } from '@segmint/engine/node';
import type { DashboardFile } from '@segmint/pipeline';
import { HttpError } from '../http/http-error.js';
import { pickAlgorithm, samplingStatement, type ProjectionBody } from './dashboard-results.js';

/** The file a run's UMAP map is kept in. */
export const UMAP_FILE = 'umap.json';

/**
 * What umap.json holds: the 2-D embedding of the sample (aligned with `umapSample.index`) and the
 * fitted UMAP model (`umapToJSON`), which places new rows on the map (umap-place.ts).
 */
export interface UmapFile {
  readonly format: 'segmint.umap-map';
  readonly version: 1;
  readonly x: number[];
  readonly y: number[];
  /** Absent in files written before new rows could be placed. */
  readonly model?: unknown;
}

const pending = new Map<string, Promise<UmapFile>>();

async function compute(outputDir: string, dashboard: DashboardFile): Promise<UmapFile> {
  const sample = dashboard.umapSample!;
  const rows = sample.index.length;
  const model = await umapInWorker(
    { data: Float64Array.from(sample.data), rows, cols: sample.cols },
    { components: 2, neighbors: Math.min(15, rows - 1), seed: 0 },
  );
  const { embedding } = model;
  const file: UmapFile = {
    format: 'segmint.umap-map',
    version: 1,
    x: Array.from({ length: rows }, (_, i) => embedding.data[i * 2]!),
    y: Array.from({ length: rows }, (_, i) => embedding.data[i * 2 + 1]!),
    model: umapToJSON(model),
  };
  const target = join(outputDir, UMAP_FILE);
  const temporary = `${target}.${randomUUID()}.tmp`;
  await writeFile(temporary, JSON.stringify(file));
  await rename(temporary, target);
  return file;
}

async function umapFile(outputDir: string, dashboard: DashboardFile): Promise<UmapFile> {
  try {
    return JSON.parse(await readFile(join(outputDir, UMAP_FILE), 'utf8')) as UmapFile;
  } catch {
    // Not computed yet.
  }
  let running = pending.get(outputDir);
  if (running === undefined) {
    running = compute(outputDir, dashboard).finally(() => pending.delete(outputDir));
    pending.set(outputDir, running);
  }
  return running;
}

/**
 * The UMAP route's body, shaped as the projection route's (method 'umap', 2 dims).
 * @throws HttpError 404 NO_UMAP for runs written before the UMAP sample existed, or with too
 *   few points; 404 UNKNOWN_ALGORITHM.
 */
export async function umapBody(
  outputDir: string,
  dashboard: DashboardFile,
  algorithm: string | undefined,
): Promise<ProjectionBody> {
  const chosen = pickAlgorithm(dashboard, algorithm);
  const sample = dashboard.umapSample;
  if (sample === undefined || sample.index.length < 3) {
    throw new HttpError(
      404,
      'NO_UMAP',
      sample === undefined
        ? 'This run has no UMAP sample (it was written before UMAP maps existed); re-run it.'
        : 'A UMAP map needs at least 3 points.',
    );
  }
  const { x, y } = await umapFile(outputDir, dashboard);
  const { projection } = dashboard;
  const labels = projection.labels[chosen] ?? [];
  const segment = sample.index.map((j) => labels[j]!);
  const shown = sample.index.length;
  const sampling =
    shown < projection.total
      ? `UMAP of ${shown.toLocaleString('en-US')} of ${projection.total.toLocaleString('en-US')} points, sampled per segment.`
      : samplingStatement(shown, projection.total);
  return {
    method: 'umap',
    dims: 2,
    algorithm: chosen,
    explainedVarianceRatio: [],
    total: projection.total,
    shown,
    sampled: shown < projection.total,
    sampling,
    x,
    y,
    segment,
    id: sample.index.map((j) => projection.id[j]!),
    points: x.map((value, i) => ({ x: value, y: y[i]!, segment: segment[i]! })),
  };
}
