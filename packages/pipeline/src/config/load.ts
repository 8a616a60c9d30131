/**
 * Reading a config file from disk: the path is resolved against the working directory, the text
 * must be UTF-8 (a byte-order mark is dropped), and paths inside the config are later resolved
 * against the returned `dir` (the config file's folder).
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { ERROR_CODES, SegmintError } from '@segmint/engine';
import { parseConfig } from './parse.js';
import type { SegmintConfig } from './schema.js';

/** A loaded config and where it came from. */
export interface LoadedConfig {
  readonly config: SegmintConfig;
  /** Absolute path of the config file. */
  readonly file: string;
  /** Absolute folder of the config file: `source` and `output` are relative to it. */
  readonly dir: string;
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const { code } = error;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Reads and parses a YAML/JSON config file.
 *
 * @param path - the config file, absolute or relative to the working directory.
 * @returns the parsed config with defaults, the absolute file path and its folder.
 * @throws SegmintError NOT_FOUND naming the path when it does not exist; INVALID_FILE when it
 *   cannot be read (a folder, no permission, not UTF-8); INVALID_CONFIG (see {@link parseConfig}),
 *   messages naming `path` as given.
 * @example
 * ```ts
 * const { config, dir } = await loadConfigFile('segmint.yaml');
 * const dataFile = path.resolve(dir, config.source.path);
 * ```
 */
export async function loadConfigFile(path: string): Promise<LoadedConfig> {
  const file = resolve(path);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new SegmintError(
        ERROR_CODES.NOT_FOUND,
        `config file not found: ${path}`,
        { file: path },
        { cause: error },
      );
    }
    const reason =
      code === 'EISDIR'
        ? 'it is a folder'
        : code === 'EACCES'
          ? 'permission denied'
          : String(code ?? error);
    throw new SegmintError(
      ERROR_CODES.INVALID_FILE,
      `cannot read config file ${path}: ${reason}.`,
      { file: path },
      { cause: error },
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch (error) {
    throw new SegmintError(
      ERROR_CODES.INVALID_FILE,
      `cannot read config file ${path}: it is not UTF-8 text (save it as UTF-8).`,
      { file: path },
      { cause: error },
    );
  }
  return { config: parseConfig(text, { file: path }), file, dir: dirname(file) };
}
