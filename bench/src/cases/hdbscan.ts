/**
 * Case `hdbscan`: HDBSCAN (minClusterSize 50, minSamples = minClusterSize) on well-separated
 * Gaussian blobs, 50,000 x 4, k = 5 (centre spread 8 against cluster standard deviations 0.6 to
 * 1.4). The reference is the hdbscan library (scikit-learn-contrib/hdbscan 0.8.x), which is not
 * installable from the package registry here: this case runs a local copy kept outside the
 * repository, with /usr/bin/python3 and PYTHONPATH=$SEGMINT_HDBSCAN_REFERENCE (default
 * /work/ref/hdbscan-src), one Python process per run, timing only `fit` (library defaults:
 * algorithm 'best', i.e. Borůvka over a kd-tree, approximate spanning tree, core_dist_n_jobs 4).
 * Without the library the reference side is skipped. Quality = adjusted Rand index against the
 * generating clusters (noise counted as its own label), computed outside the timed region.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cachedHeader, readCached, writeCached, type DatasetHeader } from '../cache.js';
import type { Dataset } from '../datasets.js';
import type { EngineMatrix } from '../engine.js';
import { gaussianBlobs } from '../generate.js';
import { PYTHON } from '../python.js';
import { GENERATOR_VERSION } from '../random.js';
import { timed, type Side } from '../runner.js';
import { asMatrix, type CaseDefinition } from './case.js';

/** Where the local copy of the hdbscan library lives (a folder importable as `hdbscan`). */
const REFERENCE = process.env.SEGMINT_HDBSCAN_REFERENCE ?? '/work/ref/hdbscan-src';

const PARAMETERS = { centerSpread: 8, scaleRange: [0.6, 1.4] as const };

/** Adjusted Rand index of two labelings (Hubert & Arabie 1985). */
export function adjustedRand(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  const table = new Map<string, number>();
  const rows = new Map<number, number>();
  const cols = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const key = `${a[i]},${b[i]}`;
    table.set(key, (table.get(key) ?? 0) + 1);
    rows.set(a[i]!, (rows.get(a[i]!) ?? 0) + 1);
    cols.set(b[i]!, (cols.get(b[i]!) ?? 0) + 1);
  }
  const pairs = (x: number) => (x * (x - 1)) / 2;
  let index = 0;
  for (const count of table.values()) index += pairs(count);
  let rowSum = 0;
  for (const count of rows.values()) rowSum += pairs(count);
  let colSum = 0;
  for (const count of cols.values()) colSum += pairs(count);
  const expected = (rowSum * colSum) / pairs(n);
  const maximum = (rowSum + colSum) / 2;
  return maximum === expected ? 1 : (index - expected) / (maximum - expected);
}

function separatedBlobs(
  n: number,
  d: number,
  k: number,
  log: (line: string) => void,
): { X: Dataset; truth: Int32Array; truthFile: string } {
  const name = `hdbscan-blobs-${n}x${d}-k${k}`;
  const description = {
    rows: n,
    cols: d,
    seed: 7,
    generator: 'gaussian-blobs',
    generatorVersion: GENERATOR_VERSION,
    parameters: { clusterCount: k, ...PARAMETERS },
  };
  let header = cachedHeader(name, { ...description, dtype: 'float64' });
  let truthHeader = cachedHeader(`${name}-labels`, { ...description, cols: 1, dtype: 'int32' });
  if (!header || !truthHeader) {
    log(`  generating ${name}`);
    const blobs = gaussianBlobs({ rows: n, cols: d, clusterCount: k, seed: 7, ...PARAMETERS });
    header = writeCached(name, description, blobs.data);
    truthHeader = writeCached(`${name}-labels`, { ...description, cols: 1 }, blobs.truth);
  }
  const data = readCached(header) as Float64Array;
  return {
    X: { header, data, rows: n, cols: d },
    truth: readCached(truthHeader) as Int32Array,
    truthFile: truthHeader.file,
  };
}

