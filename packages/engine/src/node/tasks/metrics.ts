/** Worker kernels for the metrics area (registered in ../tasks.ts). */
import { silhouetteRowsKernel } from '../../metrics/silhouette-kernel.js';
import { tileRowKernel } from '../../metrics/silhouette-tiles.js';
import type { Task } from '../tasks.js';

/** Payload of `metrics.silhouetteRows`: shared views of the prepared silhouette input. */
export interface SilhouetteRowsPayload {
  readonly data: Float64Array;
  readonly sortedData: Float64Array;
  readonly offsets: Int32Array;
  readonly cols: number;
  readonly codes: Int32Array;
  readonly counts: Int32Array;
  readonly rows: Int32Array;
  readonly start: number;
  readonly end: number;
  /** Shared output of length n; the task writes `out[start..end-1]`. */
  readonly out: Float64Array;
}

/** Payload of `metrics.silhouetteTiles`: shared sorted data, the segment plan, tile rows to run. */
export interface SilhouetteTilesPayload {
  readonly sortedData: Float64Array;
  readonly offsets: Int32Array;
  readonly cols: number;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly clusters: Int32Array;
  /** Segments A whose tile rows (A, B >= A) this task runs. */
  readonly tileRows: readonly number[];
  /** Shared partial sums, (n, G). */
  readonly partial: Float64Array;
}

/** Metrics kernels by task name: `metrics.silhouetteTiles` (tiled exact silhouette), `metrics.silhouetteRows` (row kernel). */
export const metricsTasks: Readonly<Record<string, Task>> = {
  'metrics.silhouetteRows': (payload: SilhouetteRowsPayload): null => {
    const sorted = { data: payload.sortedData, offsets: payload.offsets, cols: payload.cols };
    silhouetteRowsKernel(
      payload.data,
      sorted,
      payload.codes,
      payload.counts,
      payload.rows,
      payload.start,
      payload.end,
      payload.out,
    );
    return null;
  },
  'metrics.silhouetteTiles': (payload: SilhouetteTilesPayload): null => {
    const sorted = { data: payload.sortedData, offsets: payload.offsets, cols: payload.cols };
    const plan = {
      starts: payload.starts,
      ends: payload.ends,
      clusters: payload.clusters,
      count: payload.starts.length,
    };
    for (const A of payload.tileRows) tileRowKernel(sorted, plan, A, payload.partial);
    return null;
  },
};
