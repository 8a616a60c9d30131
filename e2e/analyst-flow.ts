/**
 * End-to-end flow of an analyst in real headless Chromium: upload the customer-personality
 * marketing file, configure a run comparing two algorithms, follow it to the end, read the k
 * curves, the segment cards, the radar, the heatmap and the 3-D map, predict one customer and
 * export the segments as CSV. A screenshot of every page goes to e2e/screenshots/<page>.png.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARED_DATASETS, openSession, screenshot, skipReason, waitForChart } from './harness.js';
import type { Session } from './harness.js';

const MARKETING = join(SHARED_DATASETS, 'customer_personality/marketing_campaign.csv');

/** Registers the analyst flow (a describe block; skipped with a message when it cannot run). */
export function analystFlow(): void {
  const reason = skipReason([MARKETING]);
  if (reason !== null) console.warn(reason);
  describe.skipIf(reason !== null)(
    'dashboard: upload, configure, run, explore, predict, export',
    () => {
      let session: Session;

      beforeAll(async () => {
        session = await openSession();
      }, 60_000);

      afterAll(async () => {
        await session?.close();
      });

      it('walks the whole flow on marketing_campaign.csv', async () => {
        const { page, server } = session;
        const started = Date.now();
        const timings: string[] = [];
        const mark = (label: string) =>
          timings.push(`${label} ${((Date.now() - started) / 1000).toFixed(1)} s`);
        try {
          // Data: upload by the file input, see the preview and the profile.
          await page.goto(`${server.url}/#/data`);
          await page.getByTestId('upload-dropzone').waitFor();
          await screenshot(page, 'data-upload');
          await page.getByTestId('upload-input').setInputFiles(MARKETING);
          await page.getByTestId('dataset-preview').locator('tbody tr').first().waitFor();
          await expect
            .poll(() => page.getByTestId('dataset-preview').locator('tbody tr').count())
            .toBe(25);
          const profileRows = page.getByTestId('column-profile').locator('tbody tr');
          await expect.poll(() => profileRows.count()).toBe(29);
          expect(await page.getByTestId('column-profile').textContent()).toContain('Income');
          await screenshot(page, 'data');

          // A derived feature: total spend over the six product amounts.
          await page.getByTestId('derive-kind').selectOption('sum');
          await page
            .getByTestId('derive-columns')
            .selectOption([
              'MntWines',
              'MntFruits',
              'MntMeatProducts',
              'MntFishProducts',
              'MntSweetProducts',
              'MntGoldProds',
            ]);
          await page.getByTestId('derive-name').fill('TotalSpend');
          await page.getByTestId('derive-add').click();
          mark('data');

          // Configure: two algorithms, k from 3 to 6, then start.
          await page.getByTestId('go-configure').click();
          await page.getByTestId('config-yaml').waitFor();
          await page.getByTestId('k-min').fill('3');
          await page.getByTestId('k-max').fill('6');
          await page.getByTestId('algorithm-minibatch-kmeans').check();
          const yamlText = (await page.getByTestId('config-yaml').textContent()) ?? '';
          expect(yamlText).toContain('minibatch-kmeans');
          expect(yamlText).toContain('min: 3');
          expect(yamlText).toContain('max: 6');
          expect(yamlText).toContain('name: TotalSpend');
          await screenshot(page, 'configure');
          mark('configured');
          await page.getByTestId('run-start').click();

          // Runs: live progress until it succeeds.
          await page.getByTestId('run-progress').waitFor();
          await expect
            .poll(() => page.getByTestId('run-status').textContent(), {
              timeout: 60_000,
              interval: 250,
            })
            .toBe('succeeded');
          await screenshot(page, 'runs');
          mark('run finished');

          // Choose k: the elbow, the criteria curves and the vote.
          await page.getByTestId('nav-choose-k').click();
          expect(await waitForChart(page, 'elbow')).toBeGreaterThan(0);
          expect(await waitForChart(page, 'criteria')).toBeGreaterThan(0);
          expect(await waitForChart(page, 'vote')).toBeGreaterThan(0);
          expect(await page.getByTestId('k-verdict').textContent()).toMatch(
            /k = \d|no clear structure/i,
          );
          await page.getByTestId('chart-elbow').scrollIntoViewIfNeeded();
          await screenshot(page, 'choose-k');
          mark('choose k');

          // Compare: metrics and the agreement matrix of the two algorithms.
          await page.getByTestId('nav-compare').click();
          await expect
            .poll(() => page.getByTestId('metrics-table').locator('tbody tr').count())
            .toBe(2);
          expect(await waitForChart(page, 'agreement')).toBeGreaterThan(0);
          await waitForChart(page, 'compare-map', 'webgl');
          await screenshot(page, 'compare');
          mark('compare');

          // Segments: cards, radar, heatmap and the 3-D map.
          await page.getByTestId('nav-segments').click();
          await page.getByTestId('segment-card').first().waitFor();
          const cards = await page.getByTestId('segment-card').count();
          expect(cards).toBeGreaterThanOrEqual(2);
          await screenshot(page, 'segments');
          expect(await waitForChart(page, 'radar')).toBe(cards);
          expect(await waitForChart(page, 'heatmap')).toBeGreaterThan(0);
          // The derived feature reached the run: it is one of the distribution's features.
          expect(await page.getByTestId('distribution-feature').textContent()).toContain(
            'TotalSpend',
          );
          expect(await waitForChart(page, 'map3d', 'webgl')).toBeGreaterThan(0);
          await page.getByTestId('chart-radar').scrollIntoViewIfNeeded();
          await screenshot(page, 'segments-charts', true);
          await page.getByTestId('chart-map3d').scrollIntoViewIfNeeded();
          await screenshot(page, 'segments-maps', true);
          mark('segments');

          // A link keeps the segment: choosing a card writes it into the URL.
          await page.getByTestId('segment-card').nth(1).getByRole('button').click();
          await expect.poll(() => page.url()).toMatch(/segments\?segment=\d/);
          await page.getByTestId('segment-members').locator('tbody tr').first().waitFor();
          // ... and opening that link in a fresh page shows the same run and segment.
          const link = page.url();
          const reopened = await session.context.newPage();
          await reopened.goto(link);
          const chosen = reopened.getByTestId('segment-card').nth(1).getByRole('button');
          await expect.poll(() => chosen.getAttribute('aria-pressed')).toBe('true');
          await reopened.getByTestId('segment-members').locator('tbody tr').first().waitFor();
          await reopened.close();

          // Predict one customer.
          await page.getByTestId('nav-predict').click();
          await page.getByTestId('predict-form').waitFor();
          await page.getByTestId('predict-submit').click();
          const result = page.getByTestId('predict-result');
          await result.waitFor();
          expect(await result.textContent()).toMatch(/Segment \d+: .+Confidence \d/);
          await waitForChart(page, 'predict-map', 'webgl');
          await screenshot(page, 'predict');

          // Batch: the first 20 customers as a TSV file, answered with a downloadable CSV.
          const head = (await readFile(MARKETING, 'utf8')).split('\n').slice(0, 21).join('\n');
          await page.getByTestId('predict-batch-input').setInputFiles({
            name: 'first-customers.tsv',
            mimeType: 'text/tab-separated-values',
            buffer: Buffer.from(`${head}\n`, 'utf8'),
          });
          const batchLink = page.getByTestId('predict-batch-download');
          await batchLink.waitFor();
          expect(await page.getByTestId('predict-batch-result').textContent()).toContain(
            '20 rows predicted',
          );
          const [batchDownload] = await Promise.all([
            page.waitForEvent('download'),
            batchLink.click(),
          ]);
          const batchLines = (await readFile(await batchDownload.path(), 'utf8'))
            .trim()
            .split('\n');
          expect(batchLines).toHaveLength(21);
          expect(batchLines[0]).toMatch(/segment/i);
          mark('predict');

          // Export the segments as CSV.
          await page.getByTestId('nav-export').click();
          const [download] = await Promise.all([
            page.waitForEvent('download'),
            page.getByTestId('export-csv').click(),
          ]);
          const path = await download.path();
          const text = await readFile(path, 'utf8');
          const lines = text.trim().split('\n');
          expect(lines[0]).toMatch(/segment/i);
          expect(lines.length).toBe(2241);
          await screenshot(page, 'export');
          mark('export');

          // Runs: the history lists the run with its status and a Re-run action.
          await page.getByTestId('nav-runs').click();
          const history = page.getByTestId('run-history');
          await expect.poll(() => history.locator('tbody tr').count()).toBe(1);
          expect(await history.locator('tbody tr').first().textContent()).toContain('succeeded');
          await history.getByRole('button', { name: 'Re-run' }).waitFor();
          console.info(`e2e dashboard flow: ${timings.join(', ')}`);
        } catch (error) {
          await screenshot(page, 'failure').catch(() => undefined);
          throw new Error(
            `${(error as Error).message}\nBrowser problems:\n${session.problems.join('\n')}`,
            { cause: error },
          );
        }
      }, 90_000);
    },
  );
}
