/**
 * Metrics table data: one row per algorithm with its quality at the chosen k (silhouette,
 * Calinski-Harabasz, Davies-Bouldin, inertia, iterations, converged, segments found, noise rows),
 * formatted, and the best
 * value of each metric flagged (higher silhouette and Calinski-Harabasz, lower Davies-Bouldin).
 * Plain data for an HTML table: no Plotly.
 */
import type { ReportAlgorithm } from '../api/types.js';
import { formatFixed, formatInteger, formatNumber } from './format.js';
import { isFiniteNumber } from './spec.js';

/** A column of the metrics table. */
export interface MetricsColumn {
  readonly key:
    'silhouette' | 'calinskiHarabasz' | 'daviesBouldin' | 'inertia' | 'iterations' | 'k' | 'noise';
  readonly label: string;
  /** Which direction is better; null when the column is not compared (inertia, iterations). */
  readonly better: 'higher' | 'lower' | null;
}

/** A cell: the raw value, its text, and whether it is the best in its column. */
export interface MetricsCell {
  readonly value: number | null;
  readonly text: string;
  readonly best: boolean;
}

/** A row: one algorithm. */
export interface MetricsRow {
  readonly algorithm: string;
  readonly primary: boolean;
  readonly converged: boolean;
  readonly warnings: number;
  readonly cells: readonly MetricsCell[];
}

/** The table. */
export interface MetricsTable {
  readonly columns: readonly MetricsColumn[];
  readonly rows: readonly MetricsRow[];
}

/** The columns, in display order. */
export const METRICS_COLUMNS: readonly MetricsColumn[] = Object.freeze([
  { key: 'silhouette', label: 'Silhouette', better: 'higher' },
  { key: 'calinskiHarabasz', label: 'Calinski-Harabasz', better: 'higher' },
  { key: 'daviesBouldin', label: 'Davies-Bouldin', better: 'lower' },
  { key: 'inertia', label: 'Inertia', better: null },
  { key: 'iterations', label: 'Iterations', better: null },
  { key: 'k', label: 'Segments', better: null },
  { key: 'noise', label: 'Noise rows', better: null },
] as const);

function cellText(key: MetricsColumn['key'], value: number | null): string {
  if (key === 'iterations' || key === 'k' || key === 'noise') return formatInteger(value);
  if (key === 'silhouette' || key === 'daviesBouldin') return formatFixed(value, 3);
  return formatNumber(value);
}

/**
 * Builds the metrics table.
 * @param algorithms - `report.algorithms`.
 * @param primary - `report.primaryAlgorithm` (its row is flagged `primary`).
 * @returns Rows in report order; with one algorithm nothing is flagged best (nothing to beat).
 * @example metricsTable(report.algorithms, report.primaryAlgorithm).rows[0].cells[0].text // '0.412'
 */
export function metricsTable(
  algorithms: readonly ReportAlgorithm[],
  primary?: string,
): MetricsTable {
  const best = new Map<MetricsColumn['key'], number>();
  if (algorithms.length > 1) {
    for (const column of METRICS_COLUMNS) {
      if (column.better === null) continue;
      const values = algorithms.map((entry) => entry[column.key]).filter(isFiniteNumber);
      if (values.length === 0) continue;
      best.set(column.key, column.better === 'higher' ? Math.max(...values) : Math.min(...values));
    }
  }
  return {
    columns: METRICS_COLUMNS,
    rows: algorithms.map((entry) => ({
      algorithm: entry.algorithm,
      primary: entry.algorithm === primary,
      converged: entry.converged,
      warnings: entry.warnings.length,
      cells: METRICS_COLUMNS.map((column) => {
        // Reports from before noise existed have no noise count: those runs had none.
        const raw = column.key === 'noise' ? (entry.noise ?? 0) : entry[column.key];
        const value = isFiniteNumber(raw) ? raw : null;
        return {
          value,
          text: cellText(column.key, value),
          best: value !== null && best.get(column.key) === value,
        };
      }),
    })),
  };
}
