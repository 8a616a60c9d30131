/**
 * The dendrogram of an agglomerative run as SVG: SciPy-style U-shaped links (`icoord`, `dcoord`;
 * leaf j at x = 10 j + 5), coloured by subtree below the cut, grey above it, the cut as a dashed
 * line, and leaf labels (row ids, or "(size)" for collapsed subtrees). Pure: returns a string.
 */
import type { RunDendrogram } from '../run/dendrogram-stage.js';
import {
  escapeXml,
  formatNumber,
  linearScale,
  NOISE_COLOUR,
  round,
  SEGMENT_COLOURS,
  svgOpen,
} from './svg.js';

/**
 * Draws a dendrogram.
 * @param tree - report.json's `dendrogram`.
 * @param options - `width` in px (default 660).
 * @returns an `<svg>` string with one `<path class="link">` per merge.
 * @example dendrogramSvg(report.dendrogram)
 */
export function dendrogramSvg(
  tree: RunDendrogram,
  options: { readonly width?: number } = {},
): string {
  const width = options.width ?? 660;
  const height = 300;
  const margin = { left: 56, right: 12, top: 12, bottom: 56 };
  const leaves = Math.max(1, tree.leaves.length);
  const top = Math.max(1e-12, ...tree.dcoord.flat(), tree.cutHeight ?? 0);
  const sx = linearScale(0, leaves * 10, margin.left, width - margin.right);
  const sy = linearScale(0, top, height - margin.bottom, margin.top);
  const out = [svgOpen(width, height, `Dendrogram (${tree.linkage} linkage)`, 'chart dendrogram')];
  tree.icoord.forEach((xs, i) => {
    const ys = tree.dcoord[i]!;
    const colour =
      tree.colors[i]! < 0
        ? NOISE_COLOUR
        : SEGMENT_COLOURS[tree.colors[i]! % SEGMENT_COLOURS.length]!;
    const d = xs
      .map((x, j) => `${j === 0 ? 'M' : 'L'}${round(sx(x))},${round(sy(ys[j]!))}`)
      .join('');
    out.push(`<path class="link" d="${d}" fill="none" stroke="${colour}" stroke-width="1.4"/>`);
  });
  if (tree.cutHeight !== null) {
    const y = round(sy(tree.cutHeight));
    out.push(
      `<line x1="${margin.left}" x2="${width - margin.right}" y1="${y}" y2="${y}" stroke="#555" stroke-dasharray="4 3"/>`,
      `<text x="${width - margin.right}" y="${y - 4}" font-size="11" text-anchor="end" fill="#555">cut at ${escapeXml(formatNumber(tree.cutHeight))}</text>`,
    );
  }
  const step = Math.max(1, Math.ceil(leaves / 40));
  tree.leafLabels.forEach((label, j) => {
    if (j % step !== 0) return;
    const x = round(sx(10 * j + 5));
    out.push(
      `<text x="${x}" y="${height - margin.bottom + 10}" font-size="9" text-anchor="end" transform="rotate(-60 ${x} ${height - margin.bottom + 10})">${escapeXml(label)}</text>`,
    );
  });
  out.push(
    `<text x="14" y="${margin.top + (height - margin.top - margin.bottom) / 2}" font-size="11" transform="rotate(-90 14 ${margin.top + (height - margin.top - margin.bottom) / 2})" text-anchor="middle">merge distance</text>`,
    '</svg>',
  );
  return out.join('');
}
