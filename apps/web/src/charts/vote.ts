/**
 * Vote chart: which k each criterion voted for (one row per criterion, a dot at its k), the
 * recommended k shaded, abstentions written out, and the verdict ("k = 5, 3 of 4 criteria
 * agree" or "no clear structure") as the subtitle. Also {@link verdictText}, the plain-language
 * verdict for cards and headings.
 */
import type { Annotations, Shape } from 'plotly.js';
import type { ReportSelection, SelectionRecommendation } from '../api/types.js';
import { criterionLabel } from './criteria-names.js';
import type { BaseChartOptions, ChartSpec } from './spec.js';
import { axis, baseConfig, baseLayout, COLORS, emptySpec, kAxis } from './spec.js';

/** What the vote chart needs from report.selection. */
export type VoteInput = Pick<ReportSelection, 'curves' | 'votes' | 'recommendation'>;

const FILE = 'segmint-vote';

/**
 * The verdict in words: the engine's summary, prefixed by how sure it is.
 * @example verdictText({ k: 5, verdict: 'clear', summary: 'k = 5, 3 of 4 criteria agree', ... })
 *   // 'k = 5, 3 of 4 criteria agree'
 */
export function verdictText(recommendation: SelectionRecommendation): string {
  if (recommendation.verdict === 'no-clear-structure' || recommendation.k === null) {
    return recommendation.summary === '' ? 'No clear structure' : recommendation.summary;
  }
  const summary =
    recommendation.summary === ''
      ? `k = ${recommendation.k}, ${recommendation.agreement.agreeing} of ${recommendation.agreement.total} criteria agree`
      : recommendation.summary;
  return recommendation.verdict === 'weak' ? `${summary} (weak structure)` : summary;
}

/**
 * Builds the vote chart.
 * @param selection - `report.selection`; null gives the empty state.
 * @returns One scatter trace of the cast votes (y = criterion labels, x = k); abstentions are
 *   annotations; the recommended k is a shaded band; the verdict is the subtitle.
 * @example voteChart(report.selection).layout.title.subtitle.text // 'k = 5, 3 of 4 criteria agree'
 */
export function voteChart(selection: VoteInput | null, options: BaseChartOptions = {}): ChartSpec {
  const title = options.title ?? 'How each criterion voted';
  if (selection === null || selection.votes.length === 0) {
    return emptySpec(title, 'This run used a fixed k: there was no vote.', FILE);
  }
  const { votes, recommendation } = selection;
  const labels = votes.map((vote) => criterionLabel(vote.criterion));
  const cast = votes.filter((vote) => vote.k !== null);
  const chosen = recommendation.k;
  const annotations: Partial<Annotations>[] = votes
    .filter((vote) => vote.k === null)
    .map((vote) => ({
      text: `abstained${vote.reason === undefined ? '' : ` (${vote.reason})`}`,
      xref: 'paper',
      yref: 'y',
      x: 0.01,
      xanchor: 'left',
      y: criterionLabel(vote.criterion) as unknown as number,
      showarrow: false,
      font: { size: 11, color: COLORS.muted },
    }));
  const shapes: Partial<Shape>[] =
    chosen === null
      ? []
      : [
          {
            type: 'rect',
            xref: 'x',
            yref: 'paper',
            x0: chosen - 0.4,
            x1: chosen + 0.4,
            y0: 0,
            y1: 1,
            fillcolor: COLORS.highlight,
            line: { width: 0 },
            layer: 'below',
          },
        ];
  const k = selection.curves.k.length > 0 ? selection.curves.k : cast.map((vote) => vote.k ?? 0);
  const verdict = verdictText(recommendation);
  return {
    data: [
      {
        type: 'scatter',
        mode: 'markers',
        name: 'Votes',
        x: cast.map((vote) => vote.k),
        y: cast.map((vote) => criterionLabel(vote.criterion)),
        marker: {
          size: 16,
          color: cast.map((vote) => (vote.k === chosen ? COLORS.accent : COLORS.axis)),
          line: { color: '#ffffff', width: 1.5 },
        },
        hovertemplate: '%{y} votes k = %{x}<extra></extra>',
      },
    ],
    layout: baseLayout(
      title,
      {
        height: options.height ?? 120 + 36 * votes.length,
        showlegend: false,
        margin: { l: 140, r: 24, t: 76, b: 48 },
        xaxis: kAxis(k, { range: [Math.min(...k) - 0.6, Math.max(...k) + 0.6] }),
        yaxis: axis('', {
          type: 'category',
          categoryorder: 'array',
          categoryarray: [...labels].reverse(),
          showgrid: true,
        }),
        shapes,
        annotations,
      },
      verdict,
    ),
    config: baseConfig(FILE),
  };
}
