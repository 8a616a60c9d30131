import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../database.js';
import {
  DEFAULT_RFM_SCORE_MAP,
  RFM_CODES,
  RFM_SEGMENT_NAMES,
  rfmSegmentOf,
} from './rfm-segments.js';
import { computeRfm, mergeScoreMap, thinDataWarnings } from './rfm.js';

let db: Database;
beforeAll(async () => {
  db = await openDatabase();
  // Five customers, asOf = 2020-01-11 (the day after the last transaction). Recency counts whole
  // days elapsed: 2020-01-10 09:00 -> 2020-01-11 00:00 is 0 days.
  await db.run(`CREATE TABLE tx AS SELECT * FROM (VALUES
    ('i1', 'a', TIMESTAMP '2020-01-01 10:00', 2, 5.0),
    ('i1', 'a', TIMESTAMP '2020-01-01 10:00', 1, 10.0),
    ('i2', 'a', TIMESTAMP '2020-01-10 09:00', 1, 1.0),
    ('i3', 'b', TIMESTAMP '2020-01-05 12:00', 3, 2.0),
    ('c4', 'b', TIMESTAMP '2020-01-06 12:00', -3, 2.0),
    ('i5', 'c', TIMESTAMP '2020-01-02 08:00', 1, 100.0),
    ('i6', NULL, TIMESTAMP '2020-01-03 08:00', 1, 7.0),
    ('i7', 'd', TIMESTAMP '2020-01-08 08:00', 1, 0.0),
    ('i8', 'e', TIMESTAMP '2020-01-09 08:00', 2, 3.0)
  ) AS v(invoice, cust, "at", qty, price)`);
});
afterAll(async () => {
  await db.close();
});

describe('RFM score map', () => {
  it('maps every one of the 125 codes to one of the 11 classic names, each name used', () => {
    expect(RFM_CODES).toHaveLength(125);
    expect(new Set(RFM_CODES).size).toBe(125);
    for (const code of RFM_CODES) expect(RFM_SEGMENT_NAMES).toContain(DEFAULT_RFM_SCORE_MAP[code]);
    expect(new Set(Object.values(DEFAULT_RFM_SCORE_MAP)).size).toBe(11);
    expect(Object.keys(DEFAULT_RFM_SCORE_MAP)).toHaveLength(125);
  });
  it('follows the R x F grid, with M splitting Lost from Hibernating', () => {
    expect(rfmSegmentOf(5, 5, 5)).toBe('Champions');
    expect(rfmSegmentOf(5, 1, 3)).toBe('New Customers');
    expect(rfmSegmentOf(4, 1, 1)).toBe('Promising');
    expect(rfmSegmentOf(3, 3, 3)).toBe('Need Attention');
    expect(rfmSegmentOf(1, 5, 5)).toBe('Cannot Lose Them');
    expect(rfmSegmentOf(1, 1, 1)).toBe('Lost');
    expect(rfmSegmentOf(1, 1, 5)).toBe('Hibernating');
    expect(rfmSegmentOf(2, 4, 1)).toBe('At Risk');
  });
  it('accepts partial overrides and rejects bad codes', () => {
    expect(mergeScoreMap({ '555': 'VIP' })['555']).toBe('VIP');
    expect(() => mergeScoreMap({ '556': 'x' })).toThrow(/scoreMap/);
  });
});

describe('computeRfm', () => {
  it('computes recency, frequency, monetary and drops (hand-computed)', async () => {
    const result = await computeRfm(db, 'tx', {
      customer: 'cust',
      date: 'at',
      price: 'price',
      quantity: 'qty',
      invoice: 'invoice',
    });
    expect(result).toMatchObject({
      table: 'tx_rfm',
      customers: 4,
      transactions: 6,
      droppedNoCustomer: 1,
      droppedNonPositive: 2,
      asOf: '2020-01-11',
    });
    const rows = await db.all(
      'SELECT cust, recency, frequency, monetary, rfm_score, rfm_segment FROM tx_rfm',
    );
    expect(rows.map((r) => [r.cust, r.recency, r.frequency, r.monetary])).toEqual([
      ['a', 0, 2, 21],
      ['b', 5, 1, 6],
      ['c', 8, 1, 100],
      ['e', 1, 1, 6],
    ]);
    // NTILE(5) over 4 customers gives tiles 1..4, ties broken by customer id.
    // R (recency desc): c 1, b 2, e 3, a 4. F (asc): b 1, c 2, e 3, a 4. M (asc): b 1, e 2, a 3, c 4.
    expect(rows.map((r) => r.rfm_score)).toEqual(['443', '211', '124', '332']);
    expect(rows.map((r) => r.rfm_segment)).toEqual([
      'Loyal',
      'Hibernating',
      'Hibernating',
      'Need Attention',
    ]);
    expect(result.warnings.map((w) => w.code)).toEqual(['RFM_FEW_CUSTOMERS', 'RFM_SHORT_HISTORY']);
  });
  it('without invoice or quantity: frequency counts rows and amount is the price; asOf and includeNonPositive', async () => {
    const result = await computeRfm(db, 'tx', {
      customer: 'cust',
      date: 'at',
      price: 'price',
      asOf: '2020-02-01',
      includeNonPositive: true,
    });
    expect(result.droppedNonPositive).toBe(0);
    const rows = await db.all('SELECT cust, recency, frequency, monetary FROM tx_rfm');
    expect(rows.map((r) => [r.cust, r.recency, r.frequency, r.monetary])).toEqual([
      ['a', 21, 3, 16],
      ['b', 25, 2, 4],
      ['c', 29, 1, 100],
      ['d', 23, 1, 0],
      ['e', 22, 1, 3],
    ]);
  });
  it('names a missing column and refuses a bad asOf', async () => {
    await expect(
      computeRfm(db, 'tx', { customer: 'CustomerID', date: 'at', price: 'price' }),
    ).rejects.toThrow(/transactions\.customer: no column named "CustomerID"/);
    await expect(
      computeRfm(db, 'tx', { customer: 'cust', date: 'at', price: 'price', asOf: '1/2/2020' }),
    ).rejects.toThrow(/asOf/);
  });
  it('warns on thin data only below the thresholds', () => {
    expect(thinDataWarnings(4338, 373, 0.65)).toEqual([]);
    expect(thinDataWarnings(99, 89, 0.09).map((w) => w.code)).toEqual([
      'RFM_FEW_CUSTOMERS',
      'RFM_SHORT_HISTORY',
      'RFM_FEW_REPEAT_BUYERS',
    ]);
  });
});
