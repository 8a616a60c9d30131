/**
 * Test helpers for the data layer: the shared real datasets (read in place, never copied into the
 * repository) and throw-away files in a temporary folder.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `../shared/datasets` as seen from the repository root (override: SEGMINT_SHARED_DATASETS). */
export const SHARED_DATASETS =
  process.env.SEGMINT_SHARED_DATASETS ??
  resolve(dirname(fileURLToPath(import.meta.url)), '../../../../../shared/datasets');

/** True when the shared datasets are present. */
export const hasSharedDatasets = existsSync(SHARED_DATASETS);

/** Absolute path of a shared dataset file: `dataset('mall_customers', 'Mall_Customers.csv')`. */
export function dataset(...parts: string[]): string {
  return join(SHARED_DATASETS, ...parts);
}

/** A temporary folder with a `write(name, content)` helper and `remove()` for afterAll. */
export function temporaryFolder(): {
  dir: string;
  write: (name: string, content: string | Uint8Array) => string;
  remove: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'segmint-data-'));
  return {
    dir,
    write: (name, content) => {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
