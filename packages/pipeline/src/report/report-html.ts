/**
 * report.html: one self-contained page (inline CSS and SVG, no scripts, no network) built from a
 * {@link RunReport}: the verdict on k and its curves, algorithm metrics, segment sizes, the PCA
 * map, the profile heatmap, one card per segment, the RFM cross-tab and the cleaning log. Every
 * user-controlled string is escaped, so a column named `<script>` is shown, never run.
 */
import { dendrogramSvg } from './dendrogram-svg.js';
import { heatmapFromProfiles, profileHeatmapSvg } from './heatmap-svg.js';
import { kCurvesSvg } from './k-curves-svg.js';
import type { RunReport } from './report-types.js';
import { segmentMapSvg } from './segment-map-svg.js';
import { segmentSizesSvg } from './sizes-svg.js';
import { escapeXml, formatNumber, formatPercent, segmentColour } from './svg.js';

const STYLE = `
body{font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#222;margin:0;background:#f6f7f9}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:32px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
.meta{color:#666;font-size:13px}
section.panel{background:#fff;border:1px solid #e3e5e8;border-radius:8px;padding:16px;margin:12px 0;overflow-x:auto}
.verdict{font-size:16px;font-weight:600}.verdict.clear{color:#1a7f37}.verdict.weak{color:#9a6700}.verdict.no-clear-structure{color:#cf222e}
table{border-collapse:collapse;font-size:13px}th,td{border-bottom:1px solid #eee;padding:4px 10px;text-align:right}th:first-child,td:first-child{text-align:left}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(320px,1fr));gap:12px}
.card{background:#fff;border:1px solid #e3e5e8;border-left:6px solid #999;border-radius:8px;padding:12px 16px}
.card h3{margin:0 0 2px;font-size:16px}.card .size{color:#666;font-size:13px}.card ul{margin:8px 0 0;padding-left:18px}
svg{max-width:100%;height:auto;font-family:inherit}
`;

/**
 * Renders the report page.
 * @param report - a {@link RunReport} (as written to report.json).
 * @returns the complete HTML document as a string (UTF-8, no external resources).
 * @example await writeFile('report.html', renderReportHtml(report));
 */
