/**
 * A small least-recently-used map: `get` refreshes an entry, `set` evicts the oldest entry once
 * the capacity is reached (a Map keeps insertion order, so the first key is the oldest).
 */

/** A bounded map that forgets its least recently used entries. */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();

  /**
   * @param capacity - entries kept (>= 1).
   * @param onEvict - called with each entry pushed out by `set` (not by `delete`).
   * @example const cache = new LruCache<string, number>(2);
   */
  constructor(
    readonly capacity: number,
    private readonly onEvict: (key: K, value: V) => void = () => undefined,
  ) {
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
      const [oldest, value] = this.entries.entries().next().value as [K, V];
      this.entries.delete(oldest);
      this.onEvict(oldest, value);
    }
  }

  /** Forgets a key; true when it was held. */
  delete(key: K): boolean {
    return this.entries.delete(key);
  }

  /** Removes and returns every entry (e.g. to close them). */
  clear(): V[] {
    const values = [...this.entries.values()];
    this.entries.clear();
    return values;
  }

  /** Entries held. */
  get size(): number {
    return this.entries.size;
  }
}
