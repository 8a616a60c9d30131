/**
 * Serving the built dashboard (apps/web/dist) at `/` without a static-file plugin: a small, safe
 * handler. Paths are decoded once, rejected when they hold NUL bytes or `..` segments, resolved
 * inside the root and checked to stay there (no traversal, no symlink escape: the real path must
 * be inside the real root). Hashed Vite bundles under `/assets/` are cached for a year
 * (immutable); index.html is `no-cache` so a new build shows at once. A GET for any other path
 * that is not a file (and not under `/api`, `/docs`, `/openapi.json`) gets index.html, so the
 * single-page app's client-side routes survive a reload. When the build is missing, those paths
 * answer 503 with the command that builds it.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from './error-handler.js';

/** apps/web/dist of this checkout (the same depth from src/http and dist/http). */
export const DEFAULT_WEB_ROOT = fileURLToPath(
  new URL('../../../../apps/web/dist', import.meta.url),
);

/** Content types by file extension; anything else is application/octet-stream. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
};

/** Cache-Control of hashed bundles, of index.html and of the other files. */
export const CACHE_CONTROL = {
  hashed: 'public, max-age=31536000, immutable',
  index: 'no-cache',
  other: 'public, max-age=3600',
} as const;

/** Path prefixes that belong to the API (never answered with index.html). */
const API_PREFIXES = ['/api/', '/docs', '/openapi.json', '/health'];

/** True when `path` (no query) is served by the API, not the dashboard. */
export function isApiPath(path: string): boolean {
  return path === '/api' || API_PREFIXES.some((prefix) => path.startsWith(prefix));
}

/** The text `/` answers with (503) when the dashboard has not been built. */
export function missingBuildMessage(root: string): string {
  return (
    `The Segmint dashboard is not built (no ${join(root, 'index.html')}).\n` +
    'Build it with `npm run build -w @segmint/web` (or run `npm start`, which builds everything), ' +
    'then reload this page.\nThe HTTP API is available under /api (documentation at /docs).\n'
  );
}

/**
 * The file a URL path names inside `root`, or null when the path is unsafe (NUL byte, a `..`
 * segment, bad percent-encoding) or leaves the root.
 * @example safeStaticPath('/srv/web', '/assets/app-1a2b.js') // '/srv/web/assets/app-1a2b.js'
 */
export function safeStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  if (decoded.split('/').some((segment) => segment === '..')) return null;
  const base = resolve(root);
  const target = resolve(base, `.${decoded.startsWith('/') ? decoded : `/${decoded}`}`);
  return target === base || target.startsWith(base + sep) ? target : null;
}

async function regularFile(path: string, realRoot: string): Promise<string | null> {
  try {
    const real = await realpath(path);
    if (real !== realRoot && !real.startsWith(realRoot + sep)) return null;
    return (await stat(real)).isFile() ? real : null;
  } catch {
    return null;
  }
}

function sendFile(reply: FastifyReply, file: string, cacheControl: string): FastifyReply {
  return reply
    .header('cache-control', cacheControl)
    .header('x-content-type-options', 'nosniff')
    .type(CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream')
    .send(createReadStream(file));
}

/**
 * Registers `GET /` and `GET /*` serving the dashboard from `root` (see the file header).
 * @param root - the built app folder (holding index.html).
 */
export function registerStaticFiles(app: FastifyInstance, root: string): void {
  const base = resolve(root);
  const handler = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const path = request.url.split('?')[0] ?? '/';
    if (isApiPath(path)) {
      return reply.code(404).send(errorBody('NOT_FOUND', `No route GET ${path}.`));
    }
    let realRoot: string;
    try {
      realRoot = await realpath(base);
    } catch {
      realRoot = '';
    }
    const index =
      realRoot === '' ? null : await regularFile(join(realRoot, 'index.html'), realRoot);
    if (index === null) {
      return reply
        .code(503)
        .header('cache-control', 'no-store')
        .type('text/plain; charset=utf-8')
        .send(missingBuildMessage(base));
    }
    const target = safeStaticPath(realRoot, path);
    if (target === null) {
      return reply.code(404).send(errorBody('NOT_FOUND', `No file ${path}.`));
    }
    const file = path === '/' ? index : await regularFile(target, realRoot);
    if (file !== null && file !== index) {
      const hashed = path.startsWith('/assets/');
      return sendFile(reply, file, hashed ? CACHE_CONTROL.hashed : CACHE_CONTROL.other);
    }
    // A missing bundle is a real 404 (an old index.html asking for a deleted hash must not get
    // HTML back as JavaScript); any other path is a client-side route.
    if (file === null && (path.startsWith('/assets/') || extname(path) !== '')) {
      return reply.code(404).send(errorBody('NOT_FOUND', `No file ${path}.`));
    }
    return sendFile(reply, index, CACHE_CONTROL.index);
  };
  app.get('/', { schema: { hide: true } }, handler);
  app.get('/*', { schema: { hide: true } }, handler);
}
