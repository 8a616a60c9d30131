import { describe, expect, it } from 'vitest';
import { closestMatch, editDistance } from './suggest.js';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps', () => {
    expect(editDistance('', '')).toBe(0);
    expect(editDistance('run', 'run')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('rn', 'run')).toBe(1);
    expect(editDistance('runn', 'run')).toBe(1);
    expect(editDistance('ron', 'run')).toBe(1);
    expect(editDistance('predcit', 'predict')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('is symmetric', () => {
    expect(editDistance('force', 'forse')).toBe(editDistance('forse', 'force'));
    expect(editDistance('abcdef', 'badcfe')).toBe(editDistance('badcfe', 'abcdef'));
  });
});

describe('closestMatch', () => {
  it('returns the closest candidate within a third of the length', () => {
    expect(closestMatch('--forse', ['--force', '--help'])).toBe('--force');
    expect(closestMatch('DEMO', ['init', 'demo'])).toBe('demo');
    expect(closestMatch('xyz', ['init', 'run'])).toBeUndefined();
    expect(closestMatch('anything', [])).toBeUndefined();
  });

  it('prefers the earlier candidate on ties', () => {
    expect(closestMatch('ab', ['ax', 'ay'])).toBe('ax');
  });
});
