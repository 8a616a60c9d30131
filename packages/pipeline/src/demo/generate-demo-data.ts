/**
 * Realistic synthetic customers with planted segments, their purchases and their web sessions:
 * the data behind `segmint demo`, the docs and the pipeline's tests (the real datasets may not
 * be copied into the repository).
 *
 * Deterministic: the same `seed` gives the same rows on every machine (the engine's
 * `createRandom`, xoshiro128**); customers, transactions and sessions draw from independent
 * streams, so changing one generator does not reshuffle the others.
 */
import { checkParams, createRandom, mergeOptions } from '@segmint/engine';
import { generateCustomers } from './customers.js';
import { generateSessions } from './sessions.js';
import { generateTransactions } from './transactions.js';

/** Options of {@link generateDemoData}. */
export interface DemoDataOptions {
  /** Number of customers (default 2000, in [10, 1,000,000]). */
  readonly customers: number;
  /** Seed of every random draw (default 0). */
  readonly seed: number;
}

/** Defaults of {@link generateDemoData}. */
export const DEMO_DATA_DEFAULTS: DemoDataOptions = { customers: 2000, seed: 0 };

/** The demo tables, as records in CSV column order, plus the planted segment of each customer. */
export interface DemoData {
  /** One record per customer (marketing_campaign columns + Channel); Income null = missing. */
  readonly customers: Record<string, unknown>[];
  /** Online Retail style invoice lines; CustomerID null for guest orders. */
  readonly transactions: Record<string, unknown>[];
  /** Web sessions; CustomerID null for anonymous visitors. */
  readonly sessions: Record<string, unknown>[];
  /** Planted persona per customer (0..4, in `PERSONAS` order), aligned with `customers`. */
  readonly truth: Int32Array;
}

/**
 * Generates the demo data.
 * @param options - `customers` (default 2000), `seed` (default 0).
 * @throws SegmintError INVALID_PARAMETER for a customer count outside [10, 1,000,000] or a
 *   non-integer seed.
 * @example
 * const demo = generateDemoData({ customers: 500, seed: 1 });
 * demo.customers[0].Income; // e.g. 31250
 */
export function generateDemoData(options?: Partial<DemoDataOptions>): DemoData {
  const merged = mergeOptions(DEMO_DATA_DEFAULTS, options);
  checkParams('generateDemoData', merged, {
    customers: { type: 'integer', min: 10, max: 1_000_000 },
    seed: { type: 'integer' },
  });
  const root = createRandom(merged.seed);
  const customerStream = root.fork();
  const transactionStream = root.fork();
  const sessionStream = root.fork();
  const plans = generateCustomers(customerStream, merged.customers);
  return {
    customers: plans.map((plan) => plan.record),
    transactions: generateTransactions(transactionStream, plans),
    sessions: generateSessions(sessionStream, plans),
    truth: Int32Array.from(plans, (plan) => plan.persona),
  };
}
