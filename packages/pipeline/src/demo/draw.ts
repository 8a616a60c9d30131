/**
 * Small sampling and calendar helpers for the demo generator, on top of the engine's seeded
 * `Random` (xoshiro128**), so the same seed gives the same files on every machine.
 * Days are whole UTC days since 1970-01-01; no local time zone is ever involved.
 */
import type { Random } from '@segmint/engine';

const DAY_MS = 86_400_000;

/** An index drawn with probability proportional to `weights` (non-negative, not all 0). */
export function pickIndex(rng: Random, weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) total += w;
  let u = rng.next() * total;
  for (let i = 0; i < weights.length; i++) {
    u -= weights[i]!;
    if (u < 0) return i;
  }
  return weights.length - 1;
}

/** A uniform integer in [from, to] (both included). */
export function uniformInt(rng: Random, from: number, to: number): number {
  return from + rng.int(to - from + 1);
}

/** A normal draw `mean + sd * N(0, 1)` clipped below at `min` (default 0) and rounded to `digits`. */
export function normalAtLeast(rng: Random, mean: number, sd: number, min = 0, digits = 0): number {
  const scale = 10 ** digits;
  return Math.round(Math.max(min, mean + sd * rng.normal()) * scale) / scale;
}

/** A Poisson draw (Knuth's product method; fine for the small means used here). */
export function poisson(rng: Random, mean: number): number {
  const limit = Math.exp(-mean);
  let count = 0;
  let product = rng.next();
  while (product > limit) {
    count++;
    product *= rng.next();
  }
  return count;
}

/** Whole days since 1970-01-01 of an ISO date "YYYY-MM-DD". */
export function dayOf(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** "dd-mm-yyyy" (marketing_campaign's Dt_Customer) of a day number. */
export function formatDayMonthYear(day: number): string {
  const date = new Date(day * DAY_MS);
  return `${pad(date.getUTCDate())}-${pad(date.getUTCMonth() + 1)}-${date.getUTCFullYear()}`;
}

/** "YYYY-MM-DD" of a day number. */
export function formatIsoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** "YYYY-MM-DD HH:MM:SS" (the Online Retail timestamp style) of a day plus seconds. */
export function formatTimestamp(day: number, secondOfDay: number): string {
  const iso = new Date(day * DAY_MS + secondOfDay * 1000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}
