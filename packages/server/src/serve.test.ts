/** startServer: listen, /health, close, SIGTERM, graceful timeout, loopback rule. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunStatus } from './store/catalog.js';
import { startServer } from './serve.js';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'segmint-serve-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('startServer', () => {
  it('listens on loopback, answers /health, and closes', async () => {
    const server = await startServer({ dataDir, port: 0, handleSignals: false });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${server.url}/health`);
    expect(response.status).toBe(200);
    await server.close();
    await server.closed;
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
    await server.close(); // twice is fine
  });

  it('stops on SIGTERM and removes its signal handlers', async () => {
    const before = process.listenerCount('SIGTERM');
    const beforeInt = process.listenerCount('SIGINT');
    const server = await startServer({ dataDir, port: 0 });
    expect(process.listenerCount('SIGTERM')).toBe(before + 1);
    process.emit('SIGTERM');
    await server.closed;
    expect(process.listenerCount('SIGTERM')).toBe(before);
    expect(process.listenerCount('SIGINT')).toBe(beforeInt);
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
  });

  it('on SIGTERM with a graceful timeout, lets the running demo run finish', async () => {
    const server = await startServer({
      dataDir,
      port: 0,
      webRoot: null,
      demo: { customers: 300 },
      gracefulShutdown: true,
      gracefulTimeoutSeconds: 600,
    });
    const runId = server.demo!.runId;
    process.emit('SIGTERM');
    await server.closed;
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
    expect(await statusAfterRestart(runId)).toBe('succeeded');
  });

  it('interrupts the running run once the graceful timeout is over', async () => {
    const server = await startServer({
      dataDir,
      port: 0,
      handleSignals: false,
      webRoot: null,
      demo: { customers: 300 },
      gracefulShutdown: true,
      gracefulTimeoutSeconds: 0,
    });
    const runId = server.demo!.runId;
    await server.close();
    expect(await statusAfterRestart(runId)).toBe('interrupted');
  });

  it('refuses a non-loopback host without a token', async () => {
    await expect(startServer({ dataDir, host: '0.0.0.0', port: 0 })).rejects.toMatchObject({
      code: 'INVALID_PARAMETER',
    });
  });
});

/** The run's status as a fresh server reads it from the catalog. */
async function statusAfterRestart(runId: string): Promise<RunStatus | undefined> {
  const server = await startServer({ dataDir, port: 0, handleSignals: false, webRoot: null });
  try {
    return (await server.app.catalog.getRun(runId))?.status;
  } finally {
    await server.close();
  }
}
