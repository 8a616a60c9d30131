import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { EXAMPLE_CONFIG } from './example.js';
import { configJsonSchema } from './json-schema.js';
import { CONFIG_KEYS } from './schema.js';

type Schema = Record<string, unknown>;

/** The JSON Schema keywords the generated schema may use (anything else fails the test). */
const KEYWORDS = new Set([
  '$schema',
  'title',
  'description',
  'type',
  'properties',
  'required',
  'additionalProperties',
  'anyOf',
  'oneOf',
  'const',
  'enum',
  'items',
  'minItems',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'pattern',
  'propertyNames',
  'default',
]);
const TYPES = new Set(['object', 'array', 'string', 'number', 'integer', 'boolean', 'null']);

/** Checks that `schema` is well-formed for the keywords above; returns problems. */
function lint(schema: Schema, where = '#'): string[] {
  const problems: string[] = [];
  for (const [keyword, value] of Object.entries(schema)) {
    const at = `${where}/${keyword}`;
    if (!KEYWORDS.has(keyword)) problems.push(`${at}: unexpected keyword`);
    const types: unknown[] = Array.isArray(value) ? value : [value];
    if (keyword === 'type' && !types.every((name) => TYPES.has(name as string))) {
      problems.push(`${at}: bad type`);
    }
    if (keyword === 'properties') {
      for (const [name, child] of Object.entries(value as Record<string, Schema>)) {
        problems.push(...lint(child, `${at}/${name}`));
      }
    }
    if (keyword === 'required') {
      const properties = (schema.properties ?? {}) as Schema;
      for (const name of value as string[]) {
        if (!(name in properties)) problems.push(`${at}: '${name}' is not a property`);
      }
    }
    if (keyword === 'anyOf' || keyword === 'oneOf') {
      (value as Schema[]).forEach((child, index) =>
        problems.push(...lint(child, `${at}/${index}`)),
      );
    }
    if (
      ['items', 'propertyNames'].includes(keyword) ||
      (keyword === 'additionalProperties' && typeof value === 'object')
    ) {
      problems.push(...lint(value as Schema, at));
    }
  }
  return problems;
}

/** A tiny validator for the keywords above, enough to run configs through the schema. */
function accepts(schema: Schema, value: unknown): boolean {
  if (Array.isArray(schema.type)) {
    const types = schema.type as string[];
    return types.some((type) => accepts({ ...schema, type }, value));
  }
  const type = schema.type as string | undefined;
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  if (type === 'object' && !isObject) return false;
  if (type === 'array' && !Array.isArray(value)) return false;
  if (type === 'string' && typeof value !== 'string') return false;
  if (type === 'number' && typeof value !== 'number') return false;
  if (type === 'integer' && !Number.isInteger(value)) return false;
  if (type === 'boolean' && typeof value !== 'boolean') return false;
  if (type === 'null' && value !== null) return false;
  if ('const' in schema && schema.const !== value) return false;
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) return false;
  if (Array.isArray(schema.anyOf) && !(schema.anyOf as Schema[]).some((s) => accepts(s, value)))
    return false;
  if (
    Array.isArray(schema.oneOf) &&
    (schema.oneOf as Schema[]).filter((s) => accepts(s, value)).length !== 1
  )
    return false;
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) return false;
    if (typeof schema.maximum === 'number' && value > schema.maximum) return false;
  }
  if (typeof value === 'string') {
    if (typeof schema.minLength === 'number' && value.length < schema.minLength) return false;
    if (typeof schema.maxLength === 'number' && value.length > schema.maxLength) return false;
    if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern).test(value)) return false;
  }
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) return false;
    if (schema.items !== undefined && !value.every((item) => accepts(schema.items as Schema, item)))
      return false;
  }
  if (isObject) {
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    const record = value as Record<string, unknown>;
    for (const name of (schema.required ?? []) as string[]) if (!(name in record)) return false;
    for (const [name, item] of Object.entries(record)) {
      const child = properties[name];
      if (child !== undefined) {
        if (!accepts(child, item)) return false;
      } else if (schema.additionalProperties === false) {
        return false;
      } else if (
        typeof schema.additionalProperties === 'object' &&
        !accepts(schema.additionalProperties as Schema, item)
      ) {
        return false;
      }
    }
  }
  return true;
}

describe('configJsonSchema', () => {
  const schema = configJsonSchema();

  test('is a draft 2020-12 schema with one property per top-level key; only source is required', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties as Schema)).toEqual([...CONFIG_KEYS]);
    expect(schema.required).toEqual(['source']);
    expect(schema.additionalProperties).toBe(false);
  });

  test('uses only known keywords, well-formed', () => {
    expect(lint(schema)).toEqual([]);
  });

  test('keys carry descriptions and defaults for editor completion', () => {
    const properties = schema.properties as Record<string, Schema>;
    for (const key of CONFIG_KEYS)
      expect(properties[key]?.description, key).toEqual(expect.any(String));
    expect(properties.scaling?.default).toBe('standard');
    expect(properties.seed?.default).toBe(0);
  });

  test('accepts the example and contract configs, rejects typos and wrong types', () => {
    expect(accepts(schema, parse(EXAMPLE_CONFIG))).toBe(true);
    expect(accepts(schema, { source: 'a.csv' })).toBe(true);
    expect(
      accepts(schema, {
        source: 'a.csv',
        clustering: { algorithm: ['kmeans', 'minibatch-kmeans'], k: { min: 2, max: 8 } },
      }),
    ).toBe(true);
    expect(
      accepts(schema, {
        source: { path: 'a.csv', delimiter: ';' },
        transactions: { customer: 'c', date: 'd', price: 'p' },
      }),
    ).toBe(true);
    expect(accepts(schema, { source: 'a.csv', clusterin: {} })).toBe(false);
    expect(accepts(schema, { source: 'a.csv', clustering: { k: 'five' } })).toBe(false);
    expect(accepts(schema, { source: 'a.csv', clustering: { algorithm: 'spectral' } })).toBe(false);
    expect(
      accepts(schema, {
        source: 'a.csv',
        clustering: { algorithm: ['dbscan', 'hdbscan'], params: { eps: 0.4, minClusterSize: 9 } },
      }),
    ).toBe(true);
    expect(
      accepts(schema, { source: 'a.csv', clustering: { params: { linkage: 'centroid' } } }),
    ).toBe(false);
    expect(
      accepts(schema, { source: 'a.csv', cleaning: { outliers: [{ rule: 'iqr', kk: 1 }] } }),
    ).toBe(false);
    expect(accepts(schema, { clustering: { k: 3 } })).toBe(false);
  });

  test('returns a fresh object each call', () => {
    const first = configJsonSchema();
    first.title = 'changed';
    expect(configJsonSchema().title).toBe('Segmint run config');
  });

  test('the committed packages/pipeline/schema/segmint.config.schema.json is current (-u rewrites it)', async () => {
    // Formatted as `prettier --write` leaves it, so formatting the repository keeps it current.
    const file = fileURLToPath(new URL('../../schema/segmint.config.schema.json', import.meta.url));
    const options = (await resolveConfig(file)) ?? {};
    const text = await format(JSON.stringify(configJsonSchema(), null, 2), {
      ...options,
      filepath: file,
    });
    await expect(text).toMatchFileSnapshot(file);
  });
});
