/**
 * Case `ward`: agglomerative clustering with Ward linkage (full tree, cut into k = 10 clusters)
 * on overlapping Gaussian blobs, 20,000 x 8. scikit-learn's AgglomerativeClustering builds the
 * n (n - 1) / 2 condensed matrix and runs SciPy's nearest-neighbour chain; Segmint runs the
 * chain over cluster centroids (O(n d) memory). Quality = the within-cluster sum of squares of
 * the 10-cluster cut (computed outside the timed region); equal trees give equal values.
 *
 * The 100,000 x 8 run (scikit-learn would need a 40 GB condensed matrix) is measured apart, with
 * /usr/bin/time -v for the peak memory (bench/README.md, "Ward at 100,000 rows").
 */
import { blobs } from '../datasets.js';
import type { EngineMatrix } from '../engine.js';
import { timed, type Side } from '../runner.js';
import { asMatrix, loadInPython, sklearnSide, WARMUP_ROWS, type CaseDefinition } from './case.js';

/** Sum over rows of the squared distance to their cluster's mean. */
export function withinClusterSquares(X: EngineMatrix, labels: Int32Array, k: number): number {
  const { data, rows: n, cols: d } = X;
  const sums = new Float64Array(k * d);
  const counts = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const c = labels[i]!;
    counts[c]!++;
    for (let f = 0; f < d; f++) sums[c * d + f]! += data[i * d + f]!;
  }
  let total = 0;
  for (let i = 0; i < n; i++) {
    const c = labels[i]!;
    for (let f = 0; f < d; f++) total += (data[i * d + f]! - sums[c * d + f]! / counts[c]!) ** 2;
  }
  return total;
}

/** The `ward` case. */
export const wardCase: CaseDefinition = {
  name: 'ward',
  measures: 'agglomerative clustering, Ward linkage, full tree cut into k clusters.',
  quality: 'within-cluster sum of squares of the cut',
  targetRatio: 1,
  qualityTolerance: 1e-9,
  sizes: { full: { n: 20_000, d: 8, k: 10 }, quick: { n: 2_000, d: 8, k: 10 } },
  async prepare(context, { n, d, k }) {
    const X = blobs(n, d, k, 5, context.log);
    const sides: Side[] = [];
    const notes: string[] = [];
    const { agglomerative } = context.engine;
    if (agglomerative) {
      const fit = (rows: number) =>
        agglomerative(asMatrix(X, rows), { clusterCount: k, linkage: 'ward' });
      sides.push({
        name: 'segmint',
        kind: 'segmint',
        rows: n,
        label: "agglomerative({ linkage: 'ward' })",
        warmup: () => {
          fit(Math.min(n, WARMUP_ROWS / 5));
          return Promise.resolve();
        },
        run: async () => {
          const { seconds, value } = await timed(() => fit(n));
          return { seconds, quality: withinClusterSquares(asMatrix(X, n), value.labels, k) };
        },
      });
    }
    if (context.python) {
      await loadInPython(context.python, 'X', X);
      sides.push(
        sklearnSide(
          context.python,
          n,
          "AgglomerativeClustering(n_clusters=10, linkage='ward')",
          { op: 'agglomerative', data: 'X', k, linkage: 'ward' },
          (reply) => ({ quality: Number(reply.inertia) }),
        ),
      );
    }
    notes.push('100,000 x 8 (Segmint only) is measured apart: see "Ward at 100,000 rows"');
    return {
      sides,
      notes,
      ...(agglomerative ? {} : { segmintMissing: 'agglomerative' }),
      cleanup: async () => void (await context.python?.call({ op: 'drop', key: 'X' })),
    };
  },
};
