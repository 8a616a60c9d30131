import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from './app.js';
import { tokensMatch } from './http/auth.js';

let dataDir: string;
let app: FastifyInstance | undefined;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'segmint-app-'));
});
afterEach(async () => {
  await app?.close();
  app = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

describe('buildApp', () => {
  it('answers /health and 404s unknown routes with the error body', async () => {
    app = await buildApp({ dataDir });
    const health = await app.inject({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
    const missing = await app.inject({ method: 'GET', url: '/api/nothing?x=1' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({
      error: { code: 'NOT_FOUND', message: 'No route GET /api/nothing.', details: {} },
    });
  });

  it('serves an OpenAPI 3 document built from the route schemas, and the docs page', async () => {
    app = await buildApp({ dataDir });
    const response = await app.inject({ method: 'GET', url: '/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/health', '/api/datasets', '/api/datasets/{id}/rows']),
    );
    expect(document.paths['/openapi.json']).toBeUndefined();
    const docs = await app.inject({ method: 'GET', url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
  });

  it('requires a token to bind a non-loopback host', async () => {
    await expect(buildApp({ dataDir, host: '0.0.0.0' })).rejects.toMatchObject({
      code: 'INVALID_PARAMETER',
    });
    await expect(buildApp({ dataDir, host: '0.0.0.0', token: '' })).rejects.toThrow(/token/);
    app = await buildApp({ dataDir, host: '0.0.0.0', token: 'secret' });
    expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
  });

  it('checks the bearer token on every route but /health', async () => {
    app = await buildApp({ dataDir, token: 's3cret-token' });
    expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    const missing = await app.inject({ method: 'GET', url: '/api/datasets' });
    expect(missing.statusCode).toBe(401);
    expect(missing.json<{ error: { code: string } }>().error.code).toBe('UNAUTHORIZED');
    const wrong = await app.inject({
      method: 'GET',
      url: '/api/datasets',
      headers: { authorization: 'Bearer s3cret-tokem' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).not.toContain('s3cret');
    const basic = await app.inject({
      method: 'GET',
      url: '/openapi.json',
      headers: { authorization: 'Basic s3cret-token' },
    });
    expect(basic.statusCode).toBe(401);
    const right = await app.inject({
      method: 'GET',
      url: '/api/datasets',
      headers: { authorization: 'Bearer s3cret-token' },
    });
    expect(right.statusCode).toBe(200);
    expect(right.json()).toEqual({ datasets: [] });
  });

  it('never writes the token to the logs', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        lines.push(chunk.toString());
        callback();
      },
    });
    app = await buildApp({ dataDir, token: 'log-me-not', logger: { level: 'trace', stream } });
    await app.inject({
      method: 'GET',
      url: '/api/datasets',
      headers: { authorization: 'Bearer log-me-not' },
    });
    await app.inject({
      method: 'GET',
      url: '/api/datasets',
      headers: { authorization: 'Bearer wrong' },
    });
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('')).not.toContain('log-me-not');
    expect(lines.join('')).not.toContain('wrong');
  });

  it('compares tokens by content, whatever their lengths', () => {
    expect(tokensMatch('abc', 'abc')).toBe(true);
    expect(tokensMatch('abc', 'abd')).toBe(false);
    expect(tokensMatch('abc', 'abcd')).toBe(false);
  });

  it('rejects malformed and oversized JSON bodies with 4xx error bodies', async () => {
    app = await buildApp({ dataDir, maxBodyBytes: 64, allowedRoots: [dataDir] });
    const broken = await app.inject({
      method: 'POST',
      url: '/api/datasets/register',
      headers: { 'content-type': 'application/json' },
      payload: '{"path": ',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json<{ error: { code: string } }>().error.code).toBe('BAD_REQUEST');
    const large = await app.inject({
      method: 'POST',
      url: '/api/datasets/register',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ path: 'x'.repeat(200) }),
    });
    expect(large.statusCode).toBe(413);
    expect(large.json<{ error: { code: string } }>().error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(large.body).not.toMatch(/at .*\.js/);
  });

  it('keeps CORS off unless origins are configured', async () => {
    app = await buildApp({ dataDir });
    const closed = await app.inject({
      method: 'GET',
      url: '/health',
      headers: { origin: 'https://example.com' },
    });
    expect(closed.headers['access-control-allow-origin']).toBeUndefined();
    await app.close();
    app = await buildApp({ dataDir, corsOrigins: ['https://example.com'] });
    const open = await app.inject({
      method: 'GET',
      url: '/health',
      headers: { origin: 'https://example.com' },
    });
    expect(open.headers['access-control-allow-origin']).toBe('https://example.com');
  });
});
