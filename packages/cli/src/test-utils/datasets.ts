/**
 * Test helpers: the shared real datasets (read in place, never copied into the repository) and
 * an iris CSV with a header, written into a test's temporary folder.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `../shared/datasets` as seen from the repository root (override: SEGMINT_SHARED_DATASETS). */
export const SHARED_DATASETS =
  process.env.SEGMINT_SHARED_DATASETS ??
  resolve(dirname(fileURLToPath(import.meta.url)), '../../../../../shared/datasets');

/** Header of the iris CSV written by {@link writeIrisCsv}. */
export const IRIS_HEADER = 'sepal_length,sepal_width,petal_length,petal_width,species';

/** Writes iris (150 rows, header {@link IRIS_HEADER}) to `dir/name`; returns its path. */
export function writeIrisCsv(dir: string, name = 'iris.csv'): string {
  const rows = readFileSync(join(SHARED_DATASETS, 'iris', 'iris.data'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '');
  const path = join(dir, name);
  writeFileSync(path, `${IRIS_HEADER}\n${rows.join('\n')}\n`);
  return path;
}
