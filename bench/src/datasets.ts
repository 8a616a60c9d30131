/**
 * The benchmark datasets: recipes (generator, shape, seed) and their cached copies. A dataset is
 * generated once, written under bench/.cache with its header, and rebuilt only when its recipe
 * or {@link GENERATOR_VERSION} changes. Every side reads the same bytes.
 */
import { CACHE_DIR, cachedHeader, readCached, writeCached, type DatasetHeader } from './cache.js';
import { correlatedGaussian, gaussianBlobs } from './generate.js';
import { GENERATOR_VERSION } from './random.js';
import { kmeansPlusPlusSeeds, lloydLabels } from './reference-kmeans.js';

/** A dataset in memory (values over a SharedArrayBuffer) plus its header. */
export interface Dataset {
  readonly header: DatasetHeader;
  readonly data: Float64Array;
  readonly rows: number;
  readonly cols: number;
}

/** The clustering datasets' generator settings (see generate.ts). */
export const BLOB_PARAMETERS = { centerSpread: 0.4, scaleRange: [0.6, 1.4] } as const;

function describe(
  generator: string,
  rows: number,
  cols: number,
  seed: number,
  parameters: Record<string, unknown>,
) {
  return { rows, cols, seed, generator, generatorVersion: GENERATOR_VERSION, parameters };
}

function load(header: DatasetHeader): Dataset {
  const data = readCached(header);
  if (!(data instanceof Float64Array)) throw new Error(`bench: ${header.name} is not float64.`);
  return { header, data, rows: header.rows, cols: header.cols };
}

function cachedOrBuilt(
  name: string,
  description: ReturnType<typeof describe>,
  build: () => Float64Array | Int32Array,
  log: (line: string) => void,
): DatasetHeader {
  const existing = cachedHeader(
    name,
    {
      ...description,
      dtype: name.endsWith('labels') ? 'int32' : 'float64',
    },
    CACHE_DIR,
  );
  if (existing) return existing;
  log(`  generating ${name} (${description.rows} x ${description.cols}, seed ${description.seed})`);
  return writeCached(name, description, build(), CACHE_DIR);
}

/** Overlapping Gaussian blobs (see {@link gaussianBlobs}), cached. */
export function blobs(
  rows: number,
  cols: number,
  clusterCount: number,
  seed: number,
  log: (line: string) => void,
): Dataset {
  const name = `blobs-${rows}x${cols}-k${clusterCount}-s${seed}`;
  const description = describe('gaussian-blobs', rows, cols, seed, {
    clusterCount,
    ...BLOB_PARAMETERS,
  });
  const header = cachedOrBuilt(
    name,
    description,
    () => gaussianBlobs({ rows, cols, clusterCount, seed, ...BLOB_PARAMETERS }).data,
    log,
  );
  return load(header);
}

/** Correlated Gaussian data with a decaying spectrum (see {@link correlatedGaussian}), cached. */
export function correlated(
  rows: number,
  cols: number,
  seed: number,
  log: (line: string) => void,
): Dataset {
  const decay = 0.7;
  const name = `correlated-${rows}x${cols}-s${seed}`;
  const header = cachedOrBuilt(
    name,
    describe('correlated-gaussian', rows, cols, seed, { decay }),
    () => correlatedGaussian({ rows, cols, seed, decay }).data,
    log,
  );
  return load(header);
}

/**
 * The full recipe of a source dataset, recorded in the header of anything derived from it, so
 * that derived files (C0, labels) are rebuilt whenever their source's recipe changes.
 */
export function sourceRecipe(source: Dataset): Record<string, unknown> {
  const { name, seed, generator, generatorVersion, parameters } = source.header;
  return { source: { name, seed, generator, generatorVersion, parameters: parameters ?? {} } };
}

/** Shared initial centroids C0: plain k-means++ on `source` (seed 0), cached. */
export function initialCentroids(
  source: Dataset,
  clusterCount: number,
  log: (line: string) => void,
): Dataset {
  const name = `${source.header.name}-init`;
  const header = cachedOrBuilt(
    name,
    describe('kmeans++-seeds', clusterCount, source.cols, 0, sourceRecipe(source)),
    () => kmeansPlusPlusSeeds(source.data, source.rows, source.cols, clusterCount, 0),
    log,
  );
  return load(header);
}

/** Fixed k-means labels of `source` (plain Lloyd from k-means++ seeds), cached as int32. */
export function kmeansLabels(
  source: Dataset,
  clusterCount: number,
  log: (line: string) => void,
): { header: DatasetHeader; labels: Int32Array } {
  const name = `${source.header.name}-k${clusterCount}-labels`;
  const header = cachedOrBuilt(
    name,
    describe('lloyd-labels', source.rows, 1, 0, { ...sourceRecipe(source), clusterCount }),
    () => {
      const C0 = kmeansPlusPlusSeeds(source.data, source.rows, source.cols, clusterCount, 0);
      return lloydLabels(source.data, source.rows, source.cols, C0, clusterCount, 300);
    },
    log,
  );
  const labels = readCached(header);
  if (!(labels instanceof Int32Array)) throw new Error(`bench: ${name} is not int32.`);
  return { header, labels };
}
