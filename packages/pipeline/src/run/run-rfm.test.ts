import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { predictFile } from './predict-file.js';
import { RFM_LOG_NOTE } from './prepare-steps.js';
import {
  dataset,
  hasSharedDatasets,
  readCsv,
  runYaml,
  temporaryFolder,
} from './test-utils/run-fixtures.js';

const folder = temporaryFolder();
afterAll(() => folder.remove());

describe.skipIf(!hasSharedDatasets)('RFM on Online Retail (541,909 transactions)', () => {
  it('writes one row per customer with RFM columns and named RFM segments; predict reproduces it', async () => {
    const dir = join(folder.dir, 'rfm');
    mkdirSync(dir);
    const started = performance.now();
    const result = await runYaml(
      dir,
      `source: ${JSON.stringify(dataset('online_retail', 'online_retail.csv.gz'))}
id: CustomerID
transactions:
  customer: CustomerID
  date: InvoiceDate
  price: UnitPrice
  quantity: Quantity
  invoice: InvoiceNo
clustering:
  algorithm: kmeans
  k: { min: 2, max: 8 }
output: rfm-out/
`,
    );
    const seconds = (performance.now() - started) / 1000;
    // Measured, not asserted (no timing thresholds in tests): the target is < 60 s.
    console.log(`Online Retail RFM run, end to end: ${seconds.toFixed(1)} s`);
    const rows = readCsv(result.files.segmentsCsv);
    expect(Object.keys(rows[0]!)).toEqual([
      'CustomerID',
      'segment',
      'segment_name',
      'confidence',
      'out_of_distribution',
      'outlier',
      'recency',
      'frequency',
      'monetary',
      'rfm_score',
      'rfm_segment',
    ]);
    const { report } = result;
    expect(rows).toHaveLength(report.rfm!.customers);
    expect(report.rfm!.customers).toBeGreaterThan(4000);
    expect(report.rfm!.droppedNoCustomer).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.rfm_segment)).size).toBeGreaterThanOrEqual(5);
    expect(report.features.numeric).toEqual(['recency', 'frequency', 'monetary']);
    expect(report.cleaning[0]).toBe(RFM_LOG_NOTE);
    // Cross-tab: clusters x RFM segments, every customer counted once.
    const total = report.rfm!.crossTab.counts.flat().reduce((a, b) => a + b, 0);
    expect(total).toBe(rows.length);
    expect(report.rfm!.crossTab.rows).toEqual(report.segments.map((s) => s.name));
    // The model scores RFM rows (here the run's own output) to the same segments.
    const predicted = join(dir, 'p.csv');
    await predictFile(result.files.model, result.files.segmentsCsv, predicted);
    expect(readCsv(predicted).map((r) => r.segment)).toEqual(rows.map((r) => r.segment));
  });
});
