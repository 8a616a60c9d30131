/**
 * A per-server cache of parsed model files for the predict route: the catalog record and the
 * parsed `RunModelFile` are kept per model id, so a prediction neither queries the catalog nor
 * reads and parses the model JSON again. Entries are dropped when the model is deleted
 * ({@link ModelCache.delete}); the least recently used entry is evicted beyond `capacity`.
 */
import type { RunModelFile } from '@segmint/pipeline';
import type { ModelRecord } from '../store/catalog.js';

/** A cached model: its catalog record and parsed file. */
export interface CachedModel {
  record: ModelRecord;
  file: RunModelFile;
}

/**
 * Loads models once per id.
 * @example
 * const cache = new ModelCache(async (id) => ({ record, file }));
 * const { file } = await cache.get('m1');
 * cache.delete('m1'); // on DELETE /api/models/m1
 */
export class ModelCache {
  private readonly entries = new Map<string, Promise<CachedModel>>();

  /**
   * @param load - reads the record and file of a model id (throws NOT_FOUND when unknown;
   *   failures are not cached).
   * @param capacity - most models kept (default 64).
   */
  constructor(
    private readonly load: (id: string) => Promise<CachedModel>,
    private readonly capacity = 64,
  ) {}

  /** The cached model, loading it on first use. */
  get(id: string): Promise<CachedModel> {
    const hit = this.entries.get(id);
    if (hit !== undefined) {
      // Refresh recency (Map keeps insertion order).
      this.entries.delete(id);
      this.entries.set(id, hit);
      return hit;
    }
    const pending = this.load(id);
    this.entries.set(id, pending);
    pending.catch(() => {
      if (this.entries.get(id) === pending) this.entries.delete(id);
    });
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return pending;
  }

  /** Forgets a model (call when it is deleted). */
  delete(id: string): void {
    this.entries.delete(id);
  }

  /** Number of cached models. */
  get size(): number {
    return this.entries.size;
  }
}