const SCRIPT = `
import json, sys, time
import numpy as np
import hdbscan
from sklearn.metrics import adjusted_rand_score
path, rows, cols, truth_path, min_cluster_size = sys.argv[1:6]
X = np.fromfile(path, dtype='<f8').reshape(int(rows), int(cols))
truth = np.fromfile(truth_path, dtype='<i4')
start = time.perf_counter()
model = hdbscan.HDBSCAN(min_cluster_size=int(min_cluster_size)).fit(X)
seconds = time.perf_counter() - start
print(json.dumps({'seconds': seconds, 'ari': adjusted_rand_score(truth, model.labels_),
                  'version': getattr(hdbscan, '__version__', '0.8.x')}))
`;

function referenceAvailable(): string | undefined {
  if (!existsSync(REFERENCE)) return `hdbscan library not found at ${REFERENCE}`;
  const probe = spawnSync(PYTHON, ['-c', 'import hdbscan'], {
    encoding: 'utf8',
    env: { ...process.env, PYTHONPATH: REFERENCE },
  });
  if (probe.status !== 0) return `hdbscan library not importable from ${REFERENCE}`;
  return undefined;
}

function referenceSide(header: DatasetHeader, truthFile: string, minClusterSize: number): Side {
  return {
    name: 'hdbscan-lib',
    kind: 'sklearn',
    rows: header.rows,
    label: `hdbscan.HDBSCAN(min_cluster_size=${minClusterSize}) (library defaults: Borůvka kd-tree)`,
    run: () => {
      const result = spawnSync(
        PYTHON,
        [
          '-c',
          SCRIPT,
          header.file,
          String(header.rows),
          String(header.cols),
          truthFile,
          String(minClusterSize),
        ],
        { encoding: 'utf8', env: { ...process.env, PYTHONPATH: REFERENCE } },
      );
      if (result.status !== 0) throw new Error(`hdbscan library: ${result.stderr.slice(-500)}`);
      const reply = JSON.parse(result.stdout.trim().split('\n').pop()!) as {
        seconds: number;
        ari: number;
      };
      return Promise.resolve({ seconds: reply.seconds, quality: reply.ari });
    },
  };
}

/** The `hdbscan` case. */
export const hdbscanCase: CaseDefinition = {
  name: 'hdbscan',
  measures:
    'HDBSCAN fit (core distances, minimum spanning tree, condensed tree, EOM selection, probabilities, GLOSH).',
  quality: 'ARI against the generating blobs',
  targetRatio: 1,
  sizes: { full: { n: 50_000, d: 4, k: 5 }, quick: { n: 5_000, d: 4, k: 5 } },
  prepare(context, { n, d, k }) {
    const minClusterSize = 50;
    const { X, truth, truthFile } = separatedBlobs(n, d, k, context.log);
    const sides: Side[] = [];
    const notes: string[] = [];
    const { hdbscan } = context.engine;
    if (hdbscan) {
      const fit = (matrix: EngineMatrix) => hdbscan(matrix, { minClusterSize });
      sides.push({
        name: 'segmint',
        kind: 'segmint',
        rows: n,
        label: `hdbscan({ minClusterSize: ${minClusterSize} })`,
        warmup: () => {
          fit(asMatrix(X, Math.min(n, 5000)));
          return Promise.resolve();
        },
        run: async () => {
          const { seconds, value } = await timed(() => fit(asMatrix(X, n)));
          return { seconds, quality: adjustedRand(truth, value.labels) };
        },
      });
    }
    const missing = referenceAvailable();
    if (missing === undefined) sides.push(referenceSide(X.header, truthFile, minClusterSize));
    else notes.push(`${missing}: the reference side is skipped`);
    notes.push('the "sklearn" column is the hdbscan library (scikit-learn 1.2.1 has no HDBSCAN)');
    return Promise.resolve({
      sides,
      notes,
      ...(hdbscan ? {} : { segmintMissing: 'hdbscan' }),
      cleanup: () => Promise.resolve(),
    });
  },
};
