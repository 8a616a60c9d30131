/**
 * The npm peers: ml-kmeans 7, skmeans 0.11 and ml-pca 4, loaded lazily so a missing peer only
 * drops its column. They take `number[][]` input; the conversion from the shared Float64Array is
 * done once per dataset and is not timed (see {@link toRows}).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** ml-kmeans' `kmeans` (the fields we use). */
export type MlKmeans = (
  data: number[][],
  K: number,
  options: { initialization?: number[][] | 'kmeans++'; maxIterations?: number; seed?: number },
) => { clusters: number[]; centroids: number[][]; iterations: number; converged: boolean };

/** ml-kmeans' k-means++ seeding (an internal module; the package exports only `kmeans`). */
export type MlKmeansPlusPlus = (
  X: number[][],
  K: number,
  options?: { seed?: number },
) => number[][];

/** skmeans' default export. */
export type Skmeans = (
  data: number[][],
  k: number,
  initial?: number[][] | 'kmrand' | 'kmpp' | null,
  maxIterations?: number,
) => { it: number; idxs: number[]; centroids: number[][] };

/** ml-pca's PCA class (the members we use). */
export type MlPcaClass = new (data: number[][]) => { getExplainedVariance(): number[] };

/** The peers that loaded. */
export interface Peers {
  readonly mlKmeans?: MlKmeans;
  readonly mlKmeansPlusPlus?: MlKmeansPlusPlus;
  readonly skmeans?: Skmeans;
  readonly MlPca?: MlPcaClass;
  readonly versions: Readonly<Record<string, string>>;
}

/** The version in the package.json above a resolved entry file. */
function packageVersion(name: string, entryUrl: string): string {
  let directory = dirname(fileURLToPath(entryUrl));
  for (let depth = 0; depth < 6; depth++) {
    try {
      const json = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (json.name === name) return json.version ?? 'unknown';
    } catch {
      // no package.json at this level
    }
    directory = dirname(directory);
  }
  return 'unknown';
}

async function tryImport<T>(load: () => Promise<T>, label: string): Promise<T | undefined> {
  try {
    return await load();
  } catch (error) {
    console.warn(`bench: peer ${label} unavailable: ${(error as Error).message}`);
    return undefined;
  }
}

/** Imports every peer that is installed. Never throws. */
export async function loadPeers(): Promise<Peers> {
  const versions: Record<string, string> = {};
  const mlKmeansModule = await tryImport(async () => {
    const url = import.meta.resolve('ml-kmeans');
    versions['ml-kmeans'] = packageVersion('ml-kmeans', url);
    const main = (await import('ml-kmeans')) as unknown as { kmeans: MlKmeans };
    // kmeanspp lives beside the entry file; the exports map hides it, a file URL does not.
    const seeding = (await import(new URL('./initialization.js', url).href)) as {
      kmeanspp?: MlKmeansPlusPlus;
    };
    return { kmeans: main.kmeans, kmeanspp: seeding.kmeanspp };
  }, 'ml-kmeans');
  const skmeans = await tryImport(async () => {
    versions.skmeans = packageVersion('skmeans', import.meta.resolve('skmeans'));
    return (await import('skmeans')).default;
  }, 'skmeans');
  const MlPca = await tryImport(async () => {
    versions['ml-pca'] = packageVersion('ml-pca', import.meta.resolve('ml-pca'));
    return (await import('ml-pca')).PCA;
  }, 'ml-pca');
  return {
    mlKmeans: mlKmeansModule?.kmeans,
    mlKmeansPlusPlus: mlKmeansModule?.kmeanspp,
    skmeans,
    MlPca,
    versions,
  };
}

/** Copies rows `[0, rows)` of a row-major array into `number[][]` (the peers' input format). */
export function toRows(data: Float64Array, rows: number, cols: number): number[][] {
  const result: number[][] = new Array<number[]>(rows);
  for (let i = 0; i < rows; i++) result[i] = Array.from(data.subarray(i * cols, (i + 1) * cols));
  return result;
}

/** Flattens `number[][]` back into a row-major Float64Array. */
export function fromRows(rows: readonly (readonly number[])[]): Float64Array {
  const cols = rows[0]?.length ?? 0;
  const result = new Float64Array(rows.length * cols);
  rows.forEach((row, i) => result.set(row, i * cols));
  return result;
}
