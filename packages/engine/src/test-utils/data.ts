/**
 * Test helpers: read committed fixtures and the shared real datasets (never copied into the repo).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromRows, type Matrix } from '../matrix/matrix.js';

/** Absolute path of `../shared/datasets` as seen from the repository root. */
export const SHARED_DATASETS = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../../shared/datasets',
);

/** True when the shared datasets are present (they are on CI and on developer machines). */
export const hasSharedDatasets = existsSync(SHARED_DATASETS);

/** Reads a JSON fixture that lives beside the calling test: `readFixture(import.meta.url, 'kmeans.json')`. */
export function readFixture<T>(importMetaUrl: string, name: string): T {
  return JSON.parse(
    readFileSync(join(dirname(fileURLToPath(importMetaUrl)), 'fixtures', name), 'utf8'),
  ) as T;
}

/** A labelled numeric dataset: features and integer ground-truth labels. */
export interface LabelledData {
  readonly X: Matrix;
  readonly labels: Int32Array;
  /** Alternative valid partitions (SIPU `.labels1`, ...), if any. */
  readonly alternatives: Int32Array[];
}

/** Loads a Fränti/SIPU set from `fraenti_sipu_shared` (`a1`, `r15`, `d31`, `unbalance`, ...). */
export function loadSipu(name: string): LabelledData {
  const dir = join(SHARED_DATASETS, 'fraenti_sipu_shared');
  const rows = readFileSync(join(dir, `${name}.data`), 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number));
  const readLabels = (file: string) =>
    Int32Array.from(readFileSync(join(dir, file), 'utf8').trim().split('\n').map(Number));
  const alternatives: Int32Array[] = [];
  for (let i = 1; existsSync(join(dir, `${name}.labels${i}`)); i++)
    alternatives.push(readLabels(`${name}.labels${i}`));
  return { X: fromRows(rows), labels: readLabels(`${name}.labels0`), alternatives };
}

/** Iris: 150 x 4 measurements, 3 species. */
export function loadIris(): LabelledData {
  const lines = readFileSync(join(SHARED_DATASETS, 'iris', 'iris.data'), 'utf8')
    .trim()
    .split('\n')
    .filter((l) => l.trim() !== '');
  const species = new Map<string, number>();
  const rows: number[][] = [];
  const labels: number[] = [];
  for (const line of lines) {
    const parts = line.split(',');
    rows.push(parts.slice(0, 4).map(Number));
    const name = parts[4]!.trim();
    if (!species.has(name)) species.set(name, species.size);
    labels.push(species.get(name)!);
  }
  return { X: fromRows(rows), labels: Int32Array.from(labels), alternatives: [] };
}

/** Seeds: 210 x 7 kernel measurements, 3 varieties (tab-separated, some rows have extra tabs). */
export function loadSeeds(): LabelledData {
  const rows: number[][] = [];
  const labels: number[] = [];
  for (const line of readFileSync(join(SHARED_DATASETS, 'seeds', 'seeds_dataset.txt'), 'utf8')
    .trim()
    .split('\n')) {
    const values = line.trim().split(/\s+/).map(Number);
    rows.push(values.slice(0, 7));
    labels.push(values[7]!);
  }
  return { X: fromRows(rows), labels: Int32Array.from(labels), alternatives: [] };
}
