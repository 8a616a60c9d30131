/**
 * Case `kmeans`: Lloyd iterations compared like for like. Every side starts from the same
 * explicit centroids C0 (plain k-means++ on the data, computed once and cached), so the
 * iteration counts and final inertia are comparable; the data are overlapping blobs that need
 * 20+ Lloyd iterations from C0. Inertia = sum of squared distances to the nearest centroid.
 */
import { blobs, initialCentroids } from '../datasets.js';
import type { EngineMatrix } from '../engine.js';
import { fromRows, toRows } from '../peers.js';
import { potential } from '../reference-kmeans.js';
import { timed, type Side } from '../runner.js';
import { asMatrix, loadInPython, sklearnSide, WARMUP_ROWS, type CaseDefinition } from './case.js';

const KMEANS_TOLERANCE = 1e-4;
const KMEANS_MAX_ITERATIONS = 300;

/** The `kmeans` case. */
export const kmeansCase: CaseDefinition = {
  name: 'kmeans',
  measures:
    'Lloyd k-means from the same explicit initial centroids C0 (k-means++ computed once), nInit 1, tolerance 1e-4, at most 300 iterations.',
  quality: 'inertia',
  targetRatio: 1,
  qualityTolerance: 1e-3,
  minimumIterations: 20,
  sizes: { full: { n: 1_000_000, d: 16, k: 8 }, quick: { n: 100_000, d: 16, k: 8 } },
  peerRows: { full: 1_000_000, quick: 100_000 },
  async prepare(context, { n, d, k }, quick) {
    const X = blobs(n, d, k, 0, context.log);
    const C0 = initialCentroids(X, k, context.log);
    const init: EngineMatrix = { data: C0.data, rows: k, cols: d };
    const sides: Side[] = [];
    const notes: string[] = [];
    const fit = context.engine.kmeansParallel ?? context.engine.kmeans;
    const options = {
      clusterCount: k,
      init,
      nInit: 1,
      maxIterations: KMEANS_MAX_ITERATIONS,
      tolerance: KMEANS_TOLERANCE,
      algorithm: 'auto',
      seed: 0,
    };
    if (fit) {
      const parallel = fit === context.engine.kmeansParallel;
      // Only the parallel entry point takes `threads`; the serial one rejects unknown options.
      const fitOptions = parallel ? { ...options, threads: context.threads } : options;
      sides.push({
        name: 'segmint',
        kind: 'segmint',
        rows: n,
        label: parallel ? `kmeansParallel (threads ${context.threads})` : 'kmeans',
        warmup: async () => void (await fit(asMatrix(X, WARMUP_ROWS), fitOptions)),
        run: async () => {
          const { seconds, value } = await timed(() => fit(asMatrix(X), fitOptions));
          return { seconds, quality: value.inertia, iterations: value.iterations };
        },
      });
    }
    if (context.python) {
      const python = context.python;
      await loadInPython(python, 'X', X);
      await loadInPython(python, 'C0', C0);
      sides.push(
        sklearnSide(
          python,
          n,
          "KMeans(init=C0, n_init=1, algorithm='lloyd')",
          {
            op: 'kmeans',
            data: 'X',
            init: 'C0',
            tol: KMEANS_TOLERANCE,
            max_iter: KMEANS_MAX_ITERATIONS,
          },
          (reply) => ({ quality: Number(reply.inertia), iterations: Number(reply.iterations) }),
        ),
      );
    }
    const peerRows = Math.min(n, quick ? this.peerRows!.quick : this.peerRows!.full);
    const peers = context.peers;
    if (peers?.mlKmeans || peers?.skmeans) {
      const rows = toRows(X.data, peerRows, d);
      const initialRows = (): number[][] => toRows(C0.data, k, d);
      const peerData = X.data.subarray(0, peerRows * d);
      if (peers.mlKmeans) {
        const mlKmeans = peers.mlKmeans;
        sides.push({
          name: 'ml-kmeans',
          kind: 'peer',
          rows: peerRows,
          label: 'kmeans(initialization: C0, maxIterations: 300)',
          run: async () => {
            const init = initialRows();
            const { seconds, value } = await timed(() =>
              mlKmeans(rows, k, { initialization: init, maxIterations: KMEANS_MAX_ITERATIONS }),
            );
            const quality = potential(peerData, peerRows, d, fromRows(value.centroids), k);
            return { seconds, quality, iterations: value.iterations };
          },
        });
      }
      if (peers.skmeans) {
        const skmeans = peers.skmeans;
        sides.push({
          name: 'skmeans',
          kind: 'peer',
          rows: peerRows,
          label: 'skmeans(X, k, C0, 300)',
          run: async () => {
            const init = initialRows(); // skmeans overwrites the rows it is given
            const { seconds, value } = await timed(() =>
              skmeans(rows, k, init, KMEANS_MAX_ITERATIONS),
            );
            const quality = potential(peerData, peerRows, d, fromRows(value.centroids), k);
            return { seconds, quality, iterations: value.it };
          },
        });
      }
      if (peerRows < n) notes.push(`peers run on the first ${peerRows} rows`);
    }
    return {
      sides,
      notes,
      ...(fit ? {} : { segmintMissing: 'kmeansParallel / kmeans' }),
      cleanup: async () => {
        await context.python?.call({ op: 'drop', key: 'X' });
        await context.python?.call({ op: 'drop', key: 'C0' });
      },
    };
  },
};
