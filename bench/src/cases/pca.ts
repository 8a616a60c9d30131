/**
 * Case `pca`: 3 principal components of correlated Gaussian data with a decaying spectrum
 * (variances 0.7^j along random orthogonal axes). Quality = the sum of the first three explained
 * variance ratios, which tends to (1 - 0.7^3) / (1 - 0.7^32) ~ 0.657 for large n.
 */
import { correlated } from '../datasets.js';
import type { EnginePcaModel } from '../engine.js';
import { toRows } from '../peers.js';
import { timed, type Side } from '../runner.js';
import { asMatrix, loadInPython, sklearnSide, WARMUP_ROWS, type CaseDefinition } from './case.js';

function explainedSum(model: EnginePcaModel, components: number): number {
  let total = 0;
  for (let index = 0; index < components; index++) total += model.explainedVarianceRatio[index]!;
  return total;
}

/** The `pca` case. */
export const pcaCase: CaseDefinition = {
  name: 'pca',
  measures: 'PCA fit with 3 components (full SVD on the scikit-learn side).',
  quality: 'explained variance ratio (sum of 3)',
  targetRatio: 1,
  sizes: { full: { n: 1_000_000, d: 32, k: 3 }, quick: { n: 100_000, d: 32, k: 3 } },
  peerRows: { full: 1_000_000, quick: 100_000 },
  async prepare(context, { n, d, k }, quick) {
    const X = correlated(n, d, 2, context.log);
    const sides: Side[] = [];
    const notes: string[] = [];
    const { pcaParallel, pca } = context.engine;
    const fit = async (rows: number) =>
      pcaParallel
        ? await pcaParallel(asMatrix(X, rows), { components: k, threads: context.threads })
        : pca!(asMatrix(X, rows), { components: k });
    if (pcaParallel || pca) {
      sides.push({
        name: 'segmint',
        kind: 'segmint',
        rows: n,
        label: pcaParallel ? `pcaParallel (threads ${context.threads})` : 'pca',
        warmup: async () => void (await fit(WARMUP_ROWS)),
        run: async () => {
          const { seconds, value } = await timed(() => fit(n));
          return { seconds, quality: explainedSum(value, k) };
        },
      });
    }
    if (context.python) {
      await loadInPython(context.python, 'X', X);
      sides.push(
        sklearnSide(
          context.python,
          n,
          "PCA(n_components=3, svd_solver='full')",
          { op: 'pca', data: 'X', components: k },
          (reply) => ({ quality: Number(reply.explained_variance_ratio_sum) }),
        ),
      );
    }
    const MlPca = context.peers?.MlPca;
    if (MlPca) {
      const peerRows = Math.min(n, quick ? this.peerRows!.quick : this.peerRows!.full);
      const rows = toRows(X.data, peerRows, d);
      sides.push({
        name: 'ml-pca',
        kind: 'peer',
        rows: peerRows,
        label: 'new PCA(X) (SVD; all components)',
        run: async () => {
          const { seconds, value } = await timed(() => new MlPca(rows));
          const ratios = value.getExplainedVariance();
          return { seconds, quality: ratios.slice(0, k).reduce((sum, ratio) => sum + ratio, 0) };
        },
      });
      if (peerRows < n) notes.push(`ml-pca runs on the first ${peerRows} rows`);
    }
    return {
      sides,
      notes,
      ...(sides.some((side) => side.kind === 'segmint')
        ? {}
        : { segmintMissing: 'pcaParallel / pca' }),
      cleanup: async () => void (await context.python?.call({ op: 'drop', key: 'X' })),
    };
  },
};
