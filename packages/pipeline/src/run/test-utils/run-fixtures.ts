/**
 * Test helpers for the runner: the shared real datasets (read in place, never copied into the
 * repository), temporary folders, the contract's iris CSV, and "write this YAML, parse it, run it".
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SegmintError } from '@segmint/engine';
import { parseConfig } from '../../config/index.js';
import { runPipeline } from '../run-pipeline.js';
import type { RunPipelineOptions, RunResult } from '../run-types.js';

/** `../shared/datasets` as seen from the repository root (override: SEGMINT_SHARED_DATASETS). */
export const SHARED_DATASETS =
  process.env.SEGMINT_SHARED_DATASETS ??
  resolve(dirname(fileURLToPath(import.meta.url)), '../../../../../../shared/datasets');

/** True when the shared datasets are present (CI requires them). */
export const hasSharedDatasets = existsSync(SHARED_DATASETS);

/** Absolute path of a shared dataset file. */
export function dataset(...parts: string[]): string {
  return join(SHARED_DATASETS, ...parts);
}

/** A temporary folder: `write(name, text)` returns the path; `remove()` deletes it all. */
export function temporaryFolder(): {
  dir: string;
  write: (name: string, content: string) => string;
  remove: () => void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'segmint-run-'));
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

/** The iris CSV exactly as the CLI contract check writes it (header + non-empty lines). */
export function irisCsv(): string {
  const lines = readFileSync(dataset('iris', 'iris.data'), 'utf8')
    .split('\n')
    .filter((line) => line !== '');
  return `sepal_length,sepal_width,petal_length,petal_width,species\n${lines.join('\n')}\n`;
}

/** Parses `yaml` as the config file `dir/config.yaml` and runs it. */
export async function runYaml(
  dir: string,
  yaml: string,
  options: Partial<RunPipelineOptions> = {},
): Promise<RunResult> {
  const file = join(dir, 'config.yaml');
  writeFileSync(file, yaml);
  const config = parseConfig(yaml, { file });
  return runPipeline(config, { configDir: dir, ...options });
}

/** Parses a CSV written by the runner (no quoted commas in the tested columns). */
export function readCsv(path: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(path, 'utf8').trim().split('\n');
  const names = splitCsvLine(header!);
  return lines.map((line) => {
    const cells = splitCsvLine(line);
    return Object.fromEntries(names.map((name, j) => [name, cells[j] ?? '']));
  });
}

function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        current += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else current += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(current);
      current = '';
    } else current += ch;
  }
  cells.push(current);
  return cells;
}

/** Awaits a run that must fail and returns its SegmintError (throws if it succeeds or throws something else). */
export async function rejection(promise: Promise<unknown>): Promise<SegmintError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SegmintError) return error;
    throw error;
  }
  throw new Error('expected the run to fail');
}
