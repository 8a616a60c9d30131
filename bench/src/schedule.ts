/**
 * The interleaved run order (pure): every round runs each side once, in a fixed order, so slow
 * drifts of machine load (other processes, thermal throttling) hit all sides alike instead of
 * landing on whichever side happened to run last.
 */

/** One timed run: which side, and its repetition number (0-based). */
export interface ScheduledRun {
  readonly side: string;
  readonly repetition: number;
}

/** A side to schedule and how many times it runs (defaults to the round count). */
export interface ScheduleSide {
  readonly side: string;
  readonly runs?: number;
}

/**
 * Round-robin order: round r runs, in the given order, every side that has more than r runs.
 * Sides with fewer runs (slow peers run once) take part in the first rounds only.
 * @throws RangeError when `rounds` is not a non-negative integer.
 * @example interleave([{ side: 'segmint' }, { side: 'sklearn' }], 2)
 * // segmint#0, sklearn#0, segmint#1, sklearn#1
 */
export function interleave(sides: readonly ScheduleSide[], rounds: number): ScheduledRun[] {
  if (!Number.isInteger(rounds) || rounds < 0) {
    throw new RangeError(`interleave: 'rounds' must be a non-negative integer; got ${rounds}.`);
  }
  const order: ScheduledRun[] = [];
  for (let repetition = 0; repetition < rounds; repetition++) {
    for (const { side, runs = rounds } of sides) {
      if (repetition < runs) order.push({ side, repetition });
    }
  }
  return order;
}
