/**
 * Atomic run outputs. Every artifact is first written under a temporary name in the output
 * folder (`.<name>.<token>.tmp`, same file system, so the final rename is atomic), and only when
 * all of them exist are they renamed into place, segments.csv last: a crash or an error never
 * leaves a file that looks complete. On failure the temporary files are removed and so is any
 * segments.csv in the folder (the contract: after a failed run, no segments.csv).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ERROR_CODES, SegmintError } from '@segmint/engine';

/** The file the contract says must never survive a failed run. */
export const SEGMENTS_CSV = 'segments.csv';

/**
 * Stages files in a folder and publishes them together.
 * @example
 * const out = new StagedOutputs('/runs/42');
 * await out.prepare();
 * await out.writeText('report.json', text);
 * await out.commit(); // renames every staged file, segments.csv last
 */
export class StagedOutputs {
  /** Absolute output folder. */
  readonly dir: string;
  private readonly token = randomBytes(4).toString('hex');
  private readonly staged = new Map<string, string>();

  constructor(dir: string) {
    this.dir = dir;
  }

  /**
   * Creates the folder (and parents).
   * @throws SegmintError WRITE_FAILED naming the folder.
   */
  async prepare(): Promise<void> {
    try {
      await mkdir(this.dir, { recursive: true });
    } catch (error) {
      throw writeFailed(this.dir, error);
    }
  }

  /** The temporary path for a final file name (a caller may let another writer fill it). */
  tempPath(name: string): string {
    const path = join(this.dir, `.${basename(name)}.${this.token}.tmp`);
    this.staged.set(name, path);
    return path;
  }

  /** The final path of a file name. */
  finalPath(name: string): string {
    return join(this.dir, name);
  }

  /**
   * Writes text to the temporary path of `name`.
   * @throws SegmintError WRITE_FAILED naming the file.
   */
  async writeText(name: string, text: string): Promise<void> {
    const path = this.tempPath(name);
    try {
      await writeFile(path, text, 'utf8');
    } catch (error) {
      throw writeFailed(this.finalPath(name), error);
    }
  }

  /**
   * Renames every staged file to its final name, segments.csv last.
   * @throws SegmintError WRITE_FAILED naming the file that could not be renamed.
   */
  async commit(): Promise<void> {
    const names = [...this.staged.keys()].sort(
      (a, b) => Number(a === SEGMENTS_CSV) - Number(b === SEGMENTS_CSV),
    );
    for (const name of names) {
      try {
        await rename(this.staged.get(name)!, this.finalPath(name));
      } catch (error) {
        throw writeFailed(this.finalPath(name), error);
      }
      this.staged.delete(name);
    }
  }

  /** Removes staged temporary files and any segments.csv in the folder (never throws). */
  async abort(): Promise<void> {
    const paths = [...this.staged.values(), this.finalPath(SEGMENTS_CSV)];
    this.staged.clear();
    await Promise.all(paths.map((path) => rm(path, { force: true }).catch(() => undefined)));
  }
}

/** A WRITE_FAILED error naming the path and the system's reason. */
export function writeFailed(path: string, error: unknown): SegmintError {
  const reason = error instanceof Error ? error.message : String(error);
  return new SegmintError(
    ERROR_CODES.WRITE_FAILED,
    `Could not write ${path}: ${reason}. Nothing partial was left in ${dirname(path)}.`,
    { path },
    { cause: error },
  );
}
