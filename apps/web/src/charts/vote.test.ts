import { describe, expect, it } from 'vitest';
import { sampleSelection } from './fixtures/sample-data.js';
import { annotationsOf, shapesOf, subtitleOf, traceAt } from './fixtures/spec-helpers.js';
import { verdictText, voteChart } from './vote.js';

describe('voteChart', () => {
  it('puts one dot per casting criterion at its k and shades the recommended k', () => {
    const spec = voteChart(sampleSelection());
    const votes = traceAt(spec, 0);
    expect(votes.x).toEqual([4, 4, 4, 5]);
    expect(votes.y).toEqual([
      'Elbow (inertia)',
      'Silhouette',
      'Calinski-Harabasz',
      'Davies-Bouldin',
    ]);
    const colors = (votes.marker as { color: string[] }).color;
    expect(colors[0]).toBe(colors[1]);
    expect(colors[3]).not.toBe(colors[0]);
    expect(shapesOf(spec)[0]).toMatchObject({ type: 'rect', x0: 3.6, x1: 4.4 });
    expect(subtitleOf(spec)).toBe('k = 4, 3 of 4 criteria agree');
    expect(spec.layout.yaxis?.categoryarray).toEqual([
      'Davies-Bouldin',
      'Calinski-Harabasz',
      'Silhouette',
      'Elbow (inertia)',
    ]);
  });

  it('writes abstentions and the no-structure verdict', () => {
    const selection = sampleSelection();
    const spec = voteChart({
      ...selection,
      votes: selection.votes.map((vote) => ({ ...vote, k: null, reason: 'no peak' })),
      recommendation: {
        k: null,
        verdict: 'no-clear-structure',
        agreement: { agreeing: 0, total: 0 },
        summary: 'no clear structure',
        reasons: [],
      },
    });
    expect(traceAt(spec, 0).x).toEqual([]);
    expect(annotationsOf(spec)).toHaveLength(4);
    expect(annotationsOf(spec)[0]!.text).toBe('abstained (no peak)');
    expect(shapesOf(spec)).toEqual([]);
    expect(subtitleOf(spec)).toBe('no clear structure');
  });

  it('flags a weak verdict and builds a summary when the engine gave none', () => {
    const base = sampleSelection().recommendation;
    expect(verdictText({ ...base, verdict: 'weak' })).toBe(
      'k = 4, 3 of 4 criteria agree (weak structure)',
    );
    expect(verdictText({ ...base, summary: '' })).toBe('k = 4, 3 of 4 criteria agree');
    expect(verdictText({ ...base, k: null, verdict: 'no-clear-structure', summary: '' })).toBe(
      'No clear structure',
    );
  });

  it('shows the empty state without a selection', () => {
    expect(voteChart(null).data).toEqual([]);
  });
});
