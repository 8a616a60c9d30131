/**
 * Cross-tab: clusters (rows) x classic RFM segments (columns), each cell the number of customers
 * in both, coloured by the share of the cluster's row (so small clusters are as readable as big
 * ones) and annotated with the count. Rows and columns as report.rfm.crossTab gives them.
 */
import type { ReportRfm } from '../api/types.js';
import { escapeLabel, formatInteger, formatPercent, truncateLabel } from './format.js';
import type { BaseChartOptions, ChartSpec } from './spec.js';
import { axis, baseConfig, baseLayout, categoryTickAngle, emptySpec } from './spec.js';

const FILE = 'segmint-crosstab';

/** The cross-tab (report.rfm.crossTab). */
export type CrossTab = ReportRfm['crossTab'];

/**
 * Builds the cross-tab heatmap.
 * @param rfm - `report.rfm` (or `{ crossTab }`); null gives the empty state.
 * @returns One heatmap trace: z = row shares in [0, 1], text = counts with separators,
 *   customdata = hover lines.
 * @example crosstabChart(report.rfm).data[0].text[0][0] // '1,204'
 */
export function crosstabChart(
  rfm: Pick<ReportRfm, 'crossTab'> | null,
  options: BaseChartOptions = {},
): ChartSpec {
  const title = options.title ?? 'Segments vs classic RFM segments (customers)';
  const table = rfm?.crossTab;
  if (table === undefined || table.rows.length === 0 || table.columns.length === 0) {
    return emptySpec(title, 'No RFM segments in this run.', FILE);
  }
  const rowTotals = table.counts.map((row) => row.reduce((sum, count) => sum + count, 0));
  const shares = table.counts.map((row, i) =>
    row.map((count) => (rowTotals[i]! > 0 ? count / rowTotals[i]! : 0)),
  );
  const text = table.counts.map((row) => row.map((count) => formatInteger(count)));
  const hover = table.counts.map((row, i) =>
    row.map(
      (count, j) =>
        `<b>${escapeLabel(table.rows[i]!)}</b> × ${escapeLabel(table.columns[j]!)}<br>${formatInteger(count)} customers (${formatPercent(shares[i]![j])} of the segment)`,
    ),
  );
  const rowLabels = table.rows.map((row, i) => {
    const label = truncateLabel(row, 26);
    return table.rows.findIndex((other) => truncateLabel(other, 26) === label) === i
      ? label
      : `${label} (${i + 1})`;
  });
  const columnLabels = table.columns.map((column) => truncateLabel(column, 20));
  return {
    data: [
      {
        type: 'heatmap',
        x: columnLabels,
        y: rowLabels,
        z: shares,
        zmin: 0,
        zmax: 1,
        colorscale: [
          [0, '#f7fbff'],
          [0.5, '#6baed6'],
          [1, '#08306b'],
        ],
        text: text as unknown as string[],
        texttemplate: '%{text}',
        textfont: { size: table.columns.length > 10 ? 10 : 12 },
        customdata: hover as unknown as string[],
        hovertemplate: '%{customdata}<extra></extra>',
        colorbar: { title: { text: 'share of row' }, tickformat: '.0%', thickness: 12 },
        xgap: 1,
        ygap: 1,
      },
    ],
    layout: baseLayout(title, {
      height: options.height ?? Math.max(280, 160 + 32 * table.rows.length),
      margin: { l: 170, r: 24, t: 52, b: 40 },
      xaxis: axis('RFM segment', {
        type: 'category',
        tickangle: categoryTickAngle(columnLabels, 900),
        showgrid: false,
      }),
      yaxis: axis('', { type: 'category', autorange: 'reversed', showgrid: false }),
    }),
    config: baseConfig(FILE),
  };
}
