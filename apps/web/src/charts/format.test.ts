import { describe, expect, it } from 'vitest';
import {
  escapeLabel,
  formatCompact,
  formatFixed,
  formatInteger,
  formatNumber,
  formatPercent,
  MISSING_TEXT,
  truncateLabel,
} from './format.js';

describe('number formatting', () => {
  it('writes thousands separators and fixed decimals', () => {
    expect(formatInteger(1234567)).toBe('1,234,567');
    expect(formatInteger(49999.6)).toBe('50,000');
    expect(formatFixed(0.5, 2)).toBe('0.50');
    expect(formatFixed(-1234.5, 1)).toBe('-1,234.5');
  });

  it('picks a precision that fits the magnitude', () => {
    expect(formatNumber(52347.1)).toBe('52,347');
    expect(formatNumber(523.47)).toBe('523');
    expect(formatNumber(52.347)).toBe('52.3');
    expect(formatNumber(3.14159)).toBe('3.14');
    expect(formatNumber(0.012345)).toBe('0.0123');
    expect(formatNumber(-0.5)).toBe('-0.5');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(1_234_567)).toBe('1.2M');
  });

  it('compacts large numbers and leaves small ones readable', () => {
    expect(formatCompact(1_234_567)).toBe('1.2M');
    expect(formatCompact(12_300)).toBe('12.3K');
    expect(formatCompact(950)).toBe('950');
    expect(formatCompact(2_500_000_000)).toBe('2.5B');
  });

  it('writes percentages', () => {
    expect(formatPercent(0.2345)).toBe('23.5%');
    expect(formatPercent(1, 0)).toBe('100%');
  });

  it('shows a dash for missing and non-finite values', () => {
    for (const value of [null, undefined, NaN, Infinity, -Infinity]) {
      expect(formatNumber(value)).toBe(MISSING_TEXT);
      expect(formatInteger(value)).toBe(MISSING_TEXT);
      expect(formatPercent(value)).toBe(MISSING_TEXT);
      expect(formatCompact(value)).toBe(MISSING_TEXT);
    }
  });
});

describe('labels', () => {
  it('truncates long labels with an ellipsis and keeps short ones', () => {
    expect(truncateLabel('High-income frequent buyers of wine', 20)).toBe('High-income frequen…');
    expect(truncateLabel('High-income frequent buyers of wine', 20)).toHaveLength(20);
    expect(truncateLabel('Short', 20)).toBe('Short');
  });

  it("escapes Plotly's pseudo-HTML", () => {
    expect(escapeLabel('<b>R&D</b>')).toBe('&lt;b&gt;R&amp;D&lt;/b&gt;');
  });
});
