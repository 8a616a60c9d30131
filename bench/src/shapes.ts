/**
 * `npm run shapes -w bench`: the adjusted Rand index of every clustering algorithm the BUILT
 * engine exports on the labelled Fränti/SIPU shape sets (aggregation, compound, flame, jain,
 * pathbased, spiral), written to results/shapes.json and the "Shape sets" section of README.md.
 *
 * Algorithms are looked up by name on `@segmint/engine`; a missing one prints "not available".
 * ARI is against `labels0` (noise -1 counts as one more label), like the engine's real-data
 * tests; results/shapes.json also records the best ARI over the alternative partitions
 * (`labels1`, ...). Parameters (documented in README.md):
 * - kmeans: the true k, nInit 10, seed 0.
 * - dbscan knee: minSamples 5, eps = `kDistanceCurve(X, 4).suggestedEps` (no labels used).
 * - dbscan tuned / hdbscan: the per-set settings documented by the density tests
 *   (packages/engine/src/density/*-real-data.test.ts), chosen on a grid with the labels.
 * - agglomerative: the true k, each linkage. gaussianMixture: the true k, full covariances, seed 0.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  replaceShapesSection,
  shapesTable,
  type ShapeCell,
  type ShapeRow,
} from './shapes-report.js';

const here = dirname(fileURLToPath(import.meta.url));
const BENCH = resolve(here, '..');
const SIPU = resolve(
  process.env.SEGMINT_SHARED_DATASETS ?? resolve(BENCH, '../../shared/datasets'),
  'fraenti_sipu_shared',
);
const SETS = ['aggregation', 'compound', 'flame', 'jain', 'pathbased', 'spiral'] as const;

interface Matrix {
  readonly data: Float64Array;
  readonly rows: number;
  readonly cols: number;
}
interface Fitted {
  readonly labels: Int32Array;
  readonly clusterCount?: number;
}
type Fit = (X: Matrix, options: Record<string, unknown>) => Fitted;

/** Settings of the density tests (see the header). */
const DBSCAN_TUNED: Record<string, { eps: number; minSamples: number }> = {
  aggregation: { minSamples: 10, eps: 1.7 },
  compound: { minSamples: 3, eps: 1.5 },
  flame: { minSamples: 8, eps: 1.25 },
  jain: { minSamples: 8, eps: 1.7 },
  pathbased: { minSamples: 10, eps: 2.25 },
  spiral: { minSamples: 4, eps: 2 },
};
const HDBSCAN_SETTINGS: Record<string, { minClusterSize: number; minSamples?: number }> = {
  aggregation: { minClusterSize: 15 },
  compound: { minClusterSize: 5 },
  flame: { minClusterSize: 10 },
  jain: { minClusterSize: 25, minSamples: 5 },
  pathbased: { minClusterSize: 15 },
  spiral: { minClusterSize: 5, minSamples: 5 },
};

function loadSet(name: string): { X: Matrix; references: Int32Array[] } {
  const rows = readFileSync(join(SIPU, `${name}.data`), 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number));
  const cols = rows[0]!.length;
  const data = new Float64Array(rows.length * cols);
  rows.forEach((row, i) => data.set(row, i * cols));
  const references: Int32Array[] = [];
  for (let r = 0; existsSync(join(SIPU, `${name}.labels${r}`)); r++) {
    const text = readFileSync(join(SIPU, `${name}.labels${r}`), 'utf8')
      .trim()
      .split('\n');
    references.push(Int32Array.from(text, Number));
  }
  return { X: { data, rows: rows.length, cols }, references };
}

