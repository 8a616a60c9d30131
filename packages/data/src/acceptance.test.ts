/**
 * Acceptance on the shared real datasets (read in place from ../shared/datasets, never copied):
 * load with the right types, profile, derive the usual analyst features, RFM on Online Retail
 * against the dataset README's reference numbers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from './database.js';
import { profileTable } from './profile/profile-table.js';
import { readColumnValues, readTable } from './read/read-table.js';
import { deriveFeatures } from './recipes/feature-recipes.js';
import { computeRfm } from './recipes/rfm.js';
import { RFM_SEGMENT_NAMES } from './recipes/rfm-segments.js';
import { loadSource } from './sources/load-source.js';
import { dataset, hasSharedDatasets } from './test-utils/files.js';

let db: Database;
beforeAll(async () => {
  db = await openDatabase();
});
afterAll(async () => {
  await db.close();
});

describe.runIf(hasSharedDatasets)(
  'customer personality (tab-separated, dd-mm-yyyy dates, 24 missing incomes)',
  () => {
    it('loads with the right types, profiles and derives features', async () => {
      const loaded = await loadSource(
        db,
        { path: dataset('customer_personality', 'marketing_campaign.csv') },
        { table: 'campaign' },
      );
      expect(loaded.rows).toBe(2240);
      expect(loaded.columns).toHaveLength(29);
      const kinds = Object.fromEntries(loaded.columns.map((c) => [c.name, c.kind]));
      expect(kinds).toMatchObject({
        ID: 'numeric',
        Income: 'numeric',
        Education: 'categorical',
        Dt_Customer: 'date',
      });

      const profiles = await profileTable(db, 'campaign');
      const byName = Object.fromEntries(profiles.map((p) => [p.name, p]));
      expect(byName.ID!.role).toBe('id');
      expect(byName.Income).toMatchObject({ role: 'numeric', missing: 24, max: 666666 });
      expect(byName.Dt_Customer).toMatchObject({
        role: 'date',
        min: '2012-07-30',
        max: '2014-06-29',
      });
      expect(byName.Education!.role).toBe('categorical');
      expect(byName.Education!.top.slice(0, 2)).toEqual([
        { value: 'Graduation', count: 1127 },
        { value: 'PhD', count: 486 },
      ]);
      expect(byName.Z_CostContact).toMatchObject({ distinct: 1, std: 0 });

      const { table } = await deriveFeatures(db, 'campaign', [
        { type: 'age', column: 'Year_Birth', asOf: '2014-12-31' },
        {
          type: 'sum',
          name: 'total_spend',
          columns: [
            'MntWines',
            'MntFruits',
            'MntMeatProducts',
            'MntFishProducts',
            'MntSweetProducts',
            'MntGoldProds',
          ],
        },
        { type: 'tenure', column: 'Dt_Customer', unit: 'days' },
        { type: 'sum', name: 'children', columns: ['Kidhome', 'Teenhome'] },
        {
          type: 'map',
          column: 'Marital_Status',
          name: 'adults',
          mapping: { Married: 2, Together: 2 },
          default: 1,
        },
        { type: 'sum', name: 'family_size', columns: ['adults', 'children'] },
        {
          type: 'map',
          column: 'Education',
          name: 'education_level',
          mapping: { Basic: 1, '2n Cycle': 2, Graduation: 3, Master: 4, PhD: 5 },
        },
      ]);
      const t = await readTable(db, table, [
        'age',
        'total_spend',
        'tenure',
        'family_size',
        'education_level',
        'Income',
      ]);
      const values = (name: string) =>
        t.columns.find((c) => c.name === name)!.values as Float64Array;
      // First customer (ID 5524): born 1957, spends 635+88+546+172+88+88, joined 04-09-2012, single, no children.
      expect([
        values('age')[0],
        values('total_spend')[0],
        values('family_size')[0],
        values('education_level')[0],
      ]).toEqual([57, 1617, 1, 3]);
      expect(values('tenure')[0]).toBe(663); // 2012-09-04 -> 2014-06-29
      expect(Array.from(values('Income')).filter(Number.isNaN)).toHaveLength(24);
      expect((await readColumnValues(db, 'campaign', 'ID')).slice(0, 2)).toEqual([5524, 2174]);
    });
  },
);

describe.runIf(hasSharedDatasets)('other shared datasets', () => {
  it('mall customers: string ids with leading zeros stay ids', async () => {
    const loaded = await loadSource(
      db,
      { path: dataset('mall_customers', 'Mall_Customers.csv') },
      { table: 'mall' },
    );
    expect(loaded.rows).toBe(200);
    const profiles = await profileTable(db, 'mall');
    expect(profiles.map((p) => p.role)).toEqual([
      'id',
      'categorical',
      'numeric',
      'numeric',
      'numeric',
    ]);
    expect((await readColumnValues(db, 'mall', 'CustomerID'))[0]).toBe('0001');
  });
  it('young people survey: Likert answers with missing values read as NaN', async () => {
    const loaded = await loadSource(
      db,
      { path: dataset('young_people_survey', 'responses.csv') },
      { table: 'survey' },
    );
    expect(loaded.rows).toBe(1010);
    const t = await readTable(db, 'survey', ['Music', 'Dance']);
    const music = t.columns[0]!.values as Float64Array;
    const answered = Array.from(music).filter((v) => !Number.isNaN(v));
    expect(answered.length).toBeGreaterThan(1000);
    expect(answered.length).toBeLessThan(1010);
    expect(answered.every((v) => v >= 1 && v <= 5 && Number.isInteger(v))).toBe(true);
  });
  it("bank marketing: ';' delimiter and quoted strings", async () => {
    const loaded = await loadSource(
      db,
      { path: dataset('bank_marketing', 'bank.csv') },
      { table: 'bank' },
    );
    expect(loaded.rows).toBe(4521);
    expect(loaded.columns.map((c) => c.name).slice(0, 3)).toEqual(['age', 'job', 'marital']);
    const profiles = await profileTable(db, 'bank');
    expect(profiles.find((p) => p.name === 'job')!.role).toBe('categorical');
  });
});

describe.runIf(hasSharedDatasets)('online retail RFM (541,909 transactions)', () => {
  it('matches the dataset README: 4,338 customers, 397,884 rows, R/F/M medians', async () => {
    const started = performance.now();
    const loaded = await loadSource(
      db,
      { path: dataset('online_retail', 'online_retail.csv.gz') },
      { table: 'retail' },
    );
    const loadedAt = performance.now();
    const rfm = await computeRfm(db, 'retail', {
      customer: 'CustomerID',
      date: 'InvoiceDate',
      price: 'UnitPrice',
      quantity: 'Quantity',
      invoice: 'InvoiceNo',
    });
    const finished = performance.now();
    console.log(
      `online retail: load ${((loadedAt - started) / 1000).toFixed(2)} s, RFM ${((finished - loadedAt) / 1000).toFixed(2)} s (${loaded.rows} rows)`,
    );
    expect(loaded.rows).toBe(541909);
    expect(rfm).toMatchObject({
      customers: 4338,
      transactions: 397884,
      droppedNoCustomer: 135080,
      asOf: '2011-12-10',
      warnings: [],
    });
    expect(rfm.droppedNonPositive).toBe(541909 - 135080 - 397884);
    const [stats] =
      await db.all(`SELECT median(recency) AS r50, max(recency) AS rmax, median(frequency) AS f50, avg(frequency) AS fmean,
      max(frequency) AS fmax, median(monetary) AS m50, avg(monetary) AS mmean, max(monetary) AS mmax, count(DISTINCT rfm_segment)::INTEGER AS names
      FROM retail_rfm`);
    expect(stats).toMatchObject({ r50: 50, rmax: 373, f50: 2, fmax: 209 });
    expect(stats!.fmean as number).toBeCloseTo(4.27, 2);
    expect(stats!.m50 as number).toBeCloseTo(674.5, 1);
    expect(stats!.mmean as number).toBeCloseTo(2054.3, 0);
    expect(stats!.mmax as number).toBeCloseTo(280206, -1);
    expect(stats!.names).toBe(RFM_SEGMENT_NAMES.length);
    // Quintiles: each score 1-5 holds a fifth of the customers (867 or 868).
    const sizes = await db.all(
      'SELECT r_score, count(*)::INTEGER AS n FROM retail_rfm GROUP BY 1 ORDER BY 1',
    );
    expect(sizes.map((row) => row.n)).toEqual([868, 868, 868, 867, 867]);
  });
});
