/** Worker kernels for the reduce area (registered in ../tasks.ts). */
import {
  columnSumsKernel,
  partRows,
  scatterKernel,
  signPivotKernel,
  triangleSize,
} from '../../reduce/scatter.js';
import type { Task } from '../tasks.js';

/** Payload of the PCA passes: a shared X and a range of row parts `[firstPart, endPart)`. */
export interface PcaPassPayload {
  readonly pass: 'sums' | 'scatter' | 'pivots';
  readonly data: Float64Array;
  readonly rows: number;
  readonly cols: number;
  readonly parts: number;
  readonly firstPart: number;
  readonly endPart: number;
  /** Column means (scatter, pivots passes). */
  readonly mean?: Float64Array;
  /** Unsigned components, shape (k, d) (pivots pass). */
  readonly components?: Float64Array;
  readonly componentCount?: number;
  /** Shared per-part output; part p writes its own slice. */
  readonly out: Float64Array;
}

/** Reduce kernels by task name: `reduce.pcaPass` (column sums, scatter or sign pivots over row parts). */
export const reduceTasks: Readonly<Record<string, Task>> = {
  'reduce.pcaPass': (payload: PcaPassPayload): null => {
    const { data, rows: n, cols: d, parts, out } = payload;
    for (let p = payload.firstPart; p < payload.endPart; p++) {
      const [start, end] = partRows(n, parts, p);
      if (payload.pass === 'sums') columnSumsKernel(data, d, start, end, out, p * d);
      else if (payload.pass === 'scatter')
        scatterKernel(data, d, payload.mean!, start, end, out, p * triangleSize(d));
      else {
        const k = payload.componentCount!;
        signPivotKernel(data, d, payload.mean!, payload.components!, k, start, end, out, p * 2 * k);
      }
    }
    return null;
  },
};
