/** Dashboard static serving: content types, caching, SPA fallback, traversal, missing build, auth. */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { CACHE_CONTROL, safeStaticPath } from './static-files.js';

let folder: string;
let webRoot: string;
let app: FastifyInstance | undefined;
const INDEX = '<!doctype html><title>Segmint</title><div id="root"></div>';

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'segmint-static-'));
  webRoot = join(folder, 'dist');
  await mkdir(join(webRoot, 'assets'), { recursive: true });
  await writeFile(join(webRoot, 'index.html'), INDEX);
  await writeFile(join(webRoot, 'assets', 'index-1a2b3c.js'), 'console.log(1);');
  await writeFile(join(webRoot, 'assets', 'index-1a2b3c.css'), 'body{}');
  await writeFile(join(webRoot, 'favicon.svg'), '<svg/>');
  await writeFile(join(folder, 'secret.txt'), 'do not serve');
});
afterEach(async () => {
  await app?.close();
  app = undefined;
  await rm(folder, { recursive: true, force: true });
});

describe('safeStaticPath', () => {
  it('keeps paths inside the root and rejects traversal, NUL and bad encoding', () => {
    expect(safeStaticPath('/srv/web', '/assets/a.js')).toBe('/srv/web/assets/a.js');
    expect(safeStaticPath('/srv/web', '/../secret')).toBeNull();
    expect(safeStaticPath('/srv/web', '/%2e%2e/secret')).toBeNull();
    expect(safeStaticPath('/srv/web', '/a/%00b')).toBeNull();
    expect(safeStaticPath('/srv/web', '/%E0%A4%A')).toBeNull();
    expect(safeStaticPath('/srv/web', '/..%5csecret')).toBeNull();
  });
});

describe('dashboard serving', () => {
  it('serves index.html at / with no-cache, and bundles with a long cache and their type', async () => {
    app = await buildApp({ dataDir: join(folder, 'data'), webRoot });
    const index = await app.inject({ method: 'GET', url: '/' });
    expect(index.statusCode).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['cache-control']).toBe(CACHE_CONTROL.index);
    expect(index.body).toBe(INDEX);
    const script = await app.inject({ method: 'GET', url: '/assets/index-1a2b3c.js' });
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['cache-control']).toBe(CACHE_CONTROL.hashed);
    expect(script.body).toBe('console.log(1);');
    const style = await app.inject({ method: 'GET', url: '/assets/index-1a2b3c.css' });
    expect(style.headers['content-type']).toBe('text/css; charset=utf-8');
    const icon = await app.inject({ method: 'GET', url: '/favicon.svg' });
    expect(icon.headers['content-type']).toBe('image/svg+xml');
    expect(icon.headers['cache-control']).toBe(CACHE_CONTROL.other);
  });

  it('falls back to index.html for client routes, 404s missing files and API paths', async () => {
    app = await buildApp({ dataDir: join(folder, 'data'), webRoot });
    const route = await app.inject({ method: 'GET', url: '/runs/abc/segments?segment=2' });
    expect(route.statusCode).toBe(200);
    expect(route.body).toBe(INDEX);
    const missingBundle = await app.inject({ method: 'GET', url: '/assets/gone-123.js' });
    expect(missingBundle.statusCode).toBe(404);
    const api = await app.inject({ method: 'GET', url: '/api/nothing' });
    expect(api.statusCode).toBe(404);
    expect(api.json<{ error: { code: string } }>().error.code).toBe('NOT_FOUND');
    const health = await app.inject({ method: 'GET', url: '/health' });
    expect(health.json()).toEqual({ status: 'ok' });
  });

  it('never serves files outside the root, even through a symlink', async () => {
    await symlink(join(folder, 'secret.txt'), join(webRoot, 'link.txt'));
    app = await buildApp({ dataDir: join(folder, 'data'), webRoot });
    for (const url of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
    ]) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.body).not.toContain('do not serve');
    }
    const linked = await app.inject({ method: 'GET', url: '/link.txt' });
    expect(linked.statusCode).toBe(404);
    expect(linked.body).not.toContain('do not serve');
  });

  it('says how to build the dashboard (503) when it is missing', async () => {
    app = await buildApp({ dataDir: join(folder, 'data'), webRoot: join(folder, 'nope') });
    const response = await app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(503);
    expect(response.headers['content-type']).toContain('text/plain');
    expect(response.body).toContain('npm run build -w @segmint/web');
    expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
  });

  it('keeps the token on /api but not on the dashboard files', async () => {
    app = await buildApp({ dataDir: join(folder, 'data'), webRoot, token: 'tok-123' });
    expect((await app.inject({ method: 'GET', url: '/' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/assets/index-1a2b3c.js' })).statusCode).toBe(
      200,
    );
    expect((await app.inject({ method: 'GET', url: '/api/datasets' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/openapi.json' })).statusCode).toBe(401);
  });
});
