/**
 * Case `silhouette`: the exact mean silhouette (Rousseeuw 1987) over all n rows, O(n^2 d), with
 * fixed labels from a k-means (k = 8; plain Lloyd from k-means++ seeds, computed once by the
 * harness so the labels do not depend on a side). Quality = the score; both sides must agree to
 * about 1e-9.
 */
import { blobs, kmeansLabels } from '../datasets.js';
import { timed, type Side } from '../runner.js';
import { asMatrix, loadInPython, sklearnSide, WARMUP_ROWS, type CaseDefinition } from './case.js';

function mean(values: ArrayLike<number>): number {
  let total = 0;
  for (let index = 0; index < values.length; index++) total += values[index]!;
  return total / values.length;
}

/** The `silhouette` case. */
export const silhouetteCase: CaseDefinition = {
  name: 'silhouette',
  measures: 'exact silhouette score over every row (no sampling), fixed k-means labels.',
  quality: 'silhouette score',
  targetRatio: 1,
  qualityTolerance: 1e-9,
  sizes: { full: { n: 50_000, d: 8, k: 8 }, quick: { n: 5_000, d: 8, k: 8 } },
  async prepare(context, { n, d, k }) {
    const X = blobs(n, d, k, 3, context.log);
    const { header, labels } = kmeansLabels(X, k, context.log);
    const sides: Side[] = [];
    const { silhouetteSamplesParallel, silhouetteScore } = context.engine;
    const score = async (rows: number) =>
      silhouetteSamplesParallel
        ? mean(
            await silhouetteSamplesParallel(asMatrix(X, rows), labels.subarray(0, rows), {
              threads: context.threads,
            }),
          )
        : silhouetteScore!(asMatrix(X, rows), labels.subarray(0, rows));
    if (silhouetteSamplesParallel || silhouetteScore) {
      sides.push({
        name: 'segmint',
        kind: 'segmint',
        rows: n,
        label: silhouetteSamplesParallel
          ? `silhouetteSamplesParallel (threads ${context.threads}), mean`
          : 'silhouetteScore',
        warmup: async () => void (await score(Math.min(n, WARMUP_ROWS / 5))),
        run: async () => {
          const { seconds, value } = await timed(() => score(n));
          return { seconds, quality: value };
        },
      });
    }
    if (context.python) {
      await loadInPython(context.python, 'X', X);
      await context.python.call({
        op: 'load',
        key: 'labels',
        path: header.file,
        rows: n,
        cols: 1,
        dtype: 'int32',
      });
      sides.push(
        sklearnSide(
          context.python,
          n,
          'silhouette_score(X, labels)',
          { op: 'silhouette', data: 'X', labels: 'labels' },
          (reply) => ({ quality: Number(reply.score) }),
        ),
      );
    }
    void d;
    return {
      sides,
      notes: [],
      ...(sides.some((side) => side.kind === 'segmint')
        ? {}
        : { segmintMissing: 'silhouetteSamplesParallel / silhouetteScore' }),
      cleanup: async () => {
        await context.python?.call({ op: 'drop', key: 'X' });
        await context.python?.call({ op: 'drop', key: 'labels' });
      },
    };
  },
};
