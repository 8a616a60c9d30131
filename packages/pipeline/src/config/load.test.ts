import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ERROR_CODES, SegmintError } from '@segmint/engine';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadConfigFile } from './load.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'segmint-config-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function rejection(path: string): Promise<SegmintError> {
  const error: unknown = await loadConfigFile(path).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(SegmintError);
  return error as SegmintError;
}

describe('loadConfigFile', () => {
  test('returns the config, the absolute file and its folder', async () => {
    const file = join(dir, 'run.yaml');
    await writeFile(file, 'source: data/customers.csv\nclustering: { k: 3 }\n');
    const loaded = await loadConfigFile(relative(process.cwd(), file));
    expect(loaded.file).toBe(file);
    expect(loaded.dir).toBe(dir);
    expect(loaded.config.source.path).toBe('data/customers.csv');
    expect(loaded.config.clustering.k).toBe(3);
  });

  test('a UTF-8 byte-order mark and JSON files are fine', async () => {
    const file = join(dir, 'bom.json');
    await writeFile(file, `\uFEFF${JSON.stringify({ source: 'ünïcode.csv' })}`);
    expect((await loadConfigFile(file)).config.source.path).toBe('ünïcode.csv');
  });

  test('a missing file is NOT_FOUND naming the path', async () => {
    const path = join(dir, 'nowhere.yaml');
    const error = await rejection(path);
    expect(error.code).toBe(ERROR_CODES.NOT_FOUND);
    expect(error.message).toBe(`config file not found: ${path}`);
    expect(error.details.file).toBe(path);
  });

  test('a folder is INVALID_FILE', async () => {
    const error = await rejection(dir);
    expect(error.code).toBe(ERROR_CODES.INVALID_FILE);
    expect(error.message).toBe(`cannot read config file ${dir}: it is a folder.`);
  });

  test('a non-UTF-8 file is INVALID_FILE', async () => {
    const file = join(dir, 'latin1.yaml');
    await writeFile(
      file,
      Buffer.from([0x73, 0x6f, 0x75, 0x72, 0x63, 0x65, 0x3a, 0x20, 0xe9, 0x0a]),
    );
    const error = await rejection(file);
    expect(error.code).toBe(ERROR_CODES.INVALID_FILE);
    expect(error.message).toContain('not UTF-8');
  });

  test('config problems name the path as given, with the line', async () => {
    const file = join(dir, 'typo.yaml');
    await writeFile(file, 'source: iris.csv\nclusterin:\n  algorithm: kmeans\n');
    const error = await rejection(file);
    expect(error.code).toBe(ERROR_CODES.INVALID_CONFIG);
    expect(error.message).toBe(
      `${file}: unknown key 'clusterin' at line 2:1; did you mean 'clustering'?`,
    );
  });
});
