/**
 * Demo customers: one row per customer in the columns of marketing_campaign.csv (plus a
 * preferred Channel), drawn around the planted {@link PERSONAS}.
 *
 * Noise, so the demo behaves like real data: about 1% of incomes are missing (the real file
 * has 24 of 2,240), and about 5% of customers are atypical: their spend and purchase counts come
 * from another persona while their demographics stay their own (their `truth` label stays the
 * persona of their demographics).
 */
import type { Random } from '@segmint/engine';
import { dayOf, formatDayMonthYear, normalAtLeast, pickIndex, uniformInt } from './draw.js';
import {
  CHANNELS,
  EDUCATION,
  MARITAL_STATUS,
  MARITAL_WEIGHTS,
  PERSONAS,
  type Persona,
} from './personas.js';

/** Column order of customers.csv. */
export const CUSTOMER_COLUMNS = [
  'CustomerID',
  'Year_Birth',
  'Education',
  'Marital_Status',
  'Income',
  'Kidhome',
  'Teenhome',
  'Dt_Customer',
  'Recency',
  'MntWines',
  'MntFruits',
  'MntMeatProducts',
  'MntFishProducts',
  'MntSweetProducts',
  'MntGoldProds',
  'NumWebPurchases',
  'NumStorePurchases',
  'NumDealsPurchases',
  'NumWebVisitsMonth',
  'Channel',
] as const;

/** Share of customers with a missing Income. */
export const MISSING_INCOME_SHARE = 0.011;
/** Share of atypical customers (behaviour from another persona). */
export const ATYPICAL_SHARE = 0.05;
/** First CustomerID; ids are consecutive. */
export const FIRST_CUSTOMER_ID = 1001;

/** What the transaction and session generators need to know about a customer. */
export interface CustomerPlan {
  readonly id: number;
  readonly persona: number;
  /** Persona of the behaviour (differs from `persona` for atypical customers). */
  readonly behaviour: Persona;
  readonly signupDay: number;
  readonly recency: number;
  readonly record: Record<string, unknown>;
}

/** Draws `count` customers; returns their records (CSV column order) and plans. */
export function generateCustomers(rng: Random, count: number): CustomerPlan[] {
  const shares = PERSONAS.map((p) => p.share);
  const plans: CustomerPlan[] = [];
  for (let i = 0; i < count; i++) {
    const persona = pickIndex(rng, shares);
    const own = PERSONAS[persona]!;
    const behaviour =
      rng.next() < ATYPICAL_SHARE
        ? PERSONAS[(persona + 1 + rng.int(PERSONAS.length - 1)) % PERSONAS.length]!
        : own;
    const signupDay = uniformInt(rng, dayOf(own.signup[0]), dayOf(own.signup[1]));
    const recency = Math.min(99, normalAtLeast(rng, behaviour.recency.mean, behaviour.recency.sd));
    const income =
      rng.next() < MISSING_INCOME_SHARE
        ? null
        : normalAtLeast(rng, own.income.mean, own.income.sd, 4_000);
    const record: Record<string, unknown> = {
      CustomerID: FIRST_CUSTOMER_ID + i,
      Year_Birth: uniformInt(rng, own.birthYears[0], own.birthYears[1]),
      Education: EDUCATION[pickIndex(rng, own.education)]!,
      Marital_Status: MARITAL_STATUS[pickIndex(rng, MARITAL_WEIGHTS)]!,
      Income: income,
      Kidhome: pickIndex(rng, own.kids),
      Teenhome: pickIndex(rng, own.teens),
      Dt_Customer: formatDayMonthYear(signupDay),
      Recency: recency,
    };
    for (const [column, spread] of Object.entries(behaviour.spend)) {
      record[column] = normalAtLeast(rng, spread.mean, spread.sd);
    }
    for (const [column, spread] of Object.entries(behaviour.counts)) {
      record[column] = normalAtLeast(rng, spread.mean, spread.sd);
    }
    record.Channel = CHANNELS[pickIndex(rng, behaviour.channel)]!;
    plans.push({ id: FIRST_CUSTOMER_ID + i, persona, behaviour, signupDay, recency, record });
  }
  return plans;
}
