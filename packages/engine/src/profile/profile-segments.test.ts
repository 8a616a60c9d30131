import { describe, expect, it } from 'vitest';
import { isSegmintError } from '../core/errors.js';
import { createRandom } from '../core/random.js';
import { table, type Table } from '../preprocess/table.js';
import { cohenD, cohenH, effectStrength } from './effect-size.js';
import { profileSegments } from './profile-segments.js';
import { formatNumber } from './segment-description.js';

const SQRT_3_5 = Math.sqrt(3.5);

/** x = 1..6, segment 0 = rows 0-2, segment 1 = rows 3-5; cat 'a','a','b','b','b','b'. */
function tiny(): { t: Table; labels: Int32Array } {
  return {
    t: table({ x: [1, 2, 3, 4, 5, 6], cat: ['a', 'a', 'b', 'b', 'b', 'b'] }),
    labels: Int32Array.from([0, 0, 0, 1, 1, 1]),
  };
}

/** Four planted customer groups in the units of the marketing_campaign dataset. */
function plantedCustomers(seed = 1): { t: Table; labels: Int32Array } {
  const rng = createRandom(seed);
  const income: number[] = [];
  const wines: number[] = [];
  const kids: number[] = [];
  const recency: number[] = [];
  const deals: number[] = [];
  const education: string[] = [];
  const labels: number[] = [];
  // income, wine spend, kids, recency, deals, P(PhD)
  const centres = [
    [80_000, 800, 0, 50, 1, 0.6],
    [35_000, 50, 1.5, 50, 2, 0.1],
    [50_000, 200, 1, 50, 6, 0.2],
    [50_000, 200, 0.5, 90, 2, 0.2],
  ];
  centres.forEach((c, g) => {
    for (let i = 0; i < 100; i++) {
      income.push(c[0]! + 8_000 * rng.normal());
      wines.push(Math.max(0, c[1]! + 100 * rng.normal()));
      kids.push(Math.max(0, Math.round(c[2]! + 0.5 * rng.normal())));
      recency.push(c[3]! + 10 * rng.normal());
      deals.push(Math.max(0, Math.round(c[4]! + rng.normal())));
      education.push(rng.next() < c[5]! ? 'PhD' : 'Graduation');
      labels.push(g);
    }
  });
  return {
    t: table({
      Income: income,
      MntWines: wines,
      Kidhome: kids,
      Recency: recency,
      NumDealsPurchases: deals,
      Education: education,
    }),
    labels: Int32Array.from(labels),
  };
}

