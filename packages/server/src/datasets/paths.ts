/**
 * Path safety for datasets: uploaded file names become safe base names (no folders, no dot
 * prefixes, a small character set, the extension kept for format detection), and registered
 * server-side paths must resolve — symbolic links followed — inside one of the configured roots.
 */
import { realpath, stat } from 'node:fs/promises';
import { basename, isAbsolute, relative, resolve } from 'node:path';
import { SegmintError } from '@segmint/engine';
import { HttpError } from '../http/http-error.js';

/** Longest stored file name. */
const MAX_NAME_LENGTH = 120;

/**
 * A file name safe to store: the base name only, characters outside `[A-Za-z0-9._-]` replaced
 * by '_', no leading dots, at most 120 characters (extension kept); 'upload' when nothing is left.
 * @example safeFileName('../../etc/pass wd.csv') // 'pass_wd.csv'
 */
export function safeFileName(name: string): string {
  const base = basename(name.replaceAll('\\', '/'))
    .replace(/[^A-Za-z0-9._-]/g, '_')
    .replace(/^\.+/, '');
  if (base === '' || /^_*$/.test(base.replace(/\..*$/, ''))) {
    const extension = /\.[A-Za-z0-9]+$/.exec(base)?.[0] ?? '';
    return `upload${extension}`;
  }
  if (base.length <= MAX_NAME_LENGTH) return base;
  const extension = /\.[A-Za-z0-9]{1,10}$/.exec(base)?.[0] ?? '';
  return base.slice(0, MAX_NAME_LENGTH - extension.length) + extension;
}

/** True when `path` is `root` or inside it (both absolute, normalised). */
export function isInside(path: string, root: string): boolean {
  const fromRoot = relative(root, path);
  return fromRoot === '' || (!fromRoot.startsWith('..') && !isAbsolute(fromRoot));
}

/**
 * Resolves a path a client asks to register and checks it is a file under one of `roots`.
 * Relative paths resolve against the first root.
 * @throws HttpError 403 FORBIDDEN when no roots are configured or the path (or its real path
 *   after symbolic links) leaves every root; SegmintError NOT_FOUND when the file does not
 *   exist; INVALID_FILE when it is not a regular file.
 */
export async function resolveRegisteredPath(
  path: string,
  roots: readonly string[],
): Promise<string> {
  if (roots.length === 0) {
    throw new HttpError(
      403,
      'FORBIDDEN',
      'Registering server-side paths is disabled (no allowed roots configured).',
    );
  }
  const firstRoot = roots[0] ?? '/';
  const candidate = resolve(firstRoot, path);
  const forbidden = (): HttpError =>
    new HttpError(
      403,
      'FORBIDDEN',
      `The path ${JSON.stringify(path)} is outside the allowed roots.`,
      {
        parameter: 'path',
      },
    );
  if (!roots.some((root) => isInside(candidate, root))) throw forbidden();
  let real: string;
  try {
    real = await realpath(candidate);
  } catch {
    throw new SegmintError('NOT_FOUND', `File not found: ${path}`, {
      parameter: 'path',
      value: path,
    });
  }
  const realRoots = await Promise.all(roots.map((root) => realpath(root).catch(() => root)));
  if (!realRoots.some((root) => isInside(real, root))) throw forbidden();
  const info = await stat(real);
  if (!info.isFile()) {
    throw new SegmintError('INVALID_FILE', `Not a file: ${path}`, {
      parameter: 'path',
      value: path,
    });
  }
  return real;
}
