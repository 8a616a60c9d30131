import { describe, expect, it } from 'vitest';
import { runSides, type Side } from './runner.js';

/** A side whose "seconds" are scripted numbers: no clock is involved. */
function scripted(name: string, kind: Side['kind'], seconds: number[], calls: string[]): Side {
  let index = 0;
  return {
    name,
    kind,
    rows: 10,
    label: `${name}()`,
    warmup: () => {
      calls.push(`${name}:warmup`);
      return Promise.resolve();
    },
    run: () => {
      calls.push(name);
      return Promise.resolve({ seconds: seconds[index++]!, quality: 42, iterations: index });
    },
  };
}

const quiet = () => undefined;

describe('runSides', () => {
  it('warms up, interleaves the runs and reports medians', async () => {
    const calls: string[] = [];
    const summaries = await runSides(
      [
        scripted('segmint', 'segmint', [3, 1, 2], calls),
        scripted('sklearn', 'sklearn', [5, 4, 6], calls),
      ],
      { repetitions: 3, peerBudgetSeconds: 100, log: quiet },
    );
    expect(calls).toEqual([
      'segmint:warmup',
      'sklearn:warmup',
      'segmint',
      'sklearn',
      'segmint',
      'sklearn',
      'segmint',
      'sklearn',
    ]);
    expect(
      summaries.map((summary) => [summary.name, summary.seconds, summary.times.length]),
    ).toEqual([
      ['segmint', 2, 3],
      ['sklearn', 5, 3],
    ]);
    expect(summaries[0]).toMatchObject({ quality: 42, iterations: 3 });
  });

  it('runs a peer over the budget only once, with a note', async () => {
    const calls: string[] = [];
    const summaries = await runSides(
      [
        scripted('segmint', 'segmint', [1, 1, 1], calls),
        scripted('slow-peer', 'peer', [50, 50, 50], calls),
      ],
      { repetitions: 3, peerBudgetSeconds: 20, log: quiet },
    );
    expect(calls.filter((call) => call === 'slow-peer')).toHaveLength(1);
    expect(summaries[1]).toMatchObject({ seconds: 50, times: [50] });
    expect(summaries[1]!.note).toMatch(/1 run/);
  });

  it('records a failing side and stops running it', async () => {
    let attempts = 0;
    const failing: Side = {
      name: 'segmint',
      kind: 'segmint',
      rows: 1,
      label: 'broken()',
      run: () => {
        attempts++;
        return Promise.reject(new Error('kernel exploded'));
      },
    };
    const [summary] = await runSides([failing], {
      repetitions: 3,
      peerBudgetSeconds: 20,
      log: quiet,
    });
    expect(attempts).toBe(1);
    expect(summary).toMatchObject({ error: 'kernel exploded', times: [] });
    expect(summary!.seconds).toBeUndefined();
  });
});