describe('profileSegments: numbers', () => {
  it('matches hand-computed means, medians, z, d and lifts', () => {
    const { t, labels } = tiny();
    const [first, second] = profileSegments(t, labels);
    expect(first!.segment).toBe(0);
    expect(first!.size).toBe(3);
    expect(first!.share).toBe(0.5);
    const x = first!.numeric[0]!;
    expect(x.feature).toBe('x');
    expect(x.mean).toBe(2);
    expect(x.median).toBe(2);
    expect(x.std).toBeCloseTo(1, 14);
    expect(x.overallMean).toBe(3.5);
    expect(x.overallStd).toBeCloseTo(SQRT_3_5, 14);
    expect(x.restMean).toBe(5);
    expect(x.z).toBeCloseTo(-3 / SQRT_3_5, 14);
    // pooled variance (2 * 1 + 2 * 1) / 4 = 1
    expect(x.cohenD).toBeCloseTo(-3, 12);
    expect(second!.numeric[0]!.cohenD).toBeCloseTo(3, 12);
    // values by overall count: 'b' (4) then 'a' (2)
    expect(first!.categorical.map((c) => c.value)).toEqual(['b', 'a']);
    const a = first!.categorical[1]!;
    expect(a.share).toBeCloseTo(2 / 3, 15);
    expect(a.overallShare).toBeCloseTo(1 / 3, 15);
    expect(a.lift).toBeCloseTo(2, 14);
    expect(a.cohenH).toBeCloseTo(2 * Math.asin(Math.sqrt(2 / 3)), 14);
    const b = second!.categorical[0]!;
    expect(b.share).toBe(1);
    expect(b.lift).toBeCloseTo(1.5, 14);
    expect(b.cohenH).toBeCloseTo(Math.PI - 2 * Math.asin(Math.sqrt(1 / 3)), 14);
  });

  it('leaves missing values out of numeric statistics and counts them in category shares', () => {
    const t = table({ x: [1, NaN, 3, 10, 20, NaN], c: ['u', null, 'u', 'v', 'v', 'v'] });
    const [first, second] = profileSegments(t, Int32Array.from([0, 0, 0, 1, 1, 1]));
    expect(first!.numeric[0]!.mean).toBe(2);
    expect(first!.numeric[0]!.median).toBe(2);
    expect(first!.numeric[0]!.overallMean).toBe(8.5);
    expect(first!.numeric[0]!.restMean).toBe(15);
    expect(second!.numeric[0]!.std).toBeCloseTo(Math.sqrt(50), 13);
    const u = first!.categorical.find((c) => c.value === 'u')!;
    expect(u.share).toBeCloseTo(2 / 3, 15);
    expect(u.overallShare).toBeCloseTo(2 / 6, 15);
  });

  it('keeps noise out of segments but in the rest and the overall statistics', () => {
    const t = table({ x: [1, 2, 3, 4, 5, 6, 100] });
    const profiles = profileSegments(t, Int32Array.from([0, 0, 0, 1, 1, 1, -1]));
    expect(profiles.map((p) => p.segment)).toEqual([0, 1]);
    expect(profiles.map((p) => p.size)).toEqual([3, 3]);
    expect(profiles[0]!.share).toBeCloseTo(3 / 7, 15);
    expect(profiles[0]!.numeric[0]!.overallMean).toBeCloseTo(121 / 7, 13);
    expect(profiles[0]!.numeric[0]!.restMean).toBeCloseTo(115 / 4, 13);
    const custom = profileSegments(t, Int32Array.from([0, 0, 0, 1, 1, 1, 9]), { noiseLabel: 9 });
    expect(custom.map((p) => p.segment)).toEqual([0, 1]);
  });

  it('agrees with a direct computation of the rest (ANOVA decomposition is exact)', () => {
    const { t, labels } = plantedCustomers(4);
    const income = t.columns[0]!.values as Float64Array;
    const trait = profileSegments(t, labels, { features: ['Income'] })[2]!.numeric[0]!;
    const rest: number[] = [];
    const own: number[] = [];
    income.forEach((v, i) => (labels[i] === 2 ? own : rest).push(v));
    const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
    const sd = (v: number[]) =>
      Math.sqrt(v.reduce((s, x) => s + (x - mean(v)) ** 2, 0) / (v.length - 1));
    expect(trait.restMean).toBeCloseTo(mean(rest), 8);
    expect(trait.std).toBeCloseTo(sd(own), 8);
    const d = cohenD(mean(own), sd(own), own.length, mean(rest), sd(rest), rest.length, 1);
    expect(trait.cohenD).toBeCloseTo(d, 10);
  });

  it('does not depend on row order and does not mutate its input', () => {
    const { t, labels } = plantedCustomers();
    const snapshot = () =>
      JSON.stringify([t.columns.map((c) => Array.from<unknown>(c.values)), Array.from(labels)]);
    const before = snapshot();
    const profiles = profileSegments(t, labels);
    expect(snapshot()).toBe(before);
    const order = Array.from({ length: t.rows }, (_, i) => (i * 7) % t.rows); // 7 is coprime to 400
    const permuted: Table = {
      rows: t.rows,
      columns: t.columns.map((c) =>
        c.kind === 'numeric'
          ? { ...c, values: Float64Array.from(order, (i) => c.values[i]!) }
          : { ...c, values: order.map((i) => c.values[i]!) },
      ),
    };
    const again = profileSegments(
      permuted,
      Int32Array.from(order, (i) => labels[i]!),
    );
    expect(again.map((p) => p.name)).toEqual(profiles.map((p) => p.name));
    again.forEach((p, g) => {
      p.numeric.forEach((trait, j) => {
        expect(trait.cohenD).toBeCloseTo(profiles[g]!.numeric[j]!.cohenD, 10);
        expect(trait.median).toBe(profiles[g]!.numeric[j]!.median);
      });
    });
  });

  it('ranks top traits by |effect|, one per feature, above the small threshold', () => {
    const { t, labels } = plantedCustomers();
    const profiles = profileSegments(t, labels, { topTraits: 3 });
    for (const profile of profiles) {
      expect(profile.topTraits.length).toBeLessThanOrEqual(3);
      const sizes = profile.topTraits.map((trait) => Math.abs(trait.effect));
      expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
      expect(sizes.every((size) => size >= 0.2)).toBe(true);
      expect(new Set(profile.topTraits.map((trait) => trait.feature)).size).toBe(
        profile.topTraits.length,
      );
    }
    const affluent = profiles[0]!.topTraits;
    expect(affluent[0]!.feature).toBe('MntWines');
    expect(affluent[0]!.text).toMatch(/^wine spend much higher \(d = \d+\.\d\d\)$/);
    expect(profiles[0]!.topTraits.length).toBe(3);
    expect(profileSegments(t, labels, { topTraits: 0 })[0]!.topTraits).toEqual([]);
  });

  it('reports categorical traits with their lift', () => {
    const { t, labels } = plantedCustomers();
    const profile = profileSegments(t, labels, { features: ['Education'] })[0]!;
    const phd = profile.categorical.find((c) => c.value === 'PhD')!;
    expect(phd.lift).toBeCloseTo(phd.share / phd.overallShare, 15);
    expect(phd.lift).toBeGreaterThan(1.5);
    expect(profile.topTraits[0]!.kind).toBe('categorical');
    expect(profile.topTraits[0]!.text).toContain(
      `"PhD" (education) ${phd.lift.toFixed(1)}x as common`,
    );
  });
});