export function renderReportHtml(report: RunReport): string {
  const names = report.segments.map((s) => s.name);
  const body: string[] = [
    `<h1>Segmint report: ${report.k} segment${report.k === 1 ? '' : 's'}</h1>`,
    `<p class="meta">Run ${escapeXml(report.runId)} · ${escapeXml(report.createdAt)} · ` +
      `${escapeXml(report.source.file)} (${escapeXml(report.source.format)}, ` +
      `${report.rows.input.toLocaleString('en-US')} ${report.rfm ? 'customers' : 'rows'}, ` +
      `${report.rows.fitted.toLocaleString('en-US')} used for fitting)</p>`,
    selectionSection(report),
    algorithmsSection(report),
    stabilitySection(report),
    `<h2>Segment sizes</h2><section class="panel">${segmentSizesSvg(report.segments)}</section>`,
  ];
  if (report.map) {
    const axis = (i: number) =>
      report.map?.method === 'pca'
        ? `PC${i + 1} (${formatPercent(report.map.explainedVarianceRatio[i] ?? NaN)} of variance)`
        : (report.features.prepared[i] ?? `feature ${i + 1}`);
    body.push(
      '<h2>Segment map</h2><section class="panel">',
      segmentMapSvg(report.map, names, { xLabel: axis(0), yLabel: axis(1) }),
      '</section>',
    );
  }
  const heatmap = heatmapFromProfiles(report.segments);
  if (heatmap.features.length > 0) {
    body.push(
      '<h2>What distinguishes the segments</h2><section class="panel">',
      profileHeatmapSvg(heatmap),
      '</section>',
    );
  }
  if (report.dendrogram) {
    const tree = report.dendrogram;
    body.push(
      '<h2>Dendrogram</h2><section class="panel">',
      `<p>Agglomerative clustering (${escapeXml(tree.linkage)} linkage) of ${tree.rows.toLocaleString('en-US')} rows${tree.truncatedTo === null ? '' : `; the last ${tree.truncatedTo - 1} merges are drawn and smaller subtrees are collapsed to "(size)"`}. Cutting below the dashed line gives the segments.</p>`,
      dendrogramSvg(tree),
      '</section>',
    );
  }
  body.push('<h2>Segments</h2><div class="cards">', ...report.segments.map(segmentCard), '</div>');
  if (report.continuity) body.push(continuitySection(report.continuity));
  if (report.rfm) body.push(rfmSection(report.rfm));
  body.push(listSection('Data preparation', report.cleaning));
  body.push(
    listSection(
      'Warnings',
      report.warnings.map((w) => `${w.code}: ${w.message}`),
    ),
  );
  body.push(
    `<h2>Features</h2><section class="panel"><p>Numeric: ${joinNames(report.features.numeric)}</p>` +
      `<p>Categorical: ${joinNames(report.features.categorical)}</p>` +
      `<p>Derived: ${joinNames(report.features.derived)}</p></section>`,
  );
  return (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>Segmint report ${escapeXml(report.runId)}</title><style>${STYLE}</style></head>` +
    `<body><main>${body.join('\n')}</main></body></html>\n`
  );
}

function selectionSection(report: RunReport): string {
  const selection = report.selection;
  if (!selection) {
    return `<h2>Number of segments</h2><section class="panel"><p>k = ${report.k} was set in the configuration (no k range, so no selection curves).</p></section>`;
  }
  const { recommendation } = selection;
  const votes = selection.votes
    .map(
      (v) =>
        `<tr><td>${escapeXml(v.criterion)}</td><td>${v.k ?? 'abstained'}</td><td>${v.score === null ? '' : formatNumber(v.score)}</td><td>${escapeXml(v.reason ?? '')}</td></tr>`,
    )
    .join('');
  const reasons = recommendation.reasons.map((r) => `<li>${escapeXml(r)}</li>`).join('');
  return (
    '<h2>Number of segments</h2><section class="panel">' +
    `<p class="verdict ${escapeXml(recommendation.verdict)}">${escapeXml(recommendation.summary)} (verdict: ${escapeXml(recommendation.verdict)})</p>` +
    `<p>Tried k = ${selection.kRange[0]} to ${selection.kRange[1]}; segments written for k = ${report.k}. Silhouette: ${selection.silhouetteMethod === 'exact' ? 'exact' : 'stratified-sample estimate (band = confidence interval)'}.</p>` +
    (reasons ? `<ul>${reasons}</ul>` : '') +
    kCurvesSvg(selection.curves, { knee: selection.knee, chosenK: report.k }) +
    `<table><thead><tr><th>criterion</th><th>vote</th><th>score</th><th>note</th></tr></thead><tbody>${votes}</tbody></table>` +
    '</section>'
  );
}

function algorithmsSection(report: RunReport): string {
  const rows = report.algorithms
    .map(
      (a) =>
        `<tr><td>${escapeXml(a.algorithm)}${a.algorithm === report.primaryAlgorithm ? ' (written)' : ''}</td>` +
        `<td>${a.k}</td><td>${a.noise.toLocaleString('en-US')}</td>` +
        `<td>${formatNumber(a.silhouette)}${a.silhouetteMethod === 'exact' ? '' : ` [${formatNumber(a.silhouetteLower)}, ${formatNumber(a.silhouetteUpper)}]`}</td>` +
        `<td>${formatNumber(a.calinskiHarabasz)}</td><td>${formatNumber(a.daviesBouldin)}</td>` +
        `<td>${formatNumber(a.inertia)}</td><td>${a.iterations}${a.converged ? '' : ' (not converged)'}</td></tr>`,
    )
    .join('');
  const agreement = report.agreement
    .map(
      (p) =>
        `<li>${escapeXml(p.a)} vs ${escapeXml(p.b)}: adjusted Rand index ${formatNumber(p.adjustedRandIndex)}</li>`,
    )
    .join('');
  return (
    '<h2>Clustering quality</h2><section class="panel">' +
    '<table><thead><tr><th>algorithm</th><th>segments</th><th>noise rows</th><th>silhouette (higher is better)</th><th>Calinski-Harabasz (higher)</th><th>Davies-Bouldin (lower)</th><th>inertia</th><th>iterations</th></tr></thead>' +
    `<tbody>${rows}</tbody></table>` +
    (agreement ? `<ul>${agreement}</ul>` : '') +
    '</section>'
  );
}

function stabilitySection(report: RunReport): string {
  const { stability } = report;
  const head = '<h2>Stability</h2><section class="panel">';
  if (stability.status !== 'measured') {
    const why =
      stability.status === 'off'
        ? "turned off ('stability.resamples' is 0)"
        : "skipped: the data has more rows than 'stability.maxRows'";
    return `${head}<p>Segment stability was not measured (${why}).</p></section>`;
  }
  const names = report.segments.map((s) => s.name);
  const rows = stability.segments
    .map(
      (s) =>
        `<tr><td>${escapeXml(names[s.segment] ?? `Segment ${s.segment + 1}`)}</td><td>${s.size.toLocaleString('en-US')}</td>` +
        `<td>${formatNumber(s.jaccard)}</td><td>${formatPercent(s.dissolved)}</td>` +
        `<td>${s.jaccard >= 0.75 ? 'stable' : s.jaccard >= 0.5 ? 'moderately stable' : 'unstable'}</td></tr>`,
    )
    .join('');
  return (
    head +
    `<p>${escapeXml(stability.algorithm)} refitted on ${stability.resamples} subsamples of ${formatPercent(stability.fraction)} of the rows: mean adjusted Rand index with these segments ${formatNumber(stability.meanAdjustedRandIndex ?? NaN)}. A segment's Jaccard stability is its mean best overlap with a refitted segment (Hennig 2007): above 0.75 it comes back reliably, below 0.5 it dissolves.</p>` +
    '<table><thead><tr><th>segment</th><th>rows</th><th>Jaccard</th><th>dissolved in</th><th>verdict</th></tr></thead>' +
    `<tbody>${rows}</tbody></table></section>`
  );
}

