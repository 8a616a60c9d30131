import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  adjustedRandIndex,
  fitTransformPipeline,
  kmeans,
  profileSegments,
  table,
  type Table,
} from '@segmint/engine';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseConfig } from '../config/index.js';
import { CUSTOMER_COLUMNS } from './customers.js';
import { toCsv } from './csv.js';
import { DEMO_CONFIG, DEMO_RFM_CONFIG } from './demo-configs.js';
import { generateDemoData } from './generate-demo-data.js';
import { PERSONAS } from './personas.js';
import { SESSION_COLUMNS } from './sessions.js';
import { TRANSACTION_COLUMNS } from './transactions.js';
import { writeDemo } from './write-demo.js';

const NUMERIC = CUSTOMER_COLUMNS.filter(
  (c) => !['CustomerID', 'Education', 'Marital_Status', 'Dt_Customer', 'Channel'].includes(c),
);

function numericTable(customers: readonly Record<string, unknown>[]): Table {
  return table(
    Object.fromEntries(NUMERIC.map((c) => [c, customers.map((r) => r[c] as number | null)])),
  );
}

describe('generateDemoData', () => {
  const demo = generateDemoData();

  it('is deterministic and depends on the seed', () => {
    const again = generateDemoData();
    expect(toCsv(again.customers, CUSTOMER_COLUMNS)).toBe(toCsv(demo.customers, CUSTOMER_COLUMNS));
    expect(toCsv(again.transactions, TRANSACTION_COLUMNS)).toBe(
      toCsv(demo.transactions, TRANSACTION_COLUMNS),
    );
    expect(toCsv(again.sessions, SESSION_COLUMNS)).toBe(toCsv(demo.sessions, SESSION_COLUMNS));
    expect(Array.from(again.truth)).toEqual(Array.from(demo.truth));
    const other = generateDemoData({ seed: 1 });
    expect(toCsv(other.customers, CUSTOMER_COLUMNS)).not.toBe(
      toCsv(demo.customers, CUSTOMER_COLUMNS),
    );
  });

  it('has the requested size, the marketing_campaign columns and planted shares', () => {
    expect(demo.customers).toHaveLength(2000);
    expect(demo.truth).toHaveLength(2000);
    expect(Object.keys(demo.customers[0]!)).toEqual([...CUSTOMER_COLUMNS]);
    expect(generateDemoData({ customers: 50, seed: 3 }).customers).toHaveLength(50);
    const counts = PERSONAS.map((_, g) => demo.truth.filter((label) => label === g).length);
    PERSONAS.forEach((persona, g) => expect(counts[g]! / 2000).toBeCloseTo(persona.share, 1));
    const missing = demo.customers.filter((r) => r.Income === null).length;
    expect(missing).toBeGreaterThan(5);
    expect(missing).toBeLessThan(60);
    const ids = new Set(demo.customers.map((r) => r.CustomerID));
    expect(ids.size).toBe(2000);
    for (const r of demo.customers) {
      expect(r.Dt_Customer).toMatch(/^\d\d-\d\d-20(12|13|14)$/);
      expect(r.MntWines as number).toBeGreaterThanOrEqual(0);
      expect(r.Recency as number).toBeLessThanOrEqual(99);
    }
  });

  it('plants segments that k-means recovers from the standardised numeric columns', () => {
    const fitted = fitTransformPipeline(numericTable(demo.customers), [
      { type: 'impute', strategy: 'median' },
      { type: 'scale', method: 'standard' },
    ]);
    const model = kmeans(fitted.result.X, { clusterCount: PERSONAS.length, seed: 0, nInit: 4 });
    const ari = adjustedRandIndex(model.labels, demo.truth);
    expect(ari).toBeGreaterThan(0.6);
  });

  it('profiles the planted segments with the intended names', () => {
    const names = profileSegments(numericTable(demo.customers), demo.truth).map((p) => p.name);
    expect(names[0]).toMatch(/^Affluent wine lovers/);
    expect(names[1]).toMatch(/^Budget .*with kids$/);
    expect(names[2]).toMatch(/deal seekers/i);
    expect(names[3]).toMatch(/^Lapsed/);
    expect(names[4]).toMatch(/online shoppers/i);
  });

  it('writes Online Retail style transactions with returns and guest orders', () => {
    const rows = demo.transactions;
    expect(Object.keys(rows[0]!)).toEqual([...TRANSACTION_COLUMNS]);
    const returns = rows.filter((r) => (r.Quantity as number) < 0);
    expect(returns.length).toBeGreaterThan(0);
    for (const r of returns) expect(r.InvoiceNo).toMatch(/^C\d+$/);
    const guests = rows.filter((r) => r.CustomerID === null).length;
    expect(guests / rows.length).toBeGreaterThan(0.01);
    expect(guests / rows.length).toBeLessThan(0.08);
    for (const r of rows.slice(0, 50))
      expect(r.InvoiceDate).toMatch(/^2014-\d\d-\d\d \d\d:\d\d:00$|^2013-12-\d\d \d\d:\d\d:00$/);
    const dates = rows.map((r) => r.InvoiceDate as string);
    expect([...dates].sort()).toEqual(dates);
    // The last purchase of a customer is Recency days before the as-of date.
    const customer = demo.customers[0]!;
    const own = rows.filter(
      (r) => r.CustomerID === customer.CustomerID && (r.Quantity as number) > 0,
    );
    const last = own
      .map((r) => (r.InvoiceDate as string).slice(0, 10))
      .sort()
      .at(-1)!;
    const days = (Date.parse('2014-12-01') - Date.parse(last)) / 86_400_000;
    expect(days).toBe((customer.Recency as number) + 1);
  });

  it('writes web sessions', () => {
    expect(Object.keys(demo.sessions[0]!)).toEqual([...SESSION_COLUMNS]);
    expect(demo.sessions.length).toBeGreaterThan(2000);
    expect(demo.sessions.some((s) => s.CustomerID === null)).toBe(true);
    expect(new Set(demo.sessions.map((s) => s.Device))).toEqual(
      new Set(['desktop', 'mobile', 'tablet']),
    );
  });

  it('rejects bad options', () => {
    expect(() => generateDemoData({ customers: 0 })).toThrow(
      /'customers' must be an integer in \[10, 1000000\]/,
    );
  });
});

