/**
 * Multi-threaded reduce entry points (Node only): PCA's three data passes (column sums, scatter,
 * sign pivots) run on worker threads, each taking whole row parts; the parts are combined in
 * order on the calling thread, so the model is bit-identical to the serial {@link pca}.
 */
import type { MatrixLike } from '../matrix/matrix.js';
import {
  type PCAModel,
  type PCAOptions,
  buildPcaModel,
  meanFromSums,
  preparePca,
  principalAxes,
} from '../reduce/pca.js';
import { combinePivots, partCount, sumPartials, triangleSize } from '../reduce/scatter.js';
import { type ParallelOptions, runInLanes } from './metrics.js';
import { sharedFloat64, sharedPool, splitRange, toShared } from './pool.js';
import type { PcaPassPayload } from './tasks/reduce.js';

/**
 * {@link pca} with its data passes on worker threads (worth it from about 10^5 rows; the
 * eigen step is serial and tiny for d <= 100).
 *
 * @param X - training data, shape (n, d).
 * @param options - PCA options plus `threads` (pool size) and `pool` (shared pool).
 * @returns the same model as `pca(X, options)`, bit for bit.
 * @throws SegmintError as {@link pca}.
 * @example const model = await pcaParallel(X, { components: 3, threads: 2 });
 */
export async function pcaParallel(
  X: MatrixLike,
  options: Partial<PCAOptions> & { components: number } & ParallelOptions,
): Promise<PCAModel> {
  const { threads: threadOption, pool: poolOption, ...pcaOptions } = options;
  const { X: matrix, settings } = preparePca('pcaParallel', X, pcaOptions);
  const pool = poolOption ?? sharedPool();
  const threads = Math.max(1, Math.floor(threadOption ?? pool.size));
  const { rows: n, cols: d } = matrix;
  const data = toShared(matrix).data;
  const parts = partCount(n, d);
  const k = settings.components;
  const ranges = splitRange(parts, threads * 4);
  const run = async (
    pass: PcaPassPayload['pass'],
    size: number,
    extra: Partial<PcaPassPayload>,
  ) => {
    const out = sharedFloat64(parts * size);
    await runInLanes(ranges, threads, ([firstPart, endPart]) =>
      pool.run<null>('reduce.pcaPass', {
        pass,
        data,
        rows: n,
        cols: d,
        parts,
        firstPart,
        endPart,
        out,
        ...extra,
      } satisfies PcaPassPayload),
    );
    return out;
  };
  const mean = meanFromSums(sumPartials(await run('sums', d, {}), d, parts), n);
  const sharedMean = sharedFloat64(d);
  sharedMean.set(mean);
  const size = triangleSize(d);
  const scatter = sumPartials(await run('scatter', size, { mean: sharedMean }), size, parts);
  const axes = principalAxes(scatter, d, k);
  const pivots = await run('pivots', 2 * k, {
    mean: sharedMean,
    components: axes.components,
    componentCount: k,
  });
  return buildPcaModel(settings, mean, axes, combinePivots(pivots, k, parts), n, d);
}
