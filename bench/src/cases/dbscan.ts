/**
 * Case `dbscan`: DBSCAN (eps 0.075, minSamples 10) on standardised Gaussian blobs, 200,000 x 4,
 * k = 8 (centre spread 5 against cluster standard deviations 0.6 to 1.4, then every column
 * z-scored with its population standard deviation, as scikit-learn's StandardScaler). At eps
 * 0.075 a point has about 71 neighbours on average; DBSCAN finds the dense cores of the blobs
 * plus small groups in their sparse tails (60 clusters, 14% noise). scikit-learn runs
 * `DBSCAN(eps=0.075, min_samples=10)` with its defaults (algorithm 'auto', a kd-tree here; one
 * thread). Segmint's
 * labels equal scikit-learn's (tested with fixtures), so quality = the number of clusters found
 * (noise excluded) must match exactly.
 */
import { cachedHeader, readCached, writeCached } from '../cache.js';
import type { Dataset } from '../datasets.js';
import { gaussianBlobs } from '../generate.js';
import { GENERATOR_VERSION } from '../random.js';
import { timed, type Side } from '../runner.js';
import { asMatrix, loadInPython, sklearnSide, type CaseDefinition } from './case.js';

const PARAMETERS = { centerSpread: 5, scaleRange: [0.6, 1.4] as const, standardised: true };
const EPS = 0.075;
const MIN_SAMPLES = 10;

/** Z-scores every column in place (population standard deviation). */
function standardise(data: Float64Array, n: number, d: number): void {
  for (let j = 0; j < d; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += data[i * d + j]!;
    mean /= n;
    let variance = 0;
    for (let i = 0; i < n; i++) variance += (data[i * d + j]! - mean) ** 2;
    const deviation = Math.sqrt(variance / n);
    for (let i = 0; i < n; i++) data[i * d + j] = (data[i * d + j]! - mean) / deviation;
  }
}

function standardisedBlobs(n: number, d: number, k: number, log: (line: string) => void): Dataset {
  const name = `dbscan-blobs-${n}x${d}-k${k}`;
  const description = {
    rows: n,
    cols: d,
    seed: 11,
    generator: 'gaussian-blobs',
    generatorVersion: GENERATOR_VERSION,
    parameters: { clusterCount: k, ...PARAMETERS },
  };
  let header = cachedHeader(name, { ...description, dtype: 'float64' });
  if (!header) {
    log(`  generating ${name}`);
    const { centerSpread, scaleRange } = PARAMETERS;
    const blobs = gaussianBlobs({
      rows: n,
      cols: d,
      clusterCount: k,
      seed: 11,
      centerSpread,
      scaleRange,
    });
    standardise(blobs.data, n, d);
    header = writeCached(name, description, blobs.data);
  }
  return { header, data: readCached(header) as Float64Array, rows: n, cols: d };
}

/** The `dbscan` case. */
export const dbscanCase: CaseDefinition = {
  name: 'dbscan',
  measures: `DBSCAN fit (eps ${EPS}, minSamples ${MIN_SAMPLES}) on standardised blobs.`,
  quality: 'clusters found (noise excluded)',
  targetRatio: 0.5,
  qualityTolerance: 0,
  sizes: { full: { n: 200_000, d: 4, k: 8 }, quick: { n: 20_000, d: 4, k: 8 } },
  async prepare(context, { n, d, k }, quick) {
    const X = standardisedBlobs(n, d, k, context.log);
    // The quick size keeps about the same neighbour count: eps grows as n^(-1/d).
    const eps = quick ? EPS * 10 ** (1 / d) : EPS;
    const sides: Side[] = [];
    const notes: string[] = [];
    const { dbscan } = context.engine;
    if (dbscan) {
      const fit = (rows: number) => dbscan(asMatrix(X, rows), { eps, minSamples: MIN_SAMPLES });
      sides.push({
        name: 'segmint',
        kind: 'segmint',
        rows: n,
        label: `dbscan({ eps: ${eps.toFixed(4)}, minSamples: ${MIN_SAMPLES} })`,
        warmup: () => {
          fit(Math.min(n, 20_000));
          return Promise.resolve();
        },
        run: async () => {
          const { seconds, value } = await timed(() => fit(n));
          return { seconds, quality: value.clusterCount };
        },
      });
    }
    if (context.python) {
      await loadInPython(context.python, 'X', X);
      sides.push(
        sklearnSide(
          context.python,
          n,
          `DBSCAN(eps=${eps.toFixed(4)}, min_samples=${MIN_SAMPLES}) (algorithm='auto')`,
          { op: 'dbscan', data: 'X', eps, min_samples: MIN_SAMPLES },
          (reply) => ({ quality: Number(reply.clusters) }),
        ),
      );
    }
    notes.push(`eps ${eps.toFixed(4)}: about 71 neighbours per point on average`);
    return {
      sides,
      notes,
      ...(dbscan ? {} : { segmintMissing: 'dbscan' }),
      cleanup: async () => void (await context.python?.call({ op: 'drop', key: 'X' })),
    };
  },
};
