/**
 * The first page a new user sees: `segmint serve --demo` (what `npm start` runs) loads the demo
 * customers and segments them at start; opening the dashboard shows the segments and charts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServeOptions } from '@segmint/server';
import { openSession, screenshot, skipReason, waitForChart } from './harness.js';
import type { Session } from './harness.js';

interface RunSummary {
  id: string;
  status: string;
}

/** Polls the API until a run succeeded (the demo run starts with the server). */
async function waitForSucceededRun(url: string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(`${url}/api/runs`);
    const { runs } = (await response.json()) as { runs: RunSummary[] };
    const done = runs.find((run) => run.status === 'succeeded');
    if (done !== undefined) return done.id;
    const failed = runs.find((run) => run.status === 'failed');
    if (failed !== undefined) throw new Error(`The demo run failed: ${JSON.stringify(failed)}`);
    if (Date.now() > deadline)
      throw new Error(`No demo run succeeded within ${timeoutMs} ms: ${JSON.stringify(runs)}`);
    await new Promise((resolveWait) => setTimeout(resolveWait, 250));
  }
}

/** Registers the demo flow (a describe block; skipped with a message when it cannot run). */
export function demoFlow(): void {
  const reason = skipReason();
  if (reason !== null) console.warn(reason);
  describe.skipIf(reason !== null)('dashboard: the demo served by serve --demo', () => {
    let session: Session;

    beforeAll(async () => {
      const demo: Partial<ServeOptions> = { demo: true };
      session = await openSession(demo);
    }, 60_000);

    afterAll(async () => {
      await session?.close();
    });

    it('opens on segments of the demo customers', async () => {
      const { page, server } = session;
      try {
        const runId = await waitForSucceededRun(server.url, 60_000);
        await page.goto(`${server.url}/#/segments`);
        await expect.poll(() => page.url()).toContain(`#/runs/${runId}/segments`);
        await page.getByTestId('segment-card').first().waitFor();
        expect(await page.getByTestId('segment-card').count()).toBeGreaterThanOrEqual(2);
        expect(await waitForChart(page, 'sizes')).toBeGreaterThan(0);
        expect(await waitForChart(page, 'radar')).toBeGreaterThan(0);
        await page.getByTestId('segment-card').first().scrollIntoViewIfNeeded();
        await screenshot(page, 'demo-segments');
        // The UMAP map is computed on the server's worker on request, then drawn like the others.
        await page.getByRole('button', { name: 'Compute UMAP map' }).click();
        expect(await waitForChart(page, 'umap', 'webgl')).toBeGreaterThan(0);
        await page.getByTestId('chart-umap').scrollIntoViewIfNeeded();
        await screenshot(page, 'demo-umap', true);
        // A predicted customer is then placed on the UMAP map as well as on the 3-D map.
        await page.goto(`${server.url}/#/runs/${runId}/predict`);
        await page.getByTestId('predict-submit').click();
        await page.getByTestId('predict-result').waitFor();
        expect(await waitForChart(page, 'predict-umap', 'webgl')).toBeGreaterThan(0);
        await page.getByTestId('chart-predict-umap').scrollIntoViewIfNeeded();
        await screenshot(page, 'demo-predict-umap', true);
      } catch (error) {
        await screenshot(page, 'demo-failure').catch(() => undefined);
        throw new Error(
          `${(error as Error).message}\nBrowser problems:\n${session.problems.join('\n')}`,
          { cause: error },
        );
      }
    }, 90_000);
  });
}
