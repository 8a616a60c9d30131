import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLE_CONFIG, parseConfig } from '@segmint/pipeline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main, runCli } from './main.js';
import { captureIo } from './test-utils/capture-io.js';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'segmint-cli-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('segmint (in-process)', () => {
  it('prints the overview on --help and the version on --version', async () => {
    const io = captureIo(dir);
    expect(await runCli(['--help'], io)).toBe(0);
    expect(io.out()).toContain('Usage: segmint <command>');
    const versionIo = captureIo(dir);
    expect(await runCli(['--version'], versionIo)).toBe(0);
    expect(versionIo.out()).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(versionIo.err()).toBe('');
  });

  it('prints command help for help <cmd> and <cmd> --help alike', async () => {
    const a = captureIo(dir);
    const b = captureIo(dir);
    expect(await runCli(['help', 'run'], a)).toBe(0);
    expect(await runCli(['run', '--help'], b)).toBe(0);
    expect(a.out()).toBe(b.out());
    expect(a.out()).toContain('Usage: segmint run');
  });

  it('reports a usage error on stderr with exit 2 and a suggestion', async () => {
    const io = captureIo(dir);
    expect(await runCli(['rnu', '-c', 'x.yaml'], io)).toBe(2);
    expect(io.out()).toBe('');
    expect(io.err()).toBe(
      "segmint: unknown command 'rnu'; did you mean 'run'? (see 'segmint --help')\n",
    );
  });

  it('main sets process.exitCode', async () => {
    const previous = process.exitCode;
    try {
      await main(['nope'], captureIo(dir));
      expect(process.exitCode).toBe(2);
      await main(['--version'], captureIo(dir));
      expect(process.exitCode).toBe(0);
    } finally {
      process.exitCode = previous;
    }
  });
});

describe('segmint init', () => {
  it('writes the example config and refuses to overwrite it without --force', async () => {
    const io = captureIo(dir);
    expect(await runCli(['init'], io)).toBe(0);
    const written = await readFile(join(dir, 'segmint.yaml'), 'utf8');
    expect(written).toBe(EXAMPLE_CONFIG);
    expect(parseConfig(written, { file: 'segmint.yaml' }).clustering).toBeDefined();
    expect(io.out()).toContain('segmint run -c segmint.yaml');

    await writeFile(join(dir, 'segmint.yaml'), 'mine\n');
    const again = captureIo(dir);
    expect(await runCli(['init'], again)).toBe(2);
    expect(again.err()).toContain("'segmint.yaml' already exists; use --force to overwrite it");
    expect(await readFile(join(dir, 'segmint.yaml'), 'utf8')).toBe('mine\n');

    expect(await runCli(['init', '--force'], captureIo(dir))).toBe(0);
    expect(await readFile(join(dir, 'segmint.yaml'), 'utf8')).toBe(written);
  });

  it('writes to a given path, creating folders', async () => {
    expect(await runCli(['init', 'configs/a.yaml'], captureIo(dir))).toBe(0);
    expect(await readFile(join(dir, 'configs', 'a.yaml'), 'utf8')).toContain('source:');
  });
});
