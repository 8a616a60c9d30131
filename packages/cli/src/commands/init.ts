/**
 * `segmint init [path] [--force]`: writes the commented example config (EXAMPLE_CONFIG from
 * @segmint/pipeline, which itself parses) so a new user edits a file instead of starting blank.
 * Refuses to overwrite an existing file unless --force; the write is atomic (temp + rename).
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { SegmintError } from '@segmint/engine';
import { EXAMPLE_CONFIG } from '@segmint/pipeline';
import type { InitCommand } from '../args.js';
import { UsageError } from '../errors.js';
import type { CliIo } from '../io.js';

/** Code of the error Node raises when a file already exists (`wx` flag). */
const EXISTS = 'EEXIST';

/**
 * Runs `segmint init`: writes the example config to `command.path` (relative to `io.cwd`) and
 * prints the next step.
 *
 * @returns 0.
 * @throws {@link UsageError} when the file exists and `force` is false; SegmintError
 *   WRITE_FAILED when the folder is not writable.
 */
export async function runInit(command: InitCommand, io: CliIo): Promise<number> {
  const path = resolve(io.cwd, command.path);
  const shown = relative(io.cwd, path) || path;
  try {
    await mkdir(dirname(path), { recursive: true });
    if (command.force) {
      const temporary = `${path}.tmp-${process.pid}`;
      try {
        await writeFile(temporary, EXAMPLE_CONFIG, 'utf8');
        await rename(temporary, path);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    } else {
      // 'wx' fails if the file exists, atomically (no check-then-write race).
      await writeFile(path, EXAMPLE_CONFIG, { encoding: 'utf8', flag: 'wx' });
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === EXISTS)
      throw new UsageError(`'${shown}' already exists; use --force to overwrite it`, 'init');
    throw new SegmintError('WRITE_FAILED', `cannot write '${shown}': ${(error as Error).message}`, {
      file: path,
    });
  }
  io.stdout.write(`Wrote ${shown}. Edit 'source' and run: segmint run -c ${shown}\n`);
  return 0;
}
