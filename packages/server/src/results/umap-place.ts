/**
 * Placing new customers on a run's UMAP map (issue 7: new points projected into an existing map):
 * their clustering-space rows (the caller runs the model's preprocessing and reduction once for
 * both maps) go to a piscina worker
 * (umap-place-worker.ts) that runs `umapTransform` with the map's fitted model, so the event loop
 * never does the work. Only runs whose UMAP map was computed (umap.json with its model) have one.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Matrix } from '@segmint/engine';
import { Piscina } from 'piscina';
import { UMAP_FILE } from './umap-map.js';
import type { UmapPlaceTask } from './umap-place-worker.js';

/** The built worker file, from the sources or from dist. */
function workerPath(): string {
  const here = import.meta.url;
  return fileURLToPath(
    here.endsWith('.ts')
      ? new URL('../../dist/results/umap-place-worker.js', here)
      : new URL('./umap-place-worker.js', here),
  );
}

/** A lazily started one-thread pool (its worker keeps the rebuilt maps). */
export class UmapPlacePool {
  private pool: Piscina<UmapPlaceTask, Float64Array> | null = null;

  /**
   * Map coordinates [x, y] of each row of X (the run's clustering space: pipeline
   * `clusteringRows`) on the UMAP map kept in `outputDir`, or null when the run has no UMAP map
   * with a model (not computed yet, or written before).
   */
  async place(outputDir: string, X: Matrix): Promise<number[][] | null> {
    const file = join(outputDir, UMAP_FILE);
    if (!existsSync(file)) return null;
    this.pool ??= new Piscina<UmapPlaceTask, Float64Array>({
      filename: workerPath(),
      minThreads: 0,
      maxThreads: 1,
      idleTimeout: 60_000,
    });
    const data = Float64Array.from(X.data);
    const placed = await this.pool.run(
      { file, data, rows: X.rows, cols: X.cols },
      { transferList: [data.buffer] },
    );
    if (placed.length === 0) return null;
    return Array.from({ length: X.rows }, (_, i) => [placed[i * 2]!, placed[i * 2 + 1]!]);
  }

  /** Stops the worker (safe to call twice). */
  async close(): Promise<void> {
    const pool = this.pool;
    this.pool = null;
    await pool?.destroy();
  }
}
