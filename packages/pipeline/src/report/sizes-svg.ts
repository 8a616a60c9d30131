/**
 * Segment sizes as a horizontal bar chart: one bar per segment, labelled with its name, size and
 * share of customers. Pure: returns an SVG string.
 */
import { escapeXml, formatPercent, round, segmentColour, svgOpen, truncate } from './svg.js';

/** One bar: the segment's id (for its colour), name, size and share. */
export interface SegmentSizeBar {
  readonly segment: number;
  readonly name: string;
  readonly size: number;
  readonly share: number;
}

/**
 * Draws segment sizes, largest share = full width.
 * @param segments - one entry per segment, drawn in the given order.
 * @param options - `width` in px (default 660).
 * @returns an `<svg>` string with one `<rect class="bar">` per segment.
 * @example segmentSizesSvg([{ segment: 0, name: 'Champions', size: 120, share: 0.3 }])
 */
export function segmentSizesSvg(
  segments: readonly SegmentSizeBar[],
  options: { readonly width?: number } = {},
): string {
  const width = options.width ?? 660;
  const rowHeight = 24;
  const labelWidth = 240;
  const valueWidth = 120;
  const height = Math.max(1, segments.length) * rowHeight + 12;
  const maxShare = Math.max(1e-12, ...segments.map((s) => s.share));
  const barSpace = width - labelWidth - valueWidth;
  const out: string[] = [svgOpen(width, height, 'Segment sizes', 'chart segment-sizes')];
  segments.forEach((s, index) => {
    const y = 6 + index * rowHeight;
    const barWidth = round((Math.max(0, s.share) / maxShare) * barSpace);
    out.push(
      `<text x="${labelWidth - 8}" y="${y + 15}" font-size="12" text-anchor="end">${escapeXml(truncate(s.name, 32))}</text>`,
      `<rect class="bar" x="${labelWidth}" y="${y + 3}" width="${barWidth}" height="${rowHeight - 8}" fill="${segmentColour(s.segment)}"><title>${escapeXml(s.name)}: ${s.size} (${formatPercent(s.share)})</title></rect>`,
      `<text x="${labelWidth + barWidth + 6}" y="${y + 15}" font-size="11" fill="#333">${s.size.toLocaleString('en-US')} (${formatPercent(s.share)})</text>`,
    );
  });
  out.push('</svg>');
  return out.join('');
}
