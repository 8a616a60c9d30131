import { describe, expect, it } from 'vitest';
import type { SelectionCurves } from '@segmint/engine';
import { heatmapFromProfiles, profileHeatmapSvg } from './heatmap-svg.js';
import { kCurvesSvg } from './k-curves-svg.js';
import { downsamplePoints, segmentMapSvg } from './segment-map-svg.js';
import { segmentSizesSvg } from './sizes-svg.js';
import { divergingColour, escapeXml, formatNumber, linePath, niceTicks } from './svg.js';

const silhouette = [0.5, 0.7, 0.5, 0.4];
const curves: SelectionCurves = {
  k: [2, 3, 4, 5],
  inertia: [100, 20, 15, 12],
  silhouette,
  silhouetteLower: silhouette,
  silhouetteUpper: silhouette,
  calinskiHarabasz: [50, 90, 70, 60],
  daviesBouldin: [0.8, 0.4, 0.7, 0.9],
};

const count = (text: string, pattern: RegExp) => (text.match(pattern) ?? []).length;

describe('svg helpers', () => {
  it('escapes markup and quotes', () => {
    expect(escapeXml(`<script>"a" & 'b'</script>`)).toBe(
      '&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;',
    );
  });

  it('formats numbers and ticks', () => {
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(0.12345)).toBe('0.123');
    expect(formatNumber(NaN)).toBe('n/a');
    expect(niceTicks(0, 10, 5)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(0.13, 0.61, 4)).toEqual([0.2, 0.4, 0.6]);
  });

  it('breaks a line path at non-finite values', () => {
    expect(linePath([0, 10, 20, 30], [5, NaN, 7, 8])).toBe('M0,5M20,7L30,8');
  });

  it('maps z to a diverging colour (white at 0, saturated beyond the limit)', () => {
    expect(divergingColour(0)).toBe('rgb(255,255,255)');
    expect(divergingColour(5)).toBe('rgb(178,24,43)');
    expect(divergingColour(-2)).toBe('rgb(33,102,172)');
  });
});

describe('kCurvesSvg', () => {
  it('draws one path per criterion, marks the knee and the chosen k', () => {
    const svg = kCurvesSvg(curves, { knee: 3, chosenK: 3 });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    expect(count(svg, /<path class="curve"/g)).toBe(4);
    for (const criterion of ['elbow', 'silhouette', 'calinski-harabasz', 'davies-bouldin'])
      expect(svg).toContain(`data-criterion="${criterion}"`);
    expect(count(svg, /class="knee"/g)).toBe(1);
    expect(svg).toContain('knee at k = 3');
    expect(count(svg, /class="chosen"/g)).toBe(4);
  });

  it('omits the knee when there is none and draws a band for an estimated silhouette', () => {
    const svg = kCurvesSvg(
      { ...curves, silhouetteLower: [0.4, 0.6, 0.4, 0.3], silhouetteUpper: [0.6, 0.8, 0.6, 0.5] },
      { knee: null },
    );
    expect(svg).not.toContain('class="knee"');
    expect(svg).not.toContain('class="chosen"');
    expect(count(svg, /class="band"/g)).toBe(1);
  });

  it('scales each panel to its own values (the inertia minimum sits on the lowest point)', () => {
    const svg = kCurvesSvg(curves);
    const path = /data-criterion="elbow" d="([^"]+)"/.exec(svg)![1]!;
    const ys = [...path.matchAll(/[ML][\d.]+,([\d.]+)/g)].map((m) => Number(m[1]));
    expect(ys).toHaveLength(4);
    // SVG y grows downwards: the largest inertia (k = 2) is highest on screen.
    expect(Math.min(...ys)).toBe(ys[0]);
    expect(Math.max(...ys)).toBe(ys[3]);
  });
});

describe('segment map', () => {
  const n = 12_000;
  const points = {
    x: Float64Array.from({ length: n }, (_, i) => Math.cos(i)),
    y: Float64Array.from({ length: n }, (_, i) => Math.sin(i)),
    segment: Int32Array.from({ length: n }, (_, i) => i % 3),
  };

  it('downsamples to at most maxPoints, deterministically, in input order', () => {
    const a = downsamplePoints(points, { maxPoints: 5000, seed: 1 });
    const b = downsamplePoints(points, { maxPoints: 5000, seed: 1 });
    expect(a.x).toHaveLength(5000);
    expect(a.total).toBe(n);
    expect(a.x).toEqual(b.x);
    expect(downsamplePoints(points, { maxPoints: 5000, seed: 2 }).x).not.toEqual(a.x);
    expect(downsamplePoints(points, { maxPoints: 20_000 }).x).toHaveLength(n);
  });

  it('draws one circle per sampled point and says it sampled', () => {
    const svg = segmentMapSvg(points, ['A', 'B', '<C>']);
    const inner = /<g class="points"[^>]*>(.*?)<\/g>/.exec(svg)![1]!;
    expect(count(inner, /<circle/g)).toBe(5000);
    expect(svg).toContain('showing a random sample of 5,000 of 12,000 customers');
    expect(svg).toContain('&lt;C&gt;');
    expect(svg).not.toContain('<C>');
  });
});

describe('segmentSizesSvg', () => {
  it('draws one bar per segment, the largest share full width', () => {
    const svg = segmentSizesSvg([
      { segment: 0, name: 'Big', size: 300, share: 0.75 },
      { segment: 1, name: 'Small', size: 100, share: 0.25 },
    ]);
    const widths = [...svg.matchAll(/class="bar"[^>]* width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(2);
    expect(widths[0]! / widths[1]!).toBeCloseTo(3, 3);
    expect(svg).toContain('300 (75.0%)');
  });
});

describe('profile heatmap', () => {
  const profiles = [
    {
      segment: 0,
      name: 'Rich',
      numeric: [
        { feature: 'income', mean: 90, overallMean: 50, overallStd: 20 },
        { feature: 'age', mean: 40, overallMean: 40, overallStd: 0 },
      ],
    },
    {
      segment: 1,
      name: 'Poor',
      numeric: [
        { feature: 'income', mean: 30, overallMean: 50, overallStd: 20 },
        { feature: 'age', mean: 40, overallMean: 40, overallStd: 0 },
      ],
    },
  ];

  it('standardises means against the overall mean and std (0 for a constant feature)', () => {
    const heatmap = heatmapFromProfiles(profiles);
    expect(heatmap.features).toEqual(['income', 'age']);
    expect(heatmap.z).toEqual([
      [2, 0],
      [-1, 0],
    ]);
    expect(heatmap.mean).toEqual([
      [90, 40],
      [30, 40],
    ]);
  });

  it('draws k x f cells annotated with raw means and escapes feature names', () => {
    const heatmap = heatmapFromProfiles([
      { ...profiles[0]!, numeric: [{ ...profiles[0]!.numeric[0]!, feature: '<script>' }] },
    ]);
    const svg = profileHeatmapSvg(heatmap);
    expect(count(svg, /class="cell"/g)).toBe(1);
    expect(svg).toContain('>90<');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).not.toContain('<script>');
  });
});
