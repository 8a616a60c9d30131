/**
 * `segmint serve`: argument parsing, and the command in-process (port 0, captured io): it prints
 * the URL (never the token), answers /health, enforces the token from a file or SEGMINT_TOKEN,
 * stops on Ctrl-C with exit 0, and refuses a non-loopback host without a token.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCommandLine } from '../args.js';
import type { ServeCommand } from '../args.js';
import { captureIo } from '../test-utils/capture-io.js';
import { runServe } from './serve.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'segmint-cli-serve-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Resolves with the URL once the command has printed it. */
async function printedUrl(out: () => string): Promise<string> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const match = /listening on (http:\/\/\S+)/.exec(out());
    if (match?.[1] !== undefined) return match[1];
    if (Date.now() > deadline) throw new Error(`no URL printed: ${out()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('segmint serve arguments', () => {
  it('parses host, port, data dir and token file', () => {
    expect(parseCommandLine(['serve'])).toEqual({ command: 'serve' });
    expect(
      parseCommandLine([
        'serve',
        '--host',
        '0.0.0.0',
        '-p',
        '9000',
        '--data-dir',
        'd',
        '--token-file',
        't',
      ]),
    ).toEqual({ command: 'serve', host: '0.0.0.0', port: 9000, dataDir: 'd', tokenFile: 't' });
    expect(parseCommandLine(['serve', '--demo', '--graceful-timeout', '30'])).toEqual({
      command: 'serve',
      demo: true,
      gracefulTimeout: 30,
    });
    expect(() => parseCommandLine(['serve', '--graceful-timeout=-1'])).toThrow(/>= 0/);
    expect(() => parseCommandLine(['serve', '--graceful-timeout', 'soon'])).toThrow(/integer/);
    expect(() => parseCommandLine(['serve', '--port', '70000'])).toThrow(/<= 65535/);
    expect(() => parseCommandLine(['serve', '--port', 'x'])).toThrow(/integer/);
    expect(() => parseCommandLine(['serve', 'extra'])).toThrow(/takes no arguments/);
  });
});

describe('segmint serve', () => {
  it('prints the URL, serves /health, requires the token from the file, stops on Ctrl-C', async () => {
    const secret = 'tok-5ecret-value';
    await writeFile(join(dir, 'token'), `${secret}\n`);
    const io = captureIo(dir);
    const command: ServeCommand = {
      command: 'serve',
      port: 0,
      dataDir: 'data',
      tokenFile: 'token',
    };
    const exit = runServe(command, io);
    const url = await printedUrl(() => io.out());
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await fetch(`${url}/health`)).status).toBe(200);
    expect((await fetch(`${url}/api/datasets`)).status).toBe(401);
    const authorised = await fetch(`${url}/api/datasets`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(authorised.status).toBe(200);
    io.interrupt();
    expect(await exit).toBe(0);
    expect(io.out() + io.err()).not.toContain(secret);
    expect(io.out()).toContain(join(dir, 'data'));
    expect(io.interruptHandlers()).toBe(0);
    await expect(fetch(`${url}/health`)).rejects.toThrow();
  });

  it('--demo loads the demo customers, prints the dashboard URL and the demo run', async () => {
    const io = captureIo(dir);
    const exit = runServe({ command: 'serve', port: 0, dataDir: 'data', demo: true }, io);
    const url = await printedUrl(() => io.out());
    const datasets = (await (await fetch(`${url}/api/datasets`)).json()) as {
      datasets: { name: string }[];
    };
    expect(datasets.datasets.map((d) => d.name)).toEqual(['Demo customers']);
    expect(io.out()).toContain(`Dashboard: ${url}/`);
    expect(io.out()).toMatch(/Demo: segmenting the demo customers now \(run [\w-]+\)/);
    io.interrupt();
    expect(await exit).toBe(0);
  });

  it('reads the token from SEGMINT_TOKEN and refuses a public host without one', async () => {
    const io = captureIo(dir, { env: { SEGMINT_DATA_DIR: join(dir, 'env-data') } });
    await expect(
      runServe({ command: 'serve', host: '0.0.0.0', port: 0 }, io),
    ).rejects.toMatchObject({
      code: 'INVALID_PARAMETER',
    });
    const withToken = captureIo(dir, {
      env: { SEGMINT_TOKEN: 'abc', SEGMINT_DATA_DIR: 'env-data' },
    });
    const exit = runServe({ command: 'serve', port: 0 }, withToken);
    const url = await printedUrl(() => withToken.out());
    expect((await fetch(`${url}/api/runs`)).status).toBe(401);
    expect(
      (await fetch(`${url}/api/runs`, { headers: { authorization: 'Bearer abc' } })).status,
    ).toBe(200);
    expect(withToken.out()).toContain(join(dir, 'env-data'));
    withToken.interrupt();
    expect(await exit).toBe(0);
  });

  it('treats an empty SEGMINT_DATA_DIR as unset (./segmint-data, not the working folder)', async () => {
    const io = captureIo(dir, { env: { SEGMINT_DATA_DIR: '' } });
    const exit = runServe({ command: 'serve', port: 0 }, io);
    await printedUrl(() => io.out());
    expect(io.out()).toContain(`(data in ${join(dir, 'segmint-data')})`);
    io.interrupt();
    expect(await exit).toBe(0);
  });

  it('fails with NOT_FOUND for a missing token file', async () => {
    await expect(
      runServe({ command: 'serve', port: 0, tokenFile: 'missing' }, captureIo(dir)),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
