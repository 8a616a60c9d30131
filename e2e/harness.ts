/**
 * Shared pieces of the dashboard's end-to-end tests: whether they can run (Chromium, the built
 * app, the shared datasets), the in-process server with a temporary data dir, a 1366x768 page,
 * screenshots under e2e/screenshots/<page>.png, and waits for rendered Plotly charts.
 *
 * Without /usr/bin/chromium or apps/web/dist the suites skip with a message, unless
 * SEGMINT_REQUIRE_SHARED_DATASETS=1 (CI), where a missing piece fails the run instead.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer } from '@segmint/server';
import type { RunningServer, ServeOptions } from '@segmint/server';
import { CHROMIUM_PATH, hasChromium, launchChromium } from './chromium.js';

const HERE = dirname(fileURLToPath(import.meta.url));

/** The repository root. */
export const REPO_ROOT = resolve(HERE, '..');
/** `../shared/datasets` relative to the repository root (never copied into the repo). */
export const SHARED_DATASETS = resolve(REPO_ROOT, '../shared/datasets');
/** The built dashboard the server serves at `/`. */
export const WEB_DIST = join(REPO_ROOT, 'apps/web/dist');
/** Where screenshots go. */
export const SCREENSHOTS = join(HERE, 'screenshots');
/** CI demands every e2e suite to run. */
export const REQUIRED = process.env.SEGMINT_REQUIRE_SHARED_DATASETS === '1';
/** The screen size the dashboard is designed for. */
export const VIEWPORT = { width: 1366, height: 768 };

/**
 * Why the browser suites cannot run here (null when they can). Missing pieces are only a skip
 * reason off CI; on CI the suite runs and fails on them.
 */
export function skipReason(extraFiles: readonly string[] = []): string | null {
  if (REQUIRED) return null;
  if (!hasChromium())
    return `e2e skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium)`;
  if (!existsSync(join(WEB_DIST, 'index.html'))) {
    return 'e2e skipped: apps/web/dist is missing (npm run build -w @segmint/web)';
  }
  const missing = extraFiles.find((file) => !existsSync(file));
  return missing === undefined ? null : `e2e skipped: ${missing} is missing`;
}

/** A server, a browser and a page, closed together. */
export interface Session {
  server: RunningServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Browser console errors and failed requests seen so far (for diagnostics). */
  problems: string[];
  close(): Promise<void>;
}

/** Starts the server (temporary data dir, free port) and a 1366x768 Chromium page. */
export async function openSession(options: Partial<ServeOptions> = {}): Promise<Session> {
  if (!hasChromium())
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: apt-get install -y chromium`);
  if (!existsSync(join(WEB_DIST, 'index.html')))
    throw new Error('apps/web/dist is missing: run npm run build first');
  await mkdir(SCREENSHOTS, { recursive: true });
  const dataDir = await mkdtemp(join(tmpdir(), 'segmint-e2e-'));
  const server = await startServer({
    dataDir,
    port: 0,
    handleSignals: false,
    logger: false,
    ...options,
  });
  let browser: Browser | null = null;
  try {
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
    context.setDefaultTimeout(30_000);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    const opened = browser;
    return {
      server,
      browser: opened,
      context,
      page,
      problems,
      close: async () => {
        await opened.close();
        await server.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser?.close();
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Saves e2e/screenshots/<name>.png of the viewport (1366x768), scrolled to the top unless
 * `scrolled` (then as the page is).
 */
export async function screenshot(page: Page, name: string, scrolled = false): Promise<void> {
  if (!scrolled) {
    await page.evaluate(() => {
      window.scrollTo(0, 0);
      document.querySelectorAll('.sidebar').forEach((element) => {
        element.scrollTop = 0;
      });
    });
  }
  // Let Plotly finish its transitions and lazy chunks settle before the picture.
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/**
 * Waits until the chart `chart-<name>` has rendered Plotly SVG with at least one trace (or, with
 * `webgl`, a WebGL canvas) and returns the number of traces drawn.
 */
export async function waitForChart(
  page: Page,
  name: string,
  kind: 'svg' | 'webgl' = 'svg',
): Promise<number> {
  const chart = page.getByTestId(`chart-${name}`);
  await chart.scrollIntoViewIfNeeded();
  await chart.locator('.plot-container .main-svg').first().waitFor({ state: 'attached' });
  if (kind === 'webgl') {
    await chart.locator('canvas').first().waitFor({ state: 'attached' });
    return chart.locator('canvas').count();
  }
  const traces = chart.locator(
    '.main-svg .trace, .main-svg .hm, .main-svg .heatmaplayer image, .main-svg .barlayer .point',
  );
  await traces.first().waitFor({ state: 'attached' });
  return traces.count();
}
