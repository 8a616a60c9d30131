/**
 * The run manifest (manifest.json): what it takes to reproduce a run and to tell two runs apart:
 * run id, seed, the resolved config, the input file's SHA-256, package and Node versions, and
 * the time each step took.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunStep } from './run-types.js';

/** Format tag of manifest.json. */
export const MANIFEST_FORMAT = 'segmint.manifest';

/** manifest.json. */
export interface RunManifest {
  readonly format: typeof MANIFEST_FORMAT;
  readonly version: 1;
  readonly runId: string;
  readonly createdAt: string;
  readonly seed: number;
  /** The validated config with defaults applied, paths as written. */
  readonly config: unknown;
  readonly input: {
    readonly file: string;
    readonly bytes: number;
    readonly sha256: string;
    readonly format: string;
    readonly rows: number;
  };
  /** Versions of the @segmint packages (from their package.json) and of Node. */
  readonly versions: Readonly<Record<string, string>>;
  /** Wall time per step in milliseconds, plus `total`; 'write' and 'total' stop when the manifest is written. */
  readonly timings: Readonly<Partial<Record<RunStep | 'total', number>>>;
  /** Output file names, relative to the output folder. */
  readonly files: readonly string[];
}

/**
 * A new run id: UTC timestamp plus 6 random hex digits, safe as a folder name.
 * @example newRunId(new Date('2024-05-01T12:00:00Z')) // '20240501-120000-3fa2c1'
 */
export function newRunId(now: Date = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, '')
    .replace(/[-:]/g, '')
    .replace('T', '-');
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}

/**
 * SHA-256 and size of a file, streamed (large inputs are never read whole).
 * @throws the file system's error (the caller has already loaded the file, so this is rare).
 */
export async function hashFile(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  await new Promise<void>((resolve, reject) => {
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve());
  });
  return { sha256: hash.digest('hex'), bytes: (await stat(path)).size };
}

/**
 * Versions of @segmint/engine, @segmint/data and @segmint/pipeline (read from their
 * package.json next to this package: the workspace layout `packages/<name>` or an installed
 * `node_modules/@segmint/<name>`), and `node`. An unreadable version is 'unknown'.
 */
export async function packageVersions(): Promise<Record<string, string>> {
  // This file is src/run/manifest.ts (tests) or dist/run/manifest.js: the package root is two up.
  const pipelineRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const versions: Record<string, string> = {};
  for (const name of ['engine', 'data', 'pipeline']) {
    const candidates =
      name === 'pipeline'
        ? [join(pipelineRoot, 'package.json')]
        : [
            join(pipelineRoot, '..', name, 'package.json'),
            join(pipelineRoot, 'node_modules', '@segmint', name, 'package.json'),
            join(pipelineRoot, '..', '..', 'node_modules', '@segmint', name, 'package.json'),
          ];
    versions[`@segmint/${name}`] = await firstVersion(candidates, `@segmint/${name}`);
  }
  versions.node = process.version;
  return versions;
}

async function firstVersion(paths: readonly string[], expectedName: string): Promise<string> {
  for (const path of paths) {
    try {
      const json = JSON.parse(await readFile(path, 'utf8')) as {
        name?: unknown;
        version?: unknown;
      };
      if (json.name === expectedName && typeof json.version === 'string') return json.version;
    } catch {
      // Try the next layout.
    }
  }
  return 'unknown';
}
