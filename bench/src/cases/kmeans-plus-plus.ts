/**
 * Case `kmeans++`: seeding only (Arthur & Vassilvitskii 2007, with scikit-learn's greedy local
 * trials where an implementation has them). The sides draw different random numbers, so their
 * seeds differ; quality is the potential phi = sum of squared distances to the nearest seed,
 * computed outside the timed region, and the ratio of potentials should be about 1.
 */
import { blobs } from '../datasets.js';
import { toRows, fromRows } from '../peers.js';
import { potential } from '../reference-kmeans.js';
import { timed, type Side } from '../runner.js';
import { asMatrix, loadInPython, sklearnSide, WARMUP_ROWS, type CaseDefinition } from './case.js';

/** The `kmeans++` case. */
export const kmeansPlusPlusCase: CaseDefinition = {
  name: 'kmeans++',
  measures: 'k-means++ seeding only (seed 0); no Lloyd iterations.',
  quality: 'potential',
  targetRatio: 1,
  sizes: { full: { n: 1_000_000, d: 8, k: 8 }, quick: { n: 100_000, d: 8, k: 8 } },
  peerRows: { full: 1_000_000, quick: 100_000 },
  async prepare(context, { n, d, k }, quick) {
    const X = blobs(n, d, k, 1, context.log);
    const sides: Side[] = [];
    const notes: string[] = [];
    const { kmeansPlusPlusParallel, kmeansPlusPlus } = context.engine;
    const seed = async (rows: number) =>
      kmeansPlusPlusParallel
        ? await kmeansPlusPlusParallel(asMatrix(X, rows), k, { seed: 0, threads: context.threads })
        : kmeansPlusPlus!(asMatrix(X, rows), k, { seed: 0 });
    if (kmeansPlusPlusParallel || kmeansPlusPlus) {
      sides.push({
        name: 'segmint',
        kind: 'segmint',
        rows: n,
        label: kmeansPlusPlusParallel
          ? `kmeansPlusPlusParallel (threads ${context.threads})`
          : 'kmeansPlusPlus',
        warmup: async () => void (await seed(WARMUP_ROWS)),
        run: async () => {
          const { seconds, value } = await timed(() => seed(n));
          return { seconds, quality: potential(X.data, n, d, value.centroids.data, k) };
        },
      });
    }
    if (context.python) {
      await loadInPython(context.python, 'X', X);
      sides.push(
        sklearnSide(
          context.python,
          n,
          'kmeans_plusplus(X, 8, random_state=0)',
          { op: 'kmeans++', data: 'X', k, seed: 0 },
          (reply) => ({ quality: Number(reply.potential) }),
        ),
      );
    }
    const seeding = context.peers?.mlKmeansPlusPlus;
    if (seeding) {
      const peerRows = Math.min(n, quick ? this.peerRows!.quick : this.peerRows!.full);
      const rows = toRows(X.data, peerRows, d);
      sides.push({
        name: 'ml-kmeans',
        kind: 'peer',
        rows: peerRows,
        label: 'kmeanspp(X, 8, { seed: 0 }) (internal module)',
        run: async () => {
          const { seconds, value } = await timed(() => seeding(rows, k, { seed: 0 }));
          const quality = potential(X.data, peerRows, d, fromRows(value), k);
          return { seconds, quality };
        },
      });
      if (peerRows < n) notes.push(`ml-kmeans runs on the first ${peerRows} rows`);
    }
    return {
      sides,
      notes,
      ...(sides.some((side) => side.kind === 'segmint')
        ? {}
        : { segmintMissing: 'kmeansPlusPlusParallel / kmeansPlusPlus' }),
      cleanup: async () => void (await context.python?.call({ op: 'drop', key: 'X' })),
    };
  },
};
