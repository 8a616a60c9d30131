/**
 * Runs one prepared case: warm-ups, then the interleaved timed schedule, then medians. A side
 * that throws is recorded as failed and dropped from later rounds; a peer whose first run exceeds
 * the peer budget is not repeated (its single time is reported with a note).
 */
import { interleave } from './schedule.js';
import { median } from './stats.js';

/** What one timed run reports: its seconds and, when known, quality and iterations. */
export interface RunOutcome {
  readonly seconds: number;
  readonly quality?: number;
  readonly iterations?: number;
}

/** One implementation under test. */
export interface Side {
  /** 'segmint', 'sklearn' or the peer's package name. */
  readonly name: string;
  readonly kind: 'segmint' | 'sklearn' | 'peer';
  /** Rows the side actually runs on (peers may run at a stated reduced size). */
  readonly rows: number;
  /** Which function was called, e.g. 'kmeansParallel (threads 2)'. */
  readonly label: string;
  /** One untimed run on a small input (spawns workers, warms the JIT). */
  readonly warmup?: () => Promise<void>;
  readonly run: () => Promise<RunOutcome>;
}

/** The summary of one side. */
export interface SideSummary {
  readonly name: string;
  readonly kind: Side['kind'];
  readonly label: string;
  readonly rows: number;
  /** Median of the timed runs, seconds. */
  readonly seconds?: number;
  readonly times: readonly number[];
  readonly quality?: number;
  readonly iterations?: number;
  readonly error?: string;
  readonly note?: string;
}

/** Options of {@link runSides}. */
export interface RunSidesOptions {
  readonly repetitions: number;
  readonly peerBudgetSeconds: number;
  readonly log: (line: string) => void;
  /**
   * Idle pause before each timed run, in milliseconds (default 0). After a run, OpenMP/BLAS
   * threads spin-wait for a while and the garbage collector may still be busy; pausing lets the
   * machine go quiet so no side's leftovers are timed as part of the next side's run.
   */
  readonly settleMs?: number;
}

/** Runs every side `repetitions` times, interleaved, and summarises each. */
export async function runSides(
  sides: readonly Side[],
  options: RunSidesOptions,
): Promise<SideSummary[]> {
  const times = new Map<string, number[]>(sides.map((side) => [side.name, []]));
  const last = new Map<string, RunOutcome>();
  const errors = new Map<string, string>();
  const notes = new Map<string, string>();
  const stopped = new Set<string>();

  for (const side of sides) {
    if (!side.warmup) continue;
    try {
      await side.warmup();
    } catch (error) {
      errors.set(side.name, (error as Error).message);
      stopped.add(side.name);
    }
  }

  const byName = new Map(sides.map((side) => [side.name, side]));
  for (const { side: name, repetition } of interleave(
    sides.map((side) => ({ side: side.name })),
    options.repetitions,
  )) {
    if (stopped.has(name)) continue;
    const side = byName.get(name)!;
    if (options.settleMs) await new Promise((done) => setTimeout(done, options.settleMs));
    try {
      const outcome = await side.run();
      times.get(name)!.push(outcome.seconds);
      last.set(name, outcome);
      options.log(
        `    ${name.padEnd(10)} run ${repetition + 1}: ${outcome.seconds.toFixed(3)} s` +
          (outcome.iterations === undefined ? '' : `, ${outcome.iterations} iterations`),
      );
      if (side.kind === 'peer' && outcome.seconds > options.peerBudgetSeconds) {
        stopped.add(name);
        if (options.repetitions > 1) {
          notes.set(name, `1 run (first run over the ${options.peerBudgetSeconds} s peer budget)`);
        }
      }
    } catch (error) {
      const message = (error as Error).message;
      errors.set(name, message);
      stopped.add(name);
      options.log(`    ${name} failed: ${message}`);
    }
  }

  return sides.map((side) => {
    const sideTimes = times.get(side.name)!;
    const outcome = last.get(side.name);
    return {
      name: side.name,
      kind: side.kind,
      label: side.label,
      rows: side.rows,
      times: sideTimes,
      ...(sideTimes.length > 0 ? { seconds: median(sideTimes) } : {}),
      ...(outcome?.quality === undefined ? {} : { quality: outcome.quality }),
      ...(outcome?.iterations === undefined ? {} : { iterations: outcome.iterations }),
      ...(errors.has(side.name) ? { error: errors.get(side.name) } : {}),
      ...(notes.has(side.name) ? { note: notes.get(side.name) } : {}),
    };
  });
}

/** Times an async call with performance.now(), in seconds. */
export async function timed<T>(call: () => T | Promise<T>): Promise<{ seconds: number; value: T }> {
  const start = performance.now();
  const value = await call();
  return { seconds: (performance.now() - start) / 1000, value };
}
