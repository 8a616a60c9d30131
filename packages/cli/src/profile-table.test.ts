import type { ColumnProfile } from '@segmint/data';
import { describe, expect, it } from 'vitest';
import { columnSummary, formatNumber, formatProfileTable } from './profile-table.js';

const base: ColumnProfile = {
  name: 'x',
  type: 'DOUBLE',
  role: 'numeric',
  count: 10,
  missing: 0,
  missingShare: 0,
  distinct: 10,
  min: null,
  max: null,
  mean: null,
  std: null,
  quantiles: null,
  top: [],
  histogram: null,
};

const income: ColumnProfile = {
  ...base,
  name: 'Income',
  missing: 1,
  missingShare: 0.1,
  distinct: 9,
  min: 1730,
  max: 666666,
  mean: 52247.25,
  std: 25173.08,
  quantiles: { p5: 18985.5, p25: 35303, p50: 51381.5, p75: 68522, p95: 84130 },
};
const education: ColumnProfile = {
  ...base,
  name: 'Education',
  type: 'VARCHAR',
  role: 'categorical',
  distinct: 3,
  top: [
    { value: 'Graduation', count: 6 },
    { value: 'PhD', count: 3 },
    { value: 'Master', count: 1 },
    { value: 'Basic', count: 0 },
  ],
};
const signup: ColumnProfile = {
  ...base,
  name: 'Dt_Customer',
  type: 'DATE',
  role: 'date',
  min: '2012-07-30',
  max: '2014-06-29',
};
const empty: ColumnProfile = { ...base, name: 'Z', missing: 10, missingShare: 1, distinct: 0 };

describe('profile table', () => {
  it('formats numbers compactly', () => {
    expect(formatNumber(42)).toBe('42');
    expect(formatNumber(0.123456)).toBe('0.1235');
    expect(formatNumber(51381.5)).toBe('51380');
    expect(formatNumber(1.5e7 + 0.5)).toBe('1.500e+7');
    expect(formatNumber(0.00001234)).toBe('1.234e-5');
    expect(formatNumber(Number.NaN)).toBe('NaN');
  });

  it('summarises numeric, categorical, date and all-missing columns', () => {
    expect(columnSummary(income)).toBe('1730 / 51380 / 666666');
    expect(columnSummary(education)).toBe('Graduation (6), PhD (3), Master (1)');
    expect(columnSummary(signup)).toBe('2012-07-30 .. 2014-06-29');
    expect(columnSummary(empty)).toBe('(all missing)');
  });

  it('prints one row per column under a header line', () => {
    const text = formatProfileTable({ file: 'm.csv', rows: 10, columns: [income, education] });
    const lines = text.split('\n');
    expect(lines[0]).toBe('m.csv: 10 rows, 2 columns');
    expect(lines[2]).toMatch(/^column\s+type\s+role\s+missing\s+distinct\s+min \/ median/);
    expect(lines[4]).toMatch(/^Income\s+DOUBLE\s+numeric\s+10\.0%\s+9\s+1730 \/ 51380 \/ 666666$/);
    expect(lines[5]).toMatch(/^Education\s+VARCHAR\s+categorical\s+0\.0%\s+3\s+Graduation \(6\)/);
  });
});