function continuitySection(continuity: NonNullable<RunReport['continuity']>): string {
  const head = continuity.migration.columns.map((c) => `<th>${escapeXml(c)}</th>`).join('');
  const rows = continuity.migration.rows
    .map(
      (name, i) =>
        `<tr><td>${escapeXml(name)}</td>${(continuity.migration.counts[i] ?? []).map((c) => `<td>${c}</td>`).join('')}</tr>`,
    )
    .join('');
  const retired = continuity.retired.map((r) => escapeXml(r.name)).join(', ');
  return (
    '<h2>Changes since the previous run</h2><section class="panel">' +
    `<p>${continuity.commonRows.toLocaleString('en-US')} customers are in both runs; ${continuity.moved.toLocaleString('en-US')} changed segment. Segments matched to the previous run keep their ids and names${retired ? `; no longer found: ${retired}` : ''}.</p>` +
    `<table><thead><tr><th>previous \\ now</th>${head}</tr></thead><tbody>${rows}</tbody></table>` +
    '</section>'
  );
}

function segmentCard(segment: RunReport['segments'][number]): string {
  const traits = segment.topTraits.map((t) => `<li>${escapeXml(t.text)}</li>`).join('');
  const rules = segment.rules
    .map(
      (r) =>
        `<li><code>${escapeXml(r.text)}</code> (precision ${formatPercent(r.precision)}, coverage ${formatPercent(r.coverage)})</li>`,
    )
    .join('');
  return (
    `<article class="card" style="border-left-color:${segmentColour(segment.segment)}">` +
    `<h3>${escapeXml(segment.name)}</h3>` +
    `<div class="size">Segment ${segment.segment} · ${segment.size.toLocaleString('en-US')} customers (${formatPercent(segment.share)})</div>` +
    `<p>${escapeXml(segment.description)}</p>` +
    (traits ? `<ul>${traits}</ul>` : '') +
    (rules
      ? `<p class="rules-title">Rules that pick it out</p><ul class="rules">${rules}</ul>`
      : '') +
    '</article>'
  );
}

function rfmSection(rfm: NonNullable<RunReport['rfm']>): string {
  const head = rfm.crossTab.columns.map((c) => `<th>${escapeXml(c)}</th>`).join('');
  const rows = rfm.crossTab.rows
    .map(
      (name, i) =>
        `<tr><td>${escapeXml(name)}</td>${(rfm.crossTab.counts[i] ?? []).map((c) => `<td>${c}</td>`).join('')}</tr>`,
    )
    .join('');
  const warnings = rfm.warnings.map((w) => `<li>${escapeXml(w.message)}</li>`).join('');
  return (
    '<h2>RFM</h2><section class="panel">' +
    `<p>${rfm.customers.toLocaleString('en-US')} customers from ${rfm.transactions.toLocaleString('en-US')} transactions, as of ${escapeXml(rfm.asOf)}; ` +
    `${rfm.droppedNoCustomer.toLocaleString('en-US')} rows without a customer and ${rfm.droppedNonPositive.toLocaleString('en-US')} with a non-positive amount were excluded.</p>` +
    (warnings ? `<ul>${warnings}</ul>` : '') +
    `<table><thead><tr><th>segment \\ RFM segment</th>${head}</tr></thead><tbody>${rows}</tbody></table>` +
    '</section>'
  );
}

function listSection(title: string, lines: readonly string[]): string {
  if (lines.length === 0) return '';
  const items = lines.map((line) => `<li>${escapeXml(line)}</li>`).join('');
  return `<h2>${escapeXml(title)}</h2><section class="panel"><ul>${items}</ul></section>`;
}

function joinNames(names: readonly string[]): string {
  return names.length === 0 ? 'none' : names.map((n) => `<code>${escapeXml(n)}</code>`).join(', ');
}
