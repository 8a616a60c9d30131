/**
 * A small least-recently-used map: `get` refreshes an entry, `set` evicts the oldest entry once
 * the capacity is reached (a Map keeps insertion order, so the first key is the oldest).
 */

/** A bounded map that forgets its least recently used entries. */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();

  /**
   * @param capacity - entries kept (>= 1).
   * @example const cache = new LruCache<string, number>(2);
   */
  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`LruCache: 'capacity' must be an integer >= 1; got ${capacity}.`);
    }
  }

  /** The value (refreshed as most recently used), or undefined. */
  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** Stores a value, evicting the least recently used entry when full. */
  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as K;
      this.entries.delete(oldest);
    }
  }

  /** Forgets a key. */
  delete(key: K): void {
    this.entries.delete(key);
  }

  /** Forgets every key for which `match` is true. */
  deleteWhere(match: (key: K) => boolean): void {
    for (const key of [...this.entries.keys()]) if (match(key)) this.entries.delete(key);
  }

  /** Entries held. */
  get size(): number {
    return this.entries.size;
  }
}
