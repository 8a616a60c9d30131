/**
 * The Segmint side: the engine's functions, imported dynamically from the BUILT package
 * (`@segmint/engine` and `@segmint/engine/node`, via their package exports) so that a function
 * that does not exist yet makes its case "not implemented" instead of failing the run.
 *
 * The types below restate the agreed signatures locally, so this file type-checks whatever the
 * engine currently exports.
 */

/** The engine's dense row-major matrix, shape (rows, cols). */
export interface EngineMatrix {
  readonly data: Float64Array;
  readonly rows: number;
  readonly cols: number;
}

/** The fields of a fitted k-means model the benchmark reads. */
export interface EngineKMeansModel {
  readonly labels: Int32Array;
  readonly centroids: EngineMatrix;
  readonly inertia: number;
  readonly iterations: number;
  readonly converged: boolean;
}

/** Options passed to kmeans / kmeansParallel. */
export interface EngineKMeansOptions {
  readonly clusterCount: number;
  readonly init?: 'k-means++' | EngineMatrix;
  readonly nInit?: number;
  readonly maxIterations?: number;
  readonly tolerance?: number;
  readonly algorithm?: string;
  readonly seed?: number;
  readonly threads?: number;
  readonly batchSize?: number;
}

/** The fields of a fitted PCA the benchmark reads. */
export interface EnginePcaModel {
  readonly components: EngineMatrix;
  readonly explainedVarianceRatio: ArrayLike<number>;
}

/** The fields of a fitted agglomerative model the benchmark reads. */
export interface EngineAgglomerativeModel {
  readonly labels: Int32Array;
  readonly clusterCount: number;
}

/** The fields of a fitted HDBSCAN model the benchmark reads. */
export interface EngineHdbscanModel {
  readonly labels: Int32Array;
  readonly clusterCount: number;
}

/** The fields of a fitted DBSCAN model the benchmark reads. */
export interface EngineDbscanModel {
  readonly labels: Int32Array;
  readonly clusterCount: number;
}

/** The fields of a fitted k-prototypes model the benchmark reads. */
export interface EngineKPrototypesModel {
  readonly labels: Int32Array;
  readonly cost: number;
  readonly iterations: number;
}

type MaybePromise<T> = T | Promise<T>;

/** The engine functions the cases use; each is undefined when not (yet) exported. */
export interface EngineApi {
  readonly kmeans?: (X: EngineMatrix, options: EngineKMeansOptions) => EngineKMeansModel;
  readonly kmeansParallel?: (
    X: EngineMatrix,
    options: EngineKMeansOptions,
  ) => Promise<EngineKMeansModel>;
  readonly kmeansPlusPlus?: (
    X: EngineMatrix,
    clusterCount: number,
    options: { seed?: number },
  ) => { centroids: EngineMatrix; indices: Int32Array };
  readonly kmeansPlusPlusParallel?: (
    X: EngineMatrix,
    clusterCount: number,
    options: { seed?: number; threads?: number },
  ) => Promise<{ centroids: EngineMatrix; indices: Int32Array }>;
  readonly miniBatchKMeans?: (X: EngineMatrix, options: EngineKMeansOptions) => EngineKMeansModel;
  readonly miniBatchKMeansParallel?: (
    X: EngineMatrix,
    options: EngineKMeansOptions,
  ) => Promise<EngineKMeansModel>;
  readonly pca?: (X: EngineMatrix, options: { components: number }) => EnginePcaModel;
  readonly pcaParallel?: (
    X: EngineMatrix,
    options: { components: number; threads?: number },
  ) => Promise<EnginePcaModel>;
  readonly silhouetteScore?: (X: EngineMatrix, labels: Int32Array) => number;
  readonly silhouetteSamples?: (X: EngineMatrix, labels: Int32Array) => Float64Array;
  readonly silhouetteSamplesParallel?: (
    X: EngineMatrix,
    labels: Int32Array,
    options: { threads?: number },
  ) => MaybePromise<Float64Array>;
  readonly agglomerative?: (
    X: EngineMatrix,
    options: { clusterCount?: number; linkage?: string },
  ) => EngineAgglomerativeModel;
  readonly dbscan?: (
    X: EngineMatrix,
    options: { eps?: number; minSamples?: number },
  ) => EngineDbscanModel;
  readonly hdbscan?: (
    X: EngineMatrix,
    options: { minClusterSize?: number; minSamples?: number },
  ) => EngineHdbscanModel;
  readonly kPrototypes?: (
    X: EngineMatrix,
    options: {
      clusterCount: number;
      categoricalColumns: readonly number[];
      nInit?: number;
      seed?: number;
    },
  ) => EngineKPrototypesModel;
}

const NAMES = {
  main: [
    'kmeans',
    'kmeansPlusPlus',
    'miniBatchKMeans',
    'pca',
    'silhouetteScore',
    'silhouetteSamples',
    'agglomerative',
    'dbscan',
    'hdbscan',
    'kPrototypes',
  ],
  node: [
    'kmeansParallel',
    'kmeansPlusPlusParallel',
    'miniBatchKMeansParallel',
    'pcaParallel',
    'silhouetteSamplesParallel',
  ],
} as const;

async function importOrEmpty(specifier: string): Promise<Record<string, unknown>> {
  try {
    return (await import(specifier)) as Record<string, unknown>;
  } catch (error) {
    console.warn(`bench: could not import ${specifier}: ${(error as Error).message}`);
    return {};
  }
}

/**
 * Loads whichever engine functions exist. Never throws: a missing build or function simply
 * leaves the field undefined.
 */
export async function loadEngine(): Promise<EngineApi> {
  const main = await importOrEmpty('@segmint/engine');
  const node = await importOrEmpty('@segmint/engine/node');
  const api: Record<string, unknown> = {};
  for (const name of NAMES.main) if (typeof main[name] === 'function') api[name] = main[name];
  for (const name of NAMES.node) if (typeof node[name] === 'function') api[name] = node[name];
  return api;
}

/** Names of the engine functions that were found, for the log. */
export function availableFunctions(api: EngineApi): string[] {
  return Object.keys(api).sort();
}
