import { describe, expect, it } from 'vitest';
import { sampleReport } from './fixtures/sample-data.js';
import { METRICS_COLUMNS, metricsTable } from './metrics-table.js';

describe('metricsTable', () => {
  it('formats each metric and flags the best per column in the right direction', () => {
    const table = metricsTable(sampleReport().algorithms, 'kmeans');
    expect(table.columns.map((column) => column.key)).toEqual(METRICS_COLUMNS.map((c) => c.key));
    const [kmeans, gmm] = table.rows;
    expect(kmeans!.primary).toBe(true);
    expect(gmm!.primary).toBe(false);
    // kmeans has the highest silhouette (0.42) and the lowest Davies-Bouldin (0.88).
    expect(kmeans!.cells[0]).toEqual({ value: 0.42, text: '0.420', best: true });
    expect(kmeans!.cells[2]!.best).toBe(true);
    // gmm has the highest Calinski-Harabasz (1500 - 39).
    expect(gmm!.cells[1]).toMatchObject({ text: '1,461', best: true });
    expect(kmeans!.cells[1]!.best).toBe(false);
    // Inertia and iterations are not compared.
    expect(table.rows.some((row) => row.cells[3]!.best || row.cells[4]!.best)).toBe(false);
  });

  it('flags nothing with one algorithm and dashes missing values', () => {
    const [first] = sampleReport().algorithms;
    const table = metricsTable([{ ...first!, silhouette: null, daviesBouldin: NaN }]);
    expect(table.rows[0]!.cells.some((cell) => cell.best)).toBe(false);
    expect(table.rows[0]!.cells[0]).toEqual({ value: null, text: '—', best: false });
    expect(table.rows[0]!.cells[2]!.text).toBe('—');
  });

  it('returns no rows for no algorithms', () => {
    expect(metricsTable([]).rows).toEqual([]);
  });

  it('counts the segments and noise rows of each algorithm (older reports: no noise)', () => {
    const base = sampleReport().algorithms[0]!;
    const table = metricsTable([
      { ...base, algorithm: 'hdbscan', k: 4, noise: 37 },
      { ...base, algorithm: 'kmeans', k: 5, noise: undefined },
    ]);
    const keys = table.columns.map((column) => column.key);
    const cell = (row: number, key: string) => table.rows[row]!.cells[keys.indexOf(key as never)]!;
    expect(cell(0, 'k').text).toBe('4');
    expect(cell(0, 'noise')).toEqual({ value: 37, text: '37', best: false });
    expect(cell(1, 'noise').text).toBe('0');
  });
});
