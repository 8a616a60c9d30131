/**
 * Bearer-token authentication. When a token is configured, every route but `/health` needs
 * `Authorization: Bearer <token>`; the comparison is constant-time (SHA-256 digests of both sides
 * compared with timingSafeEqual, so neither the content nor the length leaks through timing).
 * The token is never logged or echoed. The dashboard's static files (any path outside `/api`,
 * `/docs` and `/openapi.json`) are public: a browser cannot send a bearer token for them, and
 * they hold no data.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HttpError } from './http-error.js';
import { isApiPath } from './static-files.js';

/** Routes reachable without a token. */
export const PUBLIC_PATHS: readonly string[] = ['/health'];

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** True when `presented` equals `expected`, in constant time. */
export function tokensMatch(presented: string, expected: string): boolean {
  return timingSafeEqual(digest(presented), digest(expected));
}

/** The hosts that count as loopback (no token required). */
export const LOOPBACK_HOSTS: readonly string[] = ['127.0.0.1', 'localhost', '::1'];

/** Adds the onRequest hook that checks the bearer token. */
export function registerAuth(app: FastifyInstance, token: string): void {
  const expected = token;
  app.addHook('onRequest', (request: FastifyRequest, _reply, done) => {
    const path = request.url.split('?')[0] ?? '';
    if (PUBLIC_PATHS.includes(path) || !isApiPath(path)) {
      done();
      return;
    }
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(.+)$/i.exec(header.trim()) : null;
    if (match?.[1] === undefined) {
      done(
        new HttpError(
          401,
          'UNAUTHORIZED',
          'A bearer token is required (Authorization: Bearer <token>).',
        ),
      );
      return;
    }
    if (!tokensMatch(match[1], expected)) {
      done(new HttpError(401, 'UNAUTHORIZED', 'The bearer token is not valid.'));
      return;
    }
    done();
  });
}