async function main(): Promise<void> {
  if (!existsSync(SIPU)) {
    console.error(`shapes: ${SIPU} not found (set SEGMINT_SHARED_DATASETS).`);
    process.exitCode = 1;
    return;
  }
  const engine = (await import('@segmint/engine')) as Record<string, unknown>;
  const get = <T>(name: string): T | undefined =>
    typeof engine[name] === 'function' ? (engine[name] as T) : undefined;
  const ari = get<(a: ArrayLike<number>, b: ArrayLike<number>) => number>('adjustedRandIndex');
  if (!ari)
    throw new Error('shapes: the engine does not export adjustedRandIndex (build it first).');
  const kDistanceCurve =
    get<(X: Matrix, k: number) => { suggestedEps?: number | null }>('kDistanceCurve');

  interface Column {
    readonly name: string;
    readonly function: string;
    readonly params: (set: string, k: number, X: Matrix) => Record<string, unknown>;
  }
  const columns: Column[] = [
    {
      name: 'kmeans',
      function: 'kmeans',
      params: (_, k) => ({ clusterCount: k, nInit: 10, seed: 0 }),
    },
    {
      name: 'dbscan (knee)',
      function: 'dbscan',
      params: (_, __, X) => ({
        minSamples: 5,
        eps: kDistanceCurve?.(X, 4).suggestedEps ?? undefined,
      }),
    },
    { name: 'dbscan (tuned)', function: 'dbscan', params: (set) => ({ ...DBSCAN_TUNED[set] }) },
    { name: 'hdbscan', function: 'hdbscan', params: (set) => ({ ...HDBSCAN_SETTINGS[set] }) },
    ...(['ward', 'complete', 'average', 'single'] as const).map((linkage): Column => ({
      name: `agglomerative ${linkage}`,
      function: 'agglomerative',
      params: (_, k) => ({ clusterCount: k, linkage }),
    })),
    {
      name: 'gaussianMixture',
      function: 'gaussianMixture',
      params: (_, k) => ({ clusterCount: k, covariance: 'full', seed: 0 }),
    },
  ];
  const tunedKeys: Record<string, readonly string[]> = {
    'dbscan (knee)': ['eps'],
    'dbscan (tuned)': ['eps', 'minSamples'],
    hdbscan: ['minClusterSize', 'minSamples'],
  };

  const rows: ShapeRow[] = [];
  for (const set of SETS) {
    const { X, references } = loadSet(set);
    const truth = references[0]!;
    const k = new Set(truth).size;
    const cells: Record<string, ShapeCell> = {};
    for (const column of columns) {
      const fit = get<Fit>(column.function);
      const params = column.params(set, k, X);
      if (!fit) {
        cells[column.name] = { ari: null, params, clusters: null, note: 'not available' };
        console.log(`${set} ${column.name}: not available`);
        continue;
      }
      try {
        const defined = Object.fromEntries(
          Object.entries(params).filter(([, v]) => v !== undefined),
        );
        const start = performance.now();
        const model = fit(X, defined);
        const seconds = (performance.now() - start) / 1000;
        const score = ari(truth, model.labels);
        const best = Math.max(...references.map((reference) => ari(reference, model.labels)));
        const clusters =
          model.clusterCount ?? new Set(Array.from(model.labels).filter((l) => l >= 0)).size;
        cells[column.name] = {
          ari: score,
          params: { ...defined, bestAri: best },
          clusters,
          seconds,
        };
        console.log(
          `${set} ${column.name}: ARI ${score.toFixed(4)} (best over references ${best.toFixed(4)}), ${clusters} clusters, ${seconds.toFixed(3)} s`,
        );
      } catch (error) {
        const message = (error as Error).message;
        cells[column.name] = { ari: null, params, clusters: null, note: 'error' };
        console.log(`${set} ${column.name}: error: ${message}`);
      }
    }
    rows.push({ dataset: set, n: X.rows, k, cells });
  }

  const names = columns.map((c) => c.name);
  writeFileSync(
    join(BENCH, 'results', 'shapes.json'),
    `${JSON.stringify({ date: new Date().toISOString(), columns: names, rows }, null, 2)}\n`,
  );
  const body = [
    `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run shapes -w bench\` (ARI against \`labels0\`; noise is one more label).`,
    '',
    shapesTable(rows, names, tunedKeys),
  ].join('\n');
  const readmePath = join(BENCH, 'README.md');
  writeFileSync(readmePath, replaceShapesSection(readFileSync(readmePath, 'utf8'), body));
  console.log('shapes: wrote results/shapes.json and the README section.');
}

await main();