describe('writeDemo', () => {
  it('writes the three tables and two configs that parse as YAML', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'segmint-demo-'));
    try {
      const { files } = await writeDemo(dir, { customers: 100, seed: 2 });
      expect((await readdir(dir)).sort()).toEqual([
        'customers.csv',
        'demo-rfm.yaml',
        'demo.yaml',
        'sessions.csv',
        'transactions.csv',
      ]);
      const customers = await readFile(files.customers, 'utf8');
      expect(customers.split('\n')[0]).toBe(CUSTOMER_COLUMNS.join(','));
      expect(customers.trimEnd().split('\n')).toHaveLength(101);
      expect(await readFile(files.transactions, 'utf8')).toMatch(/^InvoiceNo,StockCode,/);
      const config = parse(await readFile(files.config, 'utf8')) as Record<string, unknown>;
      expect(config.source).toEqual({ path: 'customers.csv', dateFormat: '%d-%m-%Y' });
      expect(config.clustering).toEqual({ algorithm: 'kmeans', k: { min: 2, max: 8 } });
      const rfm = parse(await readFile(files.rfmConfig, 'utf8')) as Record<string, unknown>;
      expect(rfm.transactions).toMatchObject({ customer: 'CustomerID', date: 'InvoiceDate' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('writes configs that the config schema accepts', () => {
    const config = parseConfig(DEMO_CONFIG, { file: 'demo.yaml' });
    expect(config.source.path).toBe('customers.csv');
    expect(config.id).toBe('CustomerID');
    expect(config.derive.map((recipe) => recipe.type)).toEqual(['age', 'sum', 'sum', 'tenure']);
    expect(config.categorical).toEqual(['Education']);
    expect(config.clustering.k).toEqual({ min: 2, max: 8 });
    const rfm = parseConfig(DEMO_RFM_CONFIG, { file: 'demo-rfm.yaml' });
    expect(rfm.transactions).toMatchObject({ customer: 'CustomerID', invoice: 'InvoiceNo' });
    expect(rfm.features).toEqual(['recency', 'frequency', 'monetary']);
  });
});
