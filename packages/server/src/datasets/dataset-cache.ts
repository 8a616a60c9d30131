/**
 * Caches for the dataset preview routes, so paging through a file and reopening its profile do
 * not reload it into a fresh DuckDB per request: the column profile of each dataset (small, kept
 * for the {@link DATASET_CACHE_DEFAULTS.profiles} most recent datasets) and the loaded file
 * itself for the {@link DATASET_CACHE_DEFAULTS.loaded} most recent ones (an in-memory DuckDB
 * each; evicted ones are closed once their queries end). Queries on one loaded dataset run one at
 * a time (a promise chain), since they share its connection. Deleting a dataset forgets it.
 */
import type { ColumnProfile } from '@segmint/data';
import type { DatasetRecord } from '../store/catalog.js';
import { LruCache } from '../results/lru-cache.js';
import {
  openDataset,
  profileOpenDataset,
  rowsOfOpenDataset,
  type DatasetFormat,
  type OpenDataset,
} from './read-dataset.js';

/** Sizes of a {@link DatasetCache}. */
export interface DatasetCacheSizes {
  /** Datasets kept loaded (one in-memory DuckDB each). */
  readonly loaded: number;
  /** Column profiles kept. */
  readonly profiles: number;
}

/** Default cache sizes. */
export const DATASET_CACHE_DEFAULTS: DatasetCacheSizes = Object.freeze({ loaded: 2, profiles: 32 });

interface LoadedEntry {
  readonly opened: Promise<OpenDataset>;
  /** The last query queued on this dataset (resolves, never rejects). */
  tail: Promise<unknown>;
}

/** Loaded datasets and profiles, keyed by dataset id. */
export class DatasetCache {
  private readonly loaded: LruCache<string, LoadedEntry>;
  private readonly profiles: LruCache<string, Promise<ColumnProfile[]>>;

  /**
   * @param sizes - datasets kept loaded and profiles kept (defaults {@link DATASET_CACHE_DEFAULTS}).
   * @example const cache = new DatasetCache(); await cache.profile(dataset);
   */
  constructor(sizes: Partial<DatasetCacheSizes> = {}) {
    this.loaded = new LruCache(sizes.loaded ?? DATASET_CACHE_DEFAULTS.loaded, (_id, entry) => {
      void closeEntry(entry);
    });
    this.profiles = new LruCache(sizes.profiles ?? DATASET_CACHE_DEFAULTS.profiles);
  }

  /** The dataset's column profile (computed once). */
  profile(dataset: DatasetRecord): Promise<ColumnProfile[]> {
    const cached = this.profiles.get(dataset.id);
    if (cached !== undefined) return cached;
    const computing = this.query(dataset, profileOpenDataset);
    this.profiles.set(dataset.id, computing);
    computing.catch(() => {
      this.profiles.delete(dataset.id);
    });
    return computing;
  }

  /** A page of the dataset's rows. */
  rows(
    dataset: DatasetRecord,
    offset: number,
    limit: number,
  ): Promise<{ total: number; columns: string[]; rows: Record<string, unknown>[] }> {
    return this.query(dataset, (open) => rowsOfOpenDataset(open, offset, limit));
  }

  /** Forgets a dataset (closes it once its queries end). */
  async forget(id: string): Promise<void> {
    this.profiles.delete(id);
    const entry = this.loaded.get(id);
    this.loaded.delete(id);
    if (entry !== undefined) await closeEntry(entry);
  }

  /** Closes every loaded dataset. */
  async close(): Promise<void> {
    void this.profiles.clear();
    await Promise.all(this.loaded.clear().map(closeEntry));
  }

  private query<T>(dataset: DatasetRecord, work: (open: OpenDataset) => Promise<T>): Promise<T> {
    let entry = this.loaded.get(dataset.id);
    if (entry === undefined) {
      const opened = openDataset(dataset.path, dataset.format as DatasetFormat, dataset.options);
      entry = { opened, tail: opened.catch(() => undefined) };
      this.loaded.set(dataset.id, entry);
      const failed = entry;
      // A file that fails to load is not kept: the next request tries again.
      opened.catch(() => {
        if (this.loaded.get(dataset.id) === failed) this.loaded.delete(dataset.id);
      });
    }
    const current = entry;
    const result = current.tail.then(async () => work(await current.opened));
    current.tail = result.catch(() => undefined);
    return result;
  }
}

async function closeEntry(entry: LoadedEntry): Promise<void> {
  await entry.tail;
  try {
    await (await entry.opened).db.close();
  } catch {
    // Never loaded: nothing to close.
  }
}
