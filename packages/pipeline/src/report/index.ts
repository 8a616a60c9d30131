/** Run reports: report.json's shape, the self-contained report.html and its pure SVG charts. */
export * from './report-types.js';
export * from './report-html.js';
export * from './k-curves-svg.js';
export * from './segment-map-svg.js';
export * from './sizes-svg.js';
export * from './heatmap-svg.js';
export { escapeXml, segmentColour, SEGMENT_COLOURS } from './svg.js';
export * from './dashboard-types.js';
export * from './dashboard-json.js';
