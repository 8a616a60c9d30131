import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../core/errors.js';
import { createRandom } from '../core/random.js';
import { table } from '../preprocess/table.js';
import type { RuleCondition } from './rule-text.js';
import { segmentRules } from './segment-rules.js';

/** Independent check of a rule on plain rows (missing values satisfy nothing). */
function holds(row: Record<string, number | string | null>, conditions: readonly RuleCondition[]) {
  return conditions.every((c) => {
    const value = row[c.feature];
    if (value === null || value === undefined || Number.isNaN(value)) return false;
    if (c.kind === 'numeric') {
      return (
        (c.above === undefined || (value as number) > c.above) &&
        (c.atMost === undefined || (value as number) <= c.atMost)
      );
    }
    return c.equals !== undefined ? value === c.equals : !(c.notIn ?? []).includes(value as string);
  });
}

describe('segmentRules', () => {
  // Segment 0: income > 70,000 and no kids; segment 1: city = Oslo otherwise; segment 2: the rest.
  const random = createRandom(5);
  const rows = Array.from({ length: 400 }, (_, i) => {
    const income = i % 2 === 0 ? 30000 + 1000 * random.int(40) : 71000 + 1000 * random.int(40);
    const kids = random.int(3);
    const city = ['Oslo', 'Bergen', 'Turku'][random.int(3)]!;
    return { income, kids, city };
  });
  const labels = rows.map((r) =>
    r.income > 70000 && r.kids === 0 ? 0 : r.city === 'Oslo' ? 1 : 2,
  );
  const features = table({
    income: rows.map((r) => r.income),
    kids: rows.map((r) => r.kids),
    city: rows.map((r) => r.city),
  });
  const result = segmentRules(features, labels);

  it('recovers the generating rules as readable text', () => {
    expect(result.map((s) => s.segment)).toEqual([0, 1, 2]);
    const top = result[0]!.rules[0]!;
    expect(top.text).toBe('kids = 0 and income > 70,000');
    expect(top.precision).toBe(1);
    expect(top.coverage).toBe(1);
    expect(result[1]!.rules[0]!.text).toContain('city = Oslo');
    expect(result[1]!.rules[0]!.precision).toBe(1);
  });

  it('reports precision and coverage that match counting the rows', () => {
    for (const set of result) {
      expect(set.size).toBe(labels.filter((l) => l === set.segment).length);
      expect(set.rules.length).toBeGreaterThanOrEqual(1);
      expect(set.rules.length).toBeLessThanOrEqual(3);
      for (const rule of set.rules) {
        const matched = rows.map((row, i) => [holds(row, rule.conditions), labels[i]] as const);
        const support = matched.filter(([m]) => m).length;
        const hits = matched.filter(([m, l]) => m && l === set.segment).length;
        expect(rule.support).toBe(support);
        expect(rule.hits).toBe(hits);
        expect(rule.precision).toBe(hits / support);
        expect(rule.coverage).toBe(hits / set.size);
        expect(rule.conditions.length).toBeLessThanOrEqual(3);
      }
      const coverages = set.rules.map((r) => r.coverage);
      expect(coverages).toEqual([...coverages].sort((a, b) => b - a));
    }
  });

  it('accepts a matrix with feature names, respects maxDepth and ignores noise', () => {
    const X = rows.map((r) => [r.income, r.kids]);
    const noisy = labels.map((l, i) => (i % 10 === 0 ? -1 : l));
    const shallow = segmentRules(X, noisy, { maxDepth: 1, featureNames: ['income', 'kids'] });
    expect(shallow.map((s) => s.segment)).toEqual([0, 1, 2]);
    for (const set of shallow) for (const rule of set.rules) expect(rule.conditions.length).toBe(1);
    expect(segmentRules(X, labels)[0]!.rules[0]!.text).toBe('x1 = 0 and x0 > 70,000');
  });

  it('handles missing values: they satisfy no condition and rules are still counted honestly', () => {
    const income = rows.map((r, i) => (i % 7 === 0 ? NaN : r.income));
    const city = rows.map((r, i) => (i % 11 === 0 ? null : r.city));
    const withGaps = table({ income, kids: rows.map((r) => r.kids), city });
    const sets = segmentRules(withGaps, labels);
    for (const set of sets) {
      for (const rule of set.rules) {
        let support = 0;
        let hits = 0;
        rows.forEach((row, i) => {
          const plain = { income: income[i]!, kids: row.kids, city: city[i]! };
          if (!holds(plain, rule.conditions)) return;
          support++;
          if (labels[i] === set.segment) hits++;
        });
        expect([rule.support, rule.hits]).toEqual([support, hits]);
      }
    }
    // Missing incomes went right (> 70,000) in training, so the tree bounds income above too.
    expect(sets[0]!.rules[0]!.text).toMatch(/^kids = 0 and 70,000 < income <= /);
    expect(sets[0]!.rules[0]!.precision).toBe(1);
  });

  it('rejects bad options and labels', () => {
    expect(() => segmentRules(features, labels, { maxDepth: 0 })).toThrow("'maxDepth'");
    expect(() => segmentRules(features, labels, { minLeafShare: 0.9 })).toThrow("'minLeafShare'");
    expect(() => segmentRules(features, labels.slice(1))).toThrow(
      expect.objectContaining({ code: ERROR_CODES.INVALID_LABELS }),
    );
    expect(() => segmentRules([[1], [2]], [0, 1], { featureNames: ['a', 'b'] })).toThrow(
      expect.objectContaining({ code: ERROR_CODES.INVALID_SHAPE }),
    );
  });
});
