import { describe, expect, it } from 'vitest';
import { chooseKFromCurves, type SelectionCurves } from './vote.js';

function curves(parts: Partial<SelectionCurves> & { k: number[] }): SelectionCurves {
  const nan = parts.k.map(() => NaN);
  const silhouette = parts.silhouette ?? nan;
  return {
    inertia: nan,
    calinskiHarabasz: nan,
    daviesBouldin: nan,
    silhouetteLower: silhouette,
    silhouetteUpper: silhouette,
    ...parts,
    silhouette,
  };
}

// A clean 4-cluster shape: every criterion points at k = 4.
const clean = curves({
  k: [2, 3, 4, 5, 6, 7],
  inertia: [1000, 600, 120, 105, 95, 88],
  silhouette: [0.45, 0.55, 0.72, 0.6, 0.5, 0.45],
  calinskiHarabasz: [300, 500, 1400, 1200, 1100, 1000],
  daviesBouldin: [0.9, 0.7, 0.35, 0.6, 0.7, 0.8],
});

describe('chooseKFromCurves', () => {
  it('is clear when all criteria agree and the silhouette is strong', () => {
    const { votes, recommendation, knee } = chooseKFromCurves(clean);
    expect(knee.knee).toBe(4);
    expect(votes).toEqual([
      { criterion: 'elbow', k: 4, score: 120 },
      { criterion: 'silhouette', k: 4, score: 0.72 },
      { criterion: 'calinski-harabasz', k: 4, score: 1400 },
      { criterion: 'davies-bouldin', k: 4, score: 0.35 },
    ]);
    expect(recommendation.k).toBe(4);
    expect(recommendation.verdict).toBe('clear');
    expect(recommendation.agreement).toEqual({ agreeing: 4, total: 4 });
    expect(recommendation.summary).toBe('k = 4, 4 of 4 criteria agree');
  });

  it('stability votes for the finest k as stable as the most stable one (within 0.02)', () => {
    const withStability = { ...clean, stability: [1, 0.97, 0.985, 0.7, 0.6, 0.5] };
    const vote = (stability: number[]) =>
      chooseKFromCurves({ ...clean, stability }, { criteria: ['stability'] }).votes[0];
    expect(
      chooseKFromCurves(withStability, { criteria: ['silhouette', 'stability'] }).votes,
    ).toEqual([
      { criterion: 'silhouette', k: 4, score: 0.72 },
      { criterion: 'stability', k: 4, score: 0.985 },
    ]);
    expect(vote([1, 0.97, 0.979, 0.7, 0.6, 0.5])).toEqual({
      criterion: 'stability',
      k: 2,
      score: 1,
    });
    expect(vote([NaN, NaN, NaN, NaN, NaN, NaN])).toMatchObject({
      k: null,
      reason: 'it was not computed.',
    });
    expect(() => chooseKFromCurves({ ...clean, stability: [1] })).toThrow(
      "curve 'stability' has 1 values but 'k' has 6",
    );
  });

  it('gives the result its TSDoc example promises', () => {
    const silhouette = [0.5, 0.7, 0.5, 0.4];
    const result = chooseKFromCurves({
      k: [2, 3, 4, 5],
      inertia: [100, 20, 15, 12],
      silhouette,
      silhouetteLower: silhouette,
      silhouetteUpper: silhouette,
      calinskiHarabasz: [50, 90, 70, 60],
      daviesBouldin: [0.8, 0.4, 0.7, 0.9],
    });
    expect(result.recommendation.summary).toBe('k = 3, 4 of 4 criteria agree');
  });

  it('is clear with 3 of 4 and says so', () => {
    const c = { ...clean, daviesBouldin: [0.3, 0.7, 0.35, 0.6, 0.7, 0.8] };
    const { recommendation, votes } = chooseKFromCurves(c);
    expect(votes[3]).toEqual({ criterion: 'davies-bouldin', k: 2, score: 0.3 });
    expect(recommendation.summary).toBe('k = 4, 3 of 4 criteria agree');
    expect(recommendation.verdict).toBe('clear');
    expect(recommendation.reasons.join(' ')).toMatch(/davies-bouldin chose k = 2, the edge/);
  });

  it('is weak when a majority agree but the silhouette at that k is weak', () => {
    const c = { ...clean, silhouette: [0.3, 0.2, 0.22, 0.2, 0.15, 0.1] };
    const { recommendation } = chooseKFromCurves(c);
    // Elbow, CH and DB pick 4; the silhouette picks 2. 3 of 4 on k = 4, silhouette 0.22 there.
    expect(recommendation.k).toBe(4);
    expect(recommendation.verdict).toBe('weak');
    expect(recommendation.summary).toBe('k = 4 (weak), 3 of 4 criteria agree');
    expect(recommendation.reasons.join(' ')).toMatch(/silhouette at k = 4 is 0.220/);
  });

  it('is weak when only half agree, breaking the tie by silhouette', () => {
    const c = {
      ...clean,
      calinskiHarabasz: [300, 500, 1000, 1200, 1100, 1000],
      daviesBouldin: [0.9, 0.7, 0.65, 0.6, 0.7, 0.8],
    };
    const { recommendation } = chooseKFromCurves(c);
    // elbow 4, silhouette 4, CH 5, DB 5: a 2-2 tie; silhouette 0.72 at 4 beats 0.6 at 5.
    expect(recommendation.k).toBe(4);
    expect(recommendation.verdict).toBe('weak');
    expect(recommendation.agreement).toEqual({ agreeing: 2, total: 4 });
    expect(recommendation.reasons.join(' ')).toMatch(/k = 4 and k = 5 tie/);
  });

  it('finds no clear structure when the silhouette is weak everywhere', () => {
    const c = { ...clean, silhouette: [0.2, 0.21, 0.24, 0.2, 0.15, 0.1] };
    const { recommendation } = chooseKFromCurves(c);
    expect(recommendation.verdict).toBe('no-clear-structure');
    expect(recommendation.k).toBe(4);
    expect(recommendation.summary).toBe(
      'No clear cluster structure; best-supported k = 4 (4 of 4 criteria agree)',
    );
  });

  it('finds no clear structure when the votes scatter', () => {
    const c = curves({
      k: [2, 3, 4, 5, 6],
      inertia: [100, 80, 60, 40, 20],
      silhouette: [0.5, 0.4, 0.3, 0.35, 0.3],
      calinskiHarabasz: [10, 12, 15, 13, 11],
      daviesBouldin: [0.9, 0.8, 0.9, 0.7, 0.75],
    });
    const { recommendation, votes } = chooseKFromCurves(c);
    // A straight inertia line has no elbow: that vote abstains; the other three scatter.
    expect(votes[0]).toMatchObject({ criterion: 'elbow', k: null });
    expect(recommendation.agreement).toEqual({ agreeing: 1, total: 3 });
    expect(recommendation.verdict).toBe('no-clear-structure');
    // Ties of one vote each go to the highest silhouette: k = 2.
    expect(recommendation.k).toBe(2);
  });

  it('lets CH abstain when it rises over the whole range', () => {
    const c = curves({
      k: [2, 3, 4, 5],
      inertia: [100, 75, 55, 40],
      silhouette: [0.3, 0.3, 0.31, 0.32],
      calinskiHarabasz: [100, 110, 120, 130],
      daviesBouldin: [1, 0.95, 0.9, 0.92],
    });
    const { votes } = chooseKFromCurves(c);
    expect(votes[2]).toMatchObject({ criterion: 'calinski-harabasz', k: null });
    expect(votes[2]!.reason).toMatch(/rises over the whole range/);
  });

  it('is weak at best when the silhouette was not computed', () => {
    const c = { ...clean, silhouette: clean.k.map(() => NaN) };
    const { recommendation, votes } = chooseKFromCurves(c, {
      criteria: ['elbow', 'calinski-harabasz', 'davies-bouldin'],
    });
    expect(votes.map((v) => v.criterion)).toEqual(['elbow', 'calinski-harabasz', 'davies-bouldin']);
    expect(recommendation.k).toBe(4);
    expect(recommendation.verdict).toBe('weak');
    expect(recommendation.reasons.join(' ')).toMatch(/not computed/);
  });

  it('returns k = null when nobody can vote', () => {
    const c = curves({ k: [2, 3, 4] });
    const { recommendation } = chooseKFromCurves(c);
    expect(recommendation.k).toBeNull();
    expect(recommendation.verdict).toBe('no-clear-structure');
    expect(recommendation.agreement).toEqual({ agreeing: 0, total: 0 });
  });

  it('honours a custom weak-silhouette line', () => {
    expect(chooseKFromCurves(clean, { weakSilhouette: 0.8 }).recommendation.verdict).toBe(
      'no-clear-structure',
    );
  });

  it('rejects malformed curves and options', () => {
    expect(() => chooseKFromCurves({ ...clean, inertia: [1, 2] })).toThrow(
      /curve 'inertia' has 2 values but 'k' has 6/,
    );
    expect(() => chooseKFromCurves({ ...clean, k: [2, 3, 3, 5, 6, 7] })).toThrow(
      /strictly increasing/,
    );
    expect(() => chooseKFromCurves(clean, { criteria: ['gap' as 'elbow'] })).toThrow(
      /'criteria' must be a non-empty array/,
    );
    expect(() => chooseKFromCurves(clean, { weakSilhouette: 2 })).toThrow(
      "chooseKFromCurves: 'weakSilhouette' must be a finite number in [-1, 1]; got 2.",
    );
  });
});
