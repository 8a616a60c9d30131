/**
 * Renumbering a fitted model's segments, e.g. so a re-run keeps the ids of the previous run's
 * segments (stability/match-segments.ts finds the correspondence). `order[old] = new` must be a
 * permutation of 0..k-1. Centroid rows and segment summaries move to their new ids; a model stored
 * in its algorithm's own JSON keeps its labels and gets a label map, applied at predict time.
 * Predictions are the same customers in the same segments, only the ids change.
 */
import { ERROR_CODES, SegmintError } from '../core/errors.js';
import type { Matrix } from '../matrix/matrix.js';
import type { SegmentationModel } from './segmentation.js';

function checkPermutation(order: ArrayLike<number>, k: number): void {
  const seen = new Set<number>();
  for (let i = 0; i < order.length; i++) {
    const id = order[i]!;
    if (Number.isInteger(id) && id >= 0 && id < k) seen.add(id);
  }
  if (order.length !== k || seen.size !== k) {
    throw new SegmintError(
      ERROR_CODES.INVALID_PARAMETER,
      `relabelSegments: 'order' must be a permutation of 0..${k - 1}; got [${Array.from(order).join(', ')}].`,
      { parameter: 'order' },
    );
  }
}

function permuteRows(X: Matrix, order: ArrayLike<number>): Matrix {
  const data = new Float64Array(X.data.length);
  for (let old = 0; old < X.rows; old++) {
    data.set(X.data.subarray(old * X.cols, (old + 1) * X.cols), order[old]! * X.cols);
  }
  return { data, rows: X.rows, cols: X.cols };
}

/**
 * The model with segment `old` renumbered `order[old]`, and a function mapping old labels
 * (noise -1 stays -1).
 * @throws SegmintError INVALID_PARAMETER when `order` is not a permutation of the segment ids.
 * @example relabelSegments(model, [2, 0, 1]).model.segments[2] // was segment 0
 */
export function relabelSegments(
  model: SegmentationModel,
  order: ArrayLike<number>,
): { model: SegmentationModel; relabel: (labels: Int32Array) => Int32Array } {
  const k = model.segments.length;
  checkPermutation(order, k);
  const segments = new Array<SegmentationModel['segments'][number]>(k);
  model.segments.forEach((s, old) => {
    segments[order[old]!] = { ...s, id: order[old]! };
  });
  const { clusterer } = model;
  const centroids = permuteRows(clusterer.centroids, order);
  const relabelled: SegmentationModel = {
    ...model,
    segments,
    clusterer:
      clusterer.kind === 'centroids'
        ? { ...clusterer, centroids }
        : {
            ...clusterer,
            centroids,
            labelMap: Int32Array.from(
              clusterer.labelMap ?? Array.from({ length: k }, (_, i) => i),
              (id) => order[id]!,
            ),
          },
  };
  return {
    model: relabelled,
    relabel: (labels) => labels.map((label) => (label < 0 ? label : order[label]!)),
  };
}
