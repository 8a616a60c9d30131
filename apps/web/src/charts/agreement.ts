/**
 * Agreement chart: a heatmap of the adjusted Rand index (Hubert & Arabie 1985) between every
 * pair of algorithms' segmentations, each cell annotated with its value (1 on the diagonal;
 * 0 = chance agreement; negative = worse than chance). Also {@link agreementMatrix}, the square
 * matrix the report's pair list implies.
 */
import type { RunReport } from '../api/types.js';
import { formatFixed } from './format.js';
import type { BaseChartOptions, ChartSpec } from './spec.js';
import { axis, baseConfig, baseLayout, emptySpec, isFiniteNumber } from './spec.js';

const FILE = 'segmint-agreement';

/** A square, symmetric ARI matrix over `algorithms` (null where a pair is missing). */
export interface AgreementMatrix {
  readonly algorithms: readonly string[];
  readonly values: readonly (readonly (number | null)[])[];
}

/**
 * The ARI matrix from the report's pairs: algorithms in report order, 1 on the diagonal.
 * @example agreementMatrix(['a', 'b'], [{ a: 'a', b: 'b', adjustedRandIndex: 0.8 }]).values
 *   // [[1, 0.8], [0.8, 1]]
 */
export function agreementMatrix(
  algorithms: readonly string[],
  pairs: RunReport['agreement'],
): AgreementMatrix {
  const index = new Map(algorithms.map((name, i) => [name, i]));
  const values = algorithms.map((_, i) =>
    algorithms.map((__, j) => (i === j ? 1 : (null as number | null))),
  );
  for (const pair of pairs) {
    const i = index.get(pair.a);
    const j = index.get(pair.b);
    if (i === undefined || j === undefined) continue;
    const value = isFiniteNumber(pair.adjustedRandIndex) ? pair.adjustedRandIndex : null;
    values[i]![j] = value;
    values[j]![i] = value;
  }
  return { algorithms, values };
}

/**
 * Builds the agreement heatmap.
 * @param report - `algorithms` (names, in order) and `agreement` (pairs) of report.json.
 * @returns One heatmap trace (z = ARI, text = values with 2 decimals, "—" when missing);
 *   fewer than two algorithms give the empty state.
 * @example agreementChart(report).data[0].z // [[1, 0.8], [0.8, 1]]
 */
export function agreementChart(
  report: Pick<RunReport, 'algorithms' | 'agreement'>,
  options: BaseChartOptions = {},
): ChartSpec {
  const title = options.title ?? 'Agreement between algorithms (adjusted Rand index)';
  const algorithms = report.algorithms.map((entry) => entry.algorithm);
  if (algorithms.length < 2) {
    return emptySpec(title, 'Only one algorithm ran: add another to compare them.', FILE);
  }
  const matrix = agreementMatrix(algorithms, report.agreement);
  const finite = matrix.values.flat().filter(isFiniteNumber);
  const minimum = Math.min(0, ...finite);
  const text = matrix.values.map((row) => row.map((value) => formatFixed(value, 2)));
  const size = Math.max(260, Math.min(560, 120 + 70 * algorithms.length));
  return {
    data: [
      {
        type: 'heatmap',
        x: [...algorithms],
        y: [...algorithms],
        z: matrix.values.map((row) => [...row]),
        zmin: minimum,
        zmax: 1,
        colorscale: [
          [0, '#f7fbff'],
          [0.5, '#6baed6'],
          [1, '#08306b'],
        ],
        text: text as unknown as string[],
        texttemplate: '%{text}',
        textfont: { size: 13 },
        hovertemplate: '%{y} vs %{x}<br>ARI %{text}<extra></extra>',
        colorbar: { title: { text: 'ARI' }, thickness: 12 },
        xgap: 2,
        ygap: 2,
      },
    ],
    layout: baseLayout(title, {
      height: options.height ?? size,
      margin: { l: 120, r: 24, t: 56, b: 90 },
      xaxis: axis('', { type: 'category', tickangle: -30, showgrid: false }),
      yaxis: axis('', { type: 'category', autorange: 'reversed', showgrid: false }),
    }),
    config: baseConfig(FILE),
  };
}
