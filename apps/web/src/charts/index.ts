/**
 * Charts: pure builders (results -> Plotly `{ data, layout, config }` specs), the shared palette
 * and number formatting, and the `<Plot>` component that renders a spec with lazily loaded
 * Plotly. Pages import the builder files directly; this index lists the public surface.
 */
export * from './agreement.js';
export * from './compare-map.js';
export * from './criteria.js';
export * from './criteria-names.js';
export * from './crosstab.js';
export * from './dendrogram.js';
export * from './distribution.js';
export * from './elbow.js';
export * from './format.js';
export * from './heatmap.js';
export * from './map2d.js';
export * from './map3d.js';
export * from './metrics-table.js';
export * from './palette.js';
export * from './Plot.js';
export * from './projection.js';
export * from './radar.js';
export * from './segment-means.js';
export * from './silhouette.js';
export * from './sizes.js';
export * from './spec.js';
export * from './spec-key.js';
export * from './vote.js';
