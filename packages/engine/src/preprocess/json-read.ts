/**
 * Internal readers for validating serialised preprocessing steps. Each reader checks one field
 * and throws SegmintError INVALID_MODEL naming its full path ("steps[2].scale[0]") and the value,
 * so a corrupted or hand-edited pipeline file says exactly what is wrong.
 */
import { ERROR_CODES, SegmintError, formatValue } from '../core/errors.js';

/** A JSON object being read, with the path used in messages. */
export interface JsonObject {
  readonly path: string;
  readonly value: Readonly<Record<string, unknown>>;
}

/** Throws INVALID_MODEL for `path`. */
export function invalidModel(path: string, rule: string, value: unknown): SegmintError {
  return new SegmintError(
    ERROR_CODES.INVALID_MODEL,
    `Invalid preprocessing model: '${path}' must be ${rule}; got ${formatValue(value)}.`,
    { parameter: path, value },
  );
}

/** Checks that `value` is a plain object. */
export function readObject(value: unknown, path: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidModel(path, 'an object', value);
  }
  return { path, value: value as Record<string, unknown> };
}

/** A nested object field. */
export function objectField(o: JsonObject, key: string): JsonObject {
  return readObject(o.value[key], `${o.path}.${key}`);
}

/** A string field, optionally one of `allowed`. */
export function stringField<T extends string = string>(
  o: JsonObject,
  key: string,
  allowed?: readonly T[],
): T {
  const value = o.value[key];
  if (typeof value !== 'string') throw invalidModel(`${o.path}.${key}`, 'a string', value);
  if (allowed !== undefined && !allowed.includes(value as T)) {
    throw invalidModel(
      `${o.path}.${key}`,
      `one of ${allowed.map((a) => `'${a}'`).join(', ')}`,
      value,
    );
  }
  return value as T;
}

/** A finite number field (or null when `nullable`). */
export function numberField(o: JsonObject, key: string): number;
export function numberField(o: JsonObject, key: string, nullable: true): number | null;
export function numberField(o: JsonObject, key: string, nullable = false): number | null {
  const value = o.value[key];
  if (nullable && value === null) return null;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw invalidModel(
      `${o.path}.${key}`,
      nullable ? 'a finite number or null' : 'a finite number',
      value,
    );
  }
  return value;
}

/** A boolean field. */
export function booleanField(o: JsonObject, key: string): boolean {
  const value = o.value[key];
  if (typeof value !== 'boolean') throw invalidModel(`${o.path}.${key}`, 'a boolean', value);
  return value;
}

/** An array field, each element checked by `item` (which gets the element's path). */
export function arrayField<T>(
  o: JsonObject,
  key: string,
  item: (value: unknown, path: string) => T,
  length?: number,
): T[] {
  const path = `${o.path}.${key}`;
  const value = o.value[key];
  if (!Array.isArray(value)) throw invalidModel(path, 'an array', value);
  if (length !== undefined && value.length !== length) {
    throw invalidModel(path, `an array of length ${length}`, value);
  }
  return value.map((element: unknown, index) => item(element, `${path}[${index}]`));
}

/** Element reader: a string. */
export function asString(value: unknown, path: string): string {
  if (typeof value !== 'string') throw invalidModel(path, 'a string', value);
  return value;
}

/** Element reader: a finite number. */
export function asNumber(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw invalidModel(path, 'a finite number', value);
  }
  return value;
}

/** Element reader: a finite number or null. */
export function asNullableNumber(value: unknown, path: string): number | null {
  return value === null ? null : asNumber(value, path);
}

/** Copies a fitted step (plain JSON data) so the caller's object is never shared or frozen. */
export function jsonCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
