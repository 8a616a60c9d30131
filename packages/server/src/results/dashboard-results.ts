/**
 * The dashboard's chart data, read from a finished run's dashboard.json (written by the
 * pipeline): the projection (2-D or 3-D, coloured by any compared algorithm, thinned per segment
 * with the sampling stated in words), the silhouette plot, a feature's distribution by segment,
 * the features with their raw means, and the predict form's schema. Parsed files are kept in a
 * small LRU (a run's outputs never change once it has succeeded).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DASHBOARD_FILE, parseDashboard, stratifiedSample } from '@segmint/pipeline';
import type { DashboardDistribution, DashboardFile, DashboardSilhouette } from '@segmint/pipeline';
import { HttpError } from '../http/http-error.js';
import { LruCache } from './lru-cache.js';

/** Parsed dashboard.json files kept in memory. */
export const DASHBOARD_CACHE_SIZE = 8;

const cache = new LruCache<string, Promise<DashboardFile>>(DASHBOARD_CACHE_SIZE);

/**
 * A run's dashboard.json, parsed (cached by output folder).
 * @throws HttpError 404 NO_DASHBOARD when the run has none (it finished before dashboards existed:
 *   re-run it).
 */
export function readDashboard(runId: string, outputDir: string): Promise<DashboardFile> {
  const cached = cache.get(outputDir);
  if (cached !== undefined) return cached;
  const path = join(outputDir, DASHBOARD_FILE);
  const loading = readFile(path, 'utf8').then(
    (text) => parseDashboard(text, DASHBOARD_FILE),
    (error: unknown) => {
      throw new HttpError(
        404,
        'NO_DASHBOARD',
        `Run '${runId}' has no dashboard data (${DASHBOARD_FILE}); re-run it to get the charts.`,
        { id: runId, cause: (error as { code?: string }).code ?? 'unreadable' },
      );
    },
  );
  cache.set(outputDir, loading);
  loading.catch(() => {
    cache.delete(outputDir);
  });
  return loading;
}

/** The algorithm named by `?algorithm=` (default: the primary one). */
export function pickAlgorithm(dashboard: DashboardFile, algorithm: string | undefined): string {
  const chosen = algorithm ?? dashboard.primaryAlgorithm;
  if (!dashboard.algorithms.includes(chosen)) {
    throw new HttpError(
      404,
      'UNKNOWN_ALGORITHM',
      `This run did not fit '${chosen}'; it compared ${dashboard.algorithms.join(', ')}.`,
      { algorithm: chosen, algorithms: dashboard.algorithms },
    );
  }
  return chosen;
}

/** The projection route's body. */
export interface ProjectionBody {
  method: string;
  dims: 2 | 3;
  algorithm: string;
  explainedVarianceRatio: number[];
  total: number;
  shown: number;
  sampled: boolean;
  sampling: string;
  x: number[];
  y: number[];
  z?: number[];
  segment: number[];
  id: string[];
  /** The 2-D points as objects (issue 5's field, kept). */
  points: { x: number; y: number; segment: number }[];
}

/** "Showing 50,000 of 1,000,000 points, sampled per segment." or "Showing all 150 points." */
export function samplingStatement(shown: number, total: number): string {
  const format = (value: number): string => value.toLocaleString('en-US');
  return shown < total
    ? `Showing ${format(shown)} of ${format(total)} points, sampled per segment.`
    : `Showing all ${format(total)} points.`;
}

/** The map points of a run's dashboard, thinned per segment to `maxPoints`. */
export function projectionBody(
  dashboard: DashboardFile,
  query: { dims: 2 | 3; algorithm?: string | undefined; maxPoints: number },
): ProjectionBody {
  const algorithm = pickAlgorithm(dashboard, query.algorithm);
  const { projection } = dashboard;
  const labels = projection.labels[algorithm] ?? [];
  const keep = stratifiedSample(labels, query.maxPoints, 0);
  const pick = <T>(values: readonly T[]): T[] => Array.from(keep, (i) => values[i]!);
  const x = pick(projection.x);
  const y = pick(projection.y);
  const segment = pick(labels);
  const shown = keep.length;
  return {
    method: projection.method,
    dims: query.dims,
    algorithm,
    explainedVarianceRatio: projection.explainedVarianceRatio.slice(0, query.dims),
    total: projection.total,
    shown,
    sampled: shown < projection.total,
    sampling: samplingStatement(shown, projection.total),
    x,
    y,
    ...(query.dims === 3 ? { z: pick(projection.z) } : {}),
    segment,
    id: pick(projection.id),
    points: x.map((value, i) => ({ x: value, y: y[i]!, segment: segment[i]! })),
  };
}

/** The silhouette route's body. */
export function silhouetteBody(
  dashboard: DashboardFile,
  algorithm: string | undefined,
): DashboardSilhouette {
  const chosen = pickAlgorithm(dashboard, algorithm);
  return dashboard.silhouette.find((s) => s.algorithm === chosen)!;
}

/**
 * The distribution route's body.
 * @throws HttpError 404 UNKNOWN_FEATURE naming the run's features.
 */
export function distributionBody(dashboard: DashboardFile, feature: string): DashboardDistribution {
  const found = dashboard.distributions.find((d) => d.feature === feature);
  if (found === undefined) {
    const names = dashboard.columns.map((f) => f.name);
    throw new HttpError(
      404,
      'UNKNOWN_FEATURE',
      `The run has no feature '${feature}'; it has ${names.join(', ')}.`,
      { feature, features: names },
    );
  }
  return found;
}

/** The features route's body. */
export function featuresBody(
  dashboard: DashboardFile,
): Pick<DashboardFile, 'features' | 'columns' | 'means'> {
  return { features: dashboard.features, columns: dashboard.columns, means: dashboard.means };
}
