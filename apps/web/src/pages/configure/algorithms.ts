/**
 * The clustering algorithms the server accepts, read from the config's JSON Schema
 * (`GET /api/config/schema`): the first `enum` that lists 'kmeans'. Falls back to the two
 * k-means variants when the schema is unavailable.
 */

/** Algorithms every server knows. */
export const FALLBACK_ALGORITHMS: readonly string[] = ['kmeans', 'minibatch-kmeans'];

/**
 * Finds the algorithm names in a JSON Schema.
 * @example algorithmsFromSchema({ properties: { a: { enum: ['kmeans', 'gmm'] } } }) // ['kmeans', 'gmm']
 */
export function algorithmsFromSchema(schema: unknown): readonly string[] {
  const seen = new Set<unknown>();
  const visit = (node: unknown): string[] | null => {
    if (typeof node !== 'object' || node === null || seen.has(node)) return null;
    seen.add(node);
    const record = node as Record<string, unknown>;
    const values = record.enum;
    if (Array.isArray(values) && values.includes('kmeans')) {
      return values.filter((value): value is string => typeof value === 'string');
    }
    for (const child of Object.values(record)) {
      const found = visit(child);
      if (found !== null) return found;
    }
    return null;
  };
  return visit(schema) ?? FALLBACK_ALGORITHMS;
}
