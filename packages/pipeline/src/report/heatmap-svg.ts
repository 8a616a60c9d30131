/**
 * The segment x feature heatmap: each cell is a segment's mean of a numeric feature,
 * standardised against all customers, z = (segment mean - overall mean) / overall std, coloured
 * blue (below average) to red (above average) and annotated with the raw mean in original
 * units. Pure: the matrix is built from segment profiles by {@link heatmapFromProfiles}.
 *
 * Names: k = segments (rows), f = features (columns).
 */
import { divergingColour, escapeXml, formatNumber, round, svgOpen, truncate } from './svg.js';

/** The numbers a heatmap shows: k x f standardised means and raw means. */
export interface ProfileHeatmap {
  readonly features: readonly string[];
  readonly segments: readonly { readonly segment: number; readonly name: string }[];
  /** z[s][j]: standardised mean of feature j in segment s (NaN when unknown). */
  readonly z: readonly (readonly number[])[];
  /** mean[s][j]: raw mean of feature j in segment s, original units. */
  readonly mean: readonly (readonly number[])[];
}

/** The per-segment numeric statistics the heatmap needs (a subset of a segment profile). */
export interface HeatmapSegmentInput {
  readonly segment: number;
  readonly name: string;
  readonly numeric: readonly {
    readonly feature: string;
    readonly mean: number;
    readonly overallMean: number;
    readonly overallStd: number;
  }[];
}

/**
 * Builds the heatmap numbers from segment profiles. Features are those of the first profile
 * (profiles share them), limited to `maxFeatures` (default 30).
 * @example heatmapFromProfiles(profiles).z[0] // standardised means of segment 0
 */
export function heatmapFromProfiles(
  profiles: readonly HeatmapSegmentInput[],
  options: { readonly maxFeatures?: number } = {},
): ProfileHeatmap {
  const features = (profiles[0]?.numeric ?? [])
    .map((t) => t.feature)
    .slice(0, options.maxFeatures ?? 30);
  const z = profiles.map((p) =>
    features.map((name) => {
      const trait = p.numeric.find((t) => t.feature === name);
      if (!trait || !(trait.overallStd > 0)) return trait ? 0 : NaN;
      return (trait.mean - trait.overallMean) / trait.overallStd;
    }),
  );
  const mean = profiles.map((p) =>
    features.map((name) => p.numeric.find((t) => t.feature === name)?.mean ?? NaN),
  );
  return {
    features,
    segments: profiles.map((p) => ({ segment: p.segment, name: p.name })),
    z,
    mean,
  };
}

/**
 * Draws the heatmap: segments as rows, features as columns, one `<rect class="cell">` each.
 * @returns an `<svg>` string; every label and tooltip is escaped.
 * @example profileHeatmapSvg(heatmapFromProfiles(profiles))
 */
export function profileHeatmapSvg(heatmap: ProfileHeatmap): string {
  const cellWidth = 78;
  const cellHeight = 30;
  const labelWidth = 230;
  const headerHeight = 110;
  const f = heatmap.features.length;
  const k = heatmap.segments.length;
  // Room on the right for the last rotated feature label and the legend line.
  const width = Math.max(labelWidth + Math.max(1, f) * cellWidth + 110, 640);
  const height = headerHeight + Math.max(1, k) * cellHeight + 30;
  const out: string[] = [
    svgOpen(width, height, 'Segment profiles: standardised means', 'chart heatmap'),
  ];
  heatmap.features.forEach((name, j) => {
    const x = labelWidth + j * cellWidth + cellWidth / 2;
    out.push(
      `<text x="${x}" y="${headerHeight - 6}" font-size="11" transform="rotate(-35 ${x} ${headerHeight - 6})">${escapeXml(truncate(name, 22))}</text>`,
    );
  });
  heatmap.segments.forEach((s, i) => {
    const y = headerHeight + i * cellHeight;
    out.push(
      `<text x="${labelWidth - 8}" y="${y + cellHeight / 2 + 4}" font-size="12" text-anchor="end">${escapeXml(truncate(s.name, 32))}</text>`,
    );
    heatmap.features.forEach((name, j) => {
      const z = heatmap.z[i]?.[j] ?? NaN;
      const mean = heatmap.mean[i]?.[j] ?? NaN;
      const x = labelWidth + j * cellWidth;
      const dark = Number.isFinite(z) && Math.abs(z) > 1.2;
      out.push(
        `<rect class="cell" x="${x}" y="${y}" width="${cellWidth - 2}" height="${cellHeight - 2}" fill="${divergingColour(z)}">` +
          `<title>${escapeXml(`${s.name} / ${name}: mean ${formatNumber(mean)}, z = ${formatNumber(z)}`)}</title></rect>`,
        `<text x="${round(x + cellWidth / 2 - 1)}" y="${y + cellHeight / 2 + 3}" font-size="10" text-anchor="middle" fill="${dark ? '#fff' : '#222'}">${formatNumber(mean)}</text>`,
      );
    });
  });
  out.push(
    `<text x="8" y="${height - 8}" font-size="10" fill="#666">Colour: mean vs all customers in sd (blue below, red above); numbers: raw means.</text>`,
    '</svg>',
  );
  return out.join('');
}
