import { describe, expect, it } from 'vitest';
import { formatNumber } from './table-ops.js';

describe('formatNumber', () => {
  it('writes report numbers with grouping and magnitude-dependent precision', () => {
    expect(formatNumber(118350)).toBe('118,350');
    expect(formatNumber(117416.254)).toBe('117,416.25');
    expect(formatNumber(-2.5)).toBe('-2.5');
    expect(formatNumber(3.14159265)).toBe('3.1416');
    expect(formatNumber(0.0123456789)).toBe('0.012346');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(NaN)).toBe('NaN');
    expect(formatNumber(-Infinity)).toBe('-Infinity');
  });

  it('matches toLocaleString en-US with the same precision', () => {
    for (const x of [1e9 + 0.123, 999.99999, 1.000049, 0.5, 1e-7]) {
      const digits = Math.abs(x) >= 1000 ? 2 : Math.abs(x) >= 1 ? 4 : 6;
      expect(formatNumber(x)).toBe(x.toLocaleString('en-US', { maximumFractionDigits: digits }));
    }
  });
});
