/** Worker kernels for the metrics area (registered in ../tasks.ts). */
import { silhouetteRowsKernel } from '../../metrics/silhouette-kernel.js';
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
};