describe('profileSegments: categorical wording', () => {
  it('says "absent" or "less common" for values under-represented in a segment', () => {
    const t = table({
      plan: ['basic', 'basic', 'basic', 'basic', 'pro', 'pro', 'pro', 'basic', 'pro', 'pro'],
    });
    const [first, second] = profileSegments(t, Int32Array.from([0, 0, 0, 0, 1, 1, 1, 1, 1, 1]));
    // Segment 0 is all 'basic': 'pro' is absent; its strongest value is 'basic' (h > 0).
    expect(first!.topTraits[0]!.text).toMatch(/^"basic" \(plan\) 2\.0x as common \(h = /);
    expect(first!.description).toContain('"basic" (plan) 2.0x as common (100% vs 50% overall)');
    expect(second!.topTraits[0]!.text).toMatch(/^"pro" \(plan\) 1\.7x as common/);
    const rare = table({ plan: ['a', 'b', 'b', 'a', 'a', 'a'] });
    const [, noB] = profileSegments(rare, Int32Array.from([0, 0, 0, 1, 1, 1]));
    // Segment 1 has no 'b' (share 0) and more 'a': 'a' has the larger |h| (ties -> larger share).
    const b = noB!.categorical.find((c) => c.value === 'b')!;
    expect(b.share).toBe(0);
    expect(b.lift).toBe(0);
  });
});

describe('profileSegments: names and descriptions', () => {
  it('names planted segments with customer idioms', () => {
    const { t, labels } = plantedCustomers();
    const names = profileSegments(t, labels).map((p) => p.name);
    expect(names[0]).toBe('Affluent wine lovers, no kids');
    expect(names[1]).toMatch(/^Budget .*with kids$/);
    expect(names[2]).toMatch(/deal seekers/);
    expect(names[3]).toMatch(/^Lapsed/);
    expect(new Set(names).size).toBe(4);
    for (const name of names) expect(name.length).toBeLessThanOrEqual(40);
  });

  it('is deterministic', () => {
    const { t, labels } = plantedCustomers(7);
    expect(JSON.stringify(profileSegments(t, labels))).toBe(
      JSON.stringify(profileSegments(t, labels)),
    );
  });

  it('describes size, share and the strongest traits with their numbers', () => {
    const { t, labels } = plantedCustomers();
    const profile = profileSegments(t, labels)[0]!;
    expect(profile.description).toMatch(/^100 customers \(25% of 400\)\. Compared with the rest: /);
    const income = profile.numeric.find((trait) => trait.feature === 'Income')!;
    expect(profile.description).toContain(
      `income much higher (average ${formatNumber(income.mean)} vs ${formatNumber(income.overallMean)} overall)`,
    );
    expect(formatNumber(income.mean)).toMatch(/^\d\d,\d00$/);
    expect(profile.description.split(';').length).toBeLessThanOrEqual(4);
  });

  it('makes names unique when segments look alike', () => {
    // Two segments with the same high-income profile, one low-income segment.
    const t = table({
      Income: [90, 91, 92, 90, 91, 92, 10, 11, 12],
      Visits: [5, 5, 6, 1, 1, 2, 3, 3, 3],
    });
    const names = profileSegments(t, Int32Array.from([0, 0, 0, 1, 1, 1, 2, 2, 2])).map(
      (p) => p.name,
    );
    expect(new Set(names).size).toBe(3);
    expect(names[0]).toMatch(/^Affluent customers/);
    expect(names[1]).toMatch(/^Affluent customers/);
    expect(names[2]).toBe('Budget customers');
  });

  it('falls back to "High x, low y" without idioms and to "Typical customers" without traits', () => {
    const t = table({ Alpha: [10, 11, 12, 1, 2, 3], Beta: [1, 2, 1, 9, 8, 9] });
    const names = profileSegments(t, Int32Array.from([0, 0, 0, 1, 1, 1])).map((p) => p.name);
    expect(names).toEqual(['High alpha, low beta', 'High beta, low alpha']);
    const flat = table({ x: [1, 2, 1, 2] });
    const profiles = profileSegments(flat, Int32Array.from([0, 0, 1, 1]));
    expect(profiles[0]!.name).toBe('Typical customers');
    expect(profiles[1]!.name).toBe('Typical customers (2)');
    expect(profiles[0]!.description).toContain('No feature differs noticeably');
  });

  it('says "loyal big spenders" when frequency and monetary are both high, and "Lapsed" for recency', () => {
    const t = table({
      recency: [80, 90, 85, 10, 12, 11, 14, 9],
      frequency: [10, 12, 11, 2, 3, 2, 1, 3],
      monetary: [900, 950, 1000, 100, 90, 120, 80, 100],
    });
    const labels = Int32Array.from([0, 0, 0, 1, 1, 1, 1, 1]);
    const names = profileSegments(t, labels, { features: ['frequency', 'monetary'] }).map(
      (p) => p.name,
    );
    expect(names[0]).toBe('Loyal big spenders');
    const lapsed = profileSegments(t, labels, { features: ['recency'] }).map((p) => p.name);
    expect(lapsed).toEqual(['Lapsed customers', 'Active customers']);
  });
});

describe('profileSegments: validation', () => {
  const { t, labels } = tiny();
  const codeOf = (f: () => unknown): string | undefined => {
    try {
      f();
    } catch (error) {
      return isSegmintError(error) ? error.code : 'OTHER';
    }
    return undefined;
  };
  it('rejects bad options, unknown features and bad labels', () => {
    expect(codeOf(() => profileSegments(t, labels, { topTraits: -1 }))).toBe('INVALID_PARAMETER');
    expect(() => profileSegments(t, labels, { features: ['nope'] })).toThrow(
      /unknown column "nope"/,
    );
    expect(codeOf(() => profileSegments(t, Int32Array.from([0, 1])))).toBe('INVALID_LABELS');
    expect(() => profileSegments(t, Int32Array.from([0, 0, -2, 1, 1, 1]))).toThrow(
      /labels\[2\] is -2/,
    );
    expect(codeOf(() => profileSegments(t, [0, 0, 0.5, 1, 1, 1]))).toBe('INVALID_LABELS');
    expect(codeOf(() => profileSegments({ rows: 0, columns: [] }, []))).toBe('INVALID_SHAPE');
  });
  it('handles a single segment (no rest) without NaN effects', () => {
    const [only] = profileSegments(t, Int32Array.from([0, 0, 0, 0, 0, 0]));
    expect(only!.numeric[0]!.restMean).toBe(3.5);
    expect(only!.numeric[0]!.cohenD).toBe(0);
    expect(only!.categorical[0]!.cohenH).toBe(0);
    expect(only!.topTraits).toEqual([]);
  });
});

describe('effect sizes', () => {
  it('computes Cohen d with a pooled sd and falls back when both groups are constant', () => {
    // pooled variance (4 * 4 + 9 * 1) / 13
    expect(cohenD(10, 2, 5, 8, 1, 10, 99)).toBeCloseTo(2 / Math.sqrt(25 / 13), 14);
    expect(cohenD(0, 0, 3, 1, 0, 3, 0.5)).toBe(-2);
    expect(cohenD(1, 0, 3, 1, 0, 3, 0)).toBe(0);
    // Constant groups whose sds carry rounding residue (1e-9) use the overall sd, as exact zeros do
    // (21 complainers among 2,240 customers: d about 10, not 1e8).
    expect(cohenD(1, 1e-9, 21, 0, 1e-9, 2219, 0.096)).toBeCloseTo(1 / 0.096, 12);
    expect(cohenH(1, 0)).toBeCloseTo(Math.PI, 15);
    expect(effectStrength(0.19)).toBe('negligible');
    expect(effectStrength(-0.5)).toBe('medium');
    expect(effectStrength(0.8)).toBe('large');
  });
});
