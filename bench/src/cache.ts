/**
 * The on-disk data shared by every side (Node I/O): raw little-endian float64 or int32 files
 * under bench/.cache (gitignored), each with a small JSON header beside it. Python reads them
 * with `numpy.fromfile(path, dtype='<f8').reshape(rows, cols)`; JavaScript reads them into a
 * typed array over a SharedArrayBuffer, so the engine's thread pool needs no extra copy.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { endianness } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** bench/.cache, resolved from this file. */
export const CACHE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../.cache');

/** The JSON header written beside each raw file (`<name>.json` next to `<name>.f64|.i32`). */
export interface DatasetHeader {
  readonly name: string;
  readonly rows: number;
  readonly cols: number;
  readonly seed: number;
  /** Which generator made it, e.g. 'gaussian-blobs' or 'kmeans++-seeds'. */
  readonly generator: string;
  readonly generatorVersion: number;
  readonly dtype: 'float64' | 'int32';
  readonly byteOrder: 'little';
  /** Absolute path of the raw file. */
  readonly file: string;
  /** Generator parameters, recorded for readers. */
  readonly parameters?: Readonly<Record<string, unknown>>;
}

/** A cached array loaded back into memory. */
export interface CachedArray<T extends Float64Array | Int32Array> {
  readonly header: DatasetHeader;
  readonly data: T;
}

function assertLittleEndian(): void {
  if (endianness() !== 'LE') throw new Error('bench: the data cache assumes a little-endian CPU.');
}

function headerPath(name: string, directory: string): string {
  return join(directory, `${name}.json`);
}

/** The header of `name` if it exists and was made with the same recipe, else undefined. */
export function cachedHeader(
  name: string,
  expected: Omit<DatasetHeader, 'file' | 'byteOrder' | 'name'>,
  directory = CACHE_DIR,
): DatasetHeader | undefined {
  const path = headerPath(name, directory);
  if (!existsSync(path)) return undefined;
  const header = JSON.parse(readFileSync(path, 'utf8')) as DatasetHeader;
  const same =
    header.rows === expected.rows &&
    header.cols === expected.cols &&
    header.seed === expected.seed &&
    header.generator === expected.generator &&
    header.generatorVersion === expected.generatorVersion &&
    header.dtype === expected.dtype &&
    JSON.stringify(header.parameters ?? {}) === JSON.stringify(expected.parameters ?? {}) &&
    existsSync(header.file);
  return same ? header : undefined;
}

/** Writes `data` and its header; returns the header. */
export function writeCached(
  name: string,
  description: Omit<DatasetHeader, 'file' | 'byteOrder' | 'name' | 'dtype'>,
  data: Float64Array | Int32Array,
  directory = CACHE_DIR,
): DatasetHeader {
  assertLittleEndian();
  mkdirSync(directory, { recursive: true });
  const dtype = data instanceof Float64Array ? 'float64' : 'int32';
  const file = join(directory, `${name}.${dtype === 'float64' ? 'f64' : 'i32'}`);
  if (data.length !== description.rows * description.cols) {
    throw new Error(
      `bench: ${name} has ${data.length} values; header says ${description.rows} x ${description.cols}.`,
    );
  }
  writeFileSync(file, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  const header: DatasetHeader = { name, ...description, dtype, byteOrder: 'little', file };
  writeFileSync(headerPath(name, directory), `${JSON.stringify(header, null, 2)}\n`);
  return header;
}

/** Reads a cached file into a typed array over a SharedArrayBuffer. */
export function readCached(header: DatasetHeader): Float64Array | Int32Array {
  assertLittleEndian();
  const bytes = readFileSync(header.file);
  const expected = header.rows * header.cols * (header.dtype === 'float64' ? 8 : 4);
  if (bytes.byteLength !== expected) {
    throw new Error(`bench: ${header.file} has ${bytes.byteLength} bytes; expected ${expected}.`);
  }
  const shared = new SharedArrayBuffer(expected);
  new Uint8Array(shared).set(bytes);
  return header.dtype === 'float64' ? new Float64Array(shared) : new Int32Array(shared);
}
