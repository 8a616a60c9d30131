import { describe, expect, it } from 'vitest';
import { DEFAULT_PEER_BUDGET_SECONDS, parseArgs } from './args.js';

describe('parseArgs', () => {
  it('defaults to a full run with 5 repetitions and every case', () => {
    expect(parseArgs([])).toEqual({
      quick: false,
      repetitions: 5,
      cases: [],
      updateFull: false,
      skipSklearn: false,
      skipPeers: false,
      peerBudgetSeconds: DEFAULT_PEER_BUDGET_SECONDS,
      help: false,
    });
  });

  it('uses 3 repetitions in quick mode unless --reps says otherwise', () => {
    expect(parseArgs(['--quick']).repetitions).toBe(3);
    expect(parseArgs(['--quick', '--reps', '7']).repetitions).toBe(7);
    expect(parseArgs(['--reps=2']).repetitions).toBe(2);
  });

  it('collects cases from repeated and comma-separated flags', () => {
    expect(parseArgs(['--case', 'kmeans', '--case=pca,silhouette']).cases).toEqual([
      'kmeans',
      'pca',
      'silhouette',
    ]);
  });

  it('reads the switches', () => {
    const options = parseArgs([
      '--no-sklearn',
      '--no-peers',
      '--update-full',
      '--peer-budget',
      '5',
    ]);
    expect(options).toMatchObject({
      skipSklearn: true,
      skipPeers: true,
      updateFull: true,
      peerBudgetSeconds: 5,
    });
  });

  it('rejects unknown flags and bad numbers, naming the flag', () => {
    expect(() => parseArgs(['--fast'])).toThrow(/unknown option '--fast'/);
    expect(() => parseArgs(['--reps', '0'])).toThrow(/'--reps' needs a positive integer; got 0/);
    expect(() => parseArgs(['--reps'])).toThrow(/got nothing/);
    expect(() => parseArgs(['--case'])).toThrow(/'--case'/);
  });
});
