import { describe, expect, it } from 'vitest';
import { crossTabulate } from './cross-tabulate.js';
import { humanizeFeature, splitWords } from './feature-names.js';
import { liftWords, traitText, type RankedTrait } from './ranked-trait.js';
import { formatNumber, formatShare } from './segment-description.js';

describe('humanizeFeature', () => {
  it.each([
    ['MntWines', 'wine spend'],
    ['MntMeatProducts', 'meat spend'],
    ['MntGoldProds', 'gold spend'],
    ['MntFruits', 'fruit spend'],
    ['NumWebPurchases', 'web purchases'],
    ['NumDealsPurchases', 'deal purchases'],
    ['NumWebVisitsMonth', 'web visits per month'],
    ['Year_Birth', 'birth year'],
    ['Kidhome', 'kids at home'],
    ['Income', 'income'],
    ['total_spend', 'total spend'],
    ['RFMScore', 'RFM score'],
    ['orders-per-week', 'orders per week'],
  ])('%s -> %s', (name, expected) => {
    expect(humanizeFeature(name)).toBe(expected);
  });
  it('splits CamelCase, acronyms, digits and separators', () => {
    expect(splitWords('RFMScore_2')).toEqual(['RFM', 'Score', '2']);
    expect(splitWords('age.years')).toEqual(['age', 'years']);
  });
});

describe('formatNumber', () => {
  it.each([
    [77_483, '77,500'],
    [1_234_567, '1,230,000'],
    [-52_049, '-52,000'],
    [304.4, '304'],
    [48.26, '48.3'],
    [52.0, '52'],
    [0.4412, '0.44'],
    [3, '3'],
    [-0.001, '0'],
    [NaN, 'n/a'],
  ])('%d -> %s', (value, expected) => {
    expect(formatNumber(value)).toBe(expected);
  });
  it('formats shares', () => {
    expect(formatShare(0.2064)).toBe('20.6%');
    expect(formatShare(0.5)).toBe('50%');
  });
});

describe('crossTabulate', () => {
  it('counts pairs with columns by total count', () => {
    const tab = crossTabulate(
      Int32Array.from([0, 0, 1, 1, 1, 0]),
      ['Young', 'Old'],
      ['Lost', 'Lost', 'Champions', 'Lost', null, 'Champions'],
    );
    expect(tab.rows).toEqual(['Young', 'Old']);
    expect(tab.columns).toEqual(['Lost', 'Champions', '(missing)']);
    expect(tab.counts).toEqual([
      [2, 1, 0],
      [1, 1, 1],
    ]);
  });
  it('adds a noise row only when noise occurs, and breaks count ties by name', () => {
    const tab = crossTabulate([0, -1, 0, -1], ['A'], ['y', 'x', 'x', 'y']);
    expect(tab.rows).toEqual(['A', 'Noise']);
    expect(tab.columns).toEqual(['x', 'y']);
    expect(tab.counts).toEqual([
      [1, 1],
      [1, 1],
    ]);
  });
  it('rejects codes out of range and length mismatches', () => {
    expect(() => crossTabulate([0, 2], ['A', 'B'], ['x', 'y'])).toThrow(/a\[1\] is 2/);
    expect(() => crossTabulate([0], ['A'], ['x', 'y'])).toThrow(/'b' has 2 values/);
  });
});

describe('trait wording', () => {
  const categorical = (share: number, overallShare: number, cohenH: number): RankedTrait => ({
    kind: 'categorical',
    feature: 'Education',
    effect: cohenH,
    categorical: {
      feature: 'Education',
      value: 'PhD',
      share,
      overallShare,
      lift: share / overallShare,
      cohenH,
    },
  });
  it('words lifts above and below 1', () => {
    expect(traitText(categorical(0.36, 0.2, 0.36))).toBe(
      '"PhD" (education) 1.8x as common (h = 0.36)',
    );
    expect(
      liftWords(categorical(0, 0.2, -0.93) as Extract<RankedTrait, { kind: 'categorical' }>),
    ).toBe('absent');
    expect(
      liftWords(categorical(0.05, 0.3, -0.67) as Extract<RankedTrait, { kind: 'categorical' }>),
    ).toBe('less common');
    expect(
      liftWords(categorical(0.01, 0.3, -0.9) as Extract<RankedTrait, { kind: 'categorical' }>),
    ).toBe('much less common');
  });
  it('words numeric traits by Cohen thresholds with two decimals', () => {
    const numeric = (d: number): RankedTrait => ({
      kind: 'numeric',
      feature: 'Income',
      effect: d,
      numeric: {
        feature: 'Income',
        mean: 0,
        median: 0,
        std: 1,
        overallMean: 0,
        overallStd: 1,
        restMean: 0,
        z: d,
        cohenD: d,
      },
    });
    expect(traitText(numeric(1.834))).toBe('income much higher (d = 1.83)');
    expect(traitText(numeric(-0.6))).toBe('income lower (d = -0.60)');
    expect(traitText(numeric(0.49))).toBe('income slightly higher (d = 0.49)');
  });
});
