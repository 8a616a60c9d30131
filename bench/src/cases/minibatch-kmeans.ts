/**
 * Case `minibatch-kmeans` (informational, no target): mini-batch k-means (Sculley 2010) with
 * batches of 1024 rows and k-means++ seeding, seed 0. The sides use different random streams and
 * stopping rules, so times are indicative; quality = inertia on the full data.
 */
import { blobs } from '../datasets.js';
import { timed, type Side } from '../runner.js';
import { asMatrix, loadInPython, sklearnSide, WARMUP_ROWS, type CaseDefinition } from './case.js';

const BATCH_SIZE = 1024;

/** The `minibatch-kmeans` case. */
export const miniBatchKMeansCase: CaseDefinition = {
  name: 'minibatch-kmeans',
  measures: 'mini-batch k-means, batch 1024, k-means++ init, nInit 1, seed 0 (informational).',
  quality: 'inertia',
  sizes: { full: { n: 1_000_000, d: 16, k: 8 }, quick: { n: 100_000, d: 16, k: 8 } },
  async prepare(context, { n, d, k }) {
    const X = blobs(n, d, k, 0, context.log);
    const sides: Side[] = [];
    const fit = context.engine.miniBatchKMeansParallel ?? context.engine.miniBatchKMeans;
    if (fit) {
      const parallel = fit === context.engine.miniBatchKMeansParallel;
      const options = {
        clusterCount: k,
        nInit: 1,
        batchSize: BATCH_SIZE,
        seed: 0,
        ...(parallel ? { threads: context.threads } : {}),
      };
      sides.push({
        name: 'segmint',
        kind: 'segmint',
        rows: n,
        label: parallel
          ? `miniBatchKMeansParallel (threads ${context.threads})`
          : 'miniBatchKMeans',
        warmup: async () => void (await fit(asMatrix(X, WARMUP_ROWS), options)),
        run: async () => {
          const { seconds, value } = await timed(() => fit(asMatrix(X), options));
          return { seconds, quality: value.inertia, iterations: value.iterations };
        },
      });
    }
    if (context.python) {
      await loadInPython(context.python, 'X', X);
      sides.push(
        sklearnSide(
          context.python,
          n,
          'MiniBatchKMeans(n_clusters=8, batch_size=1024, n_init=1, random_state=0)',
          { op: 'minibatch', data: 'X', k, batch: BATCH_SIZE, seed: 0 },
          (reply) => ({ quality: Number(reply.inertia), iterations: Number(reply.iterations) }),
        ),
      );
    }
    void d;
    return {
      sides,
      notes: [],
      ...(fit ? {} : { segmintMissing: 'miniBatchKMeans' }),
      cleanup: async () => void (await context.python?.call({ op: 'drop', key: 'X' })),
    };
  },
};
