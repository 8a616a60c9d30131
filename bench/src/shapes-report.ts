/**
 * The pure half of the shape-set benchmark (`shapes.ts`): ARI against the best of a set's
 * reference partitions, the eps grid for DBSCAN from the k-distance curve, and the README table.
 */

/** One algorithm on one shape set. */
export interface ShapeCell {
  /** Best ARI against the set's reference partitions (labels0, labels1, ...), or null. */
  readonly ari: number | null;
  /** Parameters used (the best ones for grid-tuned algorithms). */
  readonly params: Record<string, unknown>;
  /** Clusters found (noise excluded). */
  readonly clusters: number | null;
  /** "not available" (not exported by the engine) or the error message. */
  readonly note?: string;
  /** Fit time in seconds (of the reported parameters). */
  readonly seconds?: number;
}

/** One shape set's row. */
export interface ShapeRow {
  readonly dataset: string;
  readonly n: number;
  readonly k: number;
  readonly cells: Record<string, ShapeCell>;
}

/** The largest ARI of `labels` against any of the reference partitions. */
export function bestAri(
  ari: (a: ArrayLike<number>, b: ArrayLike<number>) => number,
  labels: ArrayLike<number>,
  references: readonly ArrayLike<number>[],
): number {
  return Math.max(...references.map((reference) => ari(reference, labels)));
}

/**
 * Distance of every point to its `k`-th nearest other point (brute force; the shape sets have
 * under 1,000 points), sorted ascending: the k-distance curve of Ester et al. (1996).
 */
export function kDistances(data: Float64Array, rows: number, cols: number, k: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < rows; i++) {
    const distances: number[] = [];
    for (let j = 0; j < rows; j++) {
      if (j === i) continue;
      let s = 0;
      for (let c = 0; c < cols; c++) s += (data[i * cols + c]! - data[j * cols + c]!) ** 2;
      distances.push(Math.sqrt(s));
    }
    distances.sort((a, b) => a - b);
    out.push(distances[Math.min(k, distances.length) - 1]!);
  }
  return out.sort((a, b) => a - b);
}

/** The value at quantile q of sorted values (nearest rank). */
export function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))]!;
}

function formatParams(params: Record<string, unknown>, keys: readonly string[]): string {
  return keys
    .filter((key) => params[key] !== undefined)
    .map((key) => {
      const value = params[key];
      return `${key} ${typeof value === 'number' ? Number(value.toPrecision(3)) : String(value)}`;
    })
    .join(', ');
}

/** The README table: one row per set, one column per algorithm; tuned cells name their parameters. */
export function shapesTable(
  rows: readonly ShapeRow[],
  columns: readonly string[],
  tunedKeys: Readonly<Record<string, readonly string[]>>,
): string {
  const header = `| set | n | k | ${columns.join(' | ')} |`;
  const rule = `|${' --- |'.repeat(columns.length + 3)}`;
  const lines = rows.map((row) => {
    const cells = columns.map((column) => {
      const cell = row.cells[column];
      if (!cell) return '–';
      if (cell.ari === null) return cell.note ?? '–';
      const tuned = tunedKeys[column];
      const suffix = tuned ? ` (${formatParams(cell.params, tuned)})` : '';
      return `${cell.ari.toFixed(3)}${suffix}`;
    });
    return `| ${row.dataset} | ${row.n} | ${row.k} | ${cells.join(' | ')} |`;
  });
  return [header, rule, ...lines].join('\n');
}

/** Replaces (or appends) the text between `<!-- bench:shapes:start -->` and its end marker. */
export function replaceShapesSection(readme: string, body: string): string {
  const start = '<!-- bench:shapes:start -->';
  const end = '<!-- bench:shapes:end -->';
  const block = `${start}\n${body.trim()}\n${end}`;
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from === -1 || to === -1 || to < from) return `${readme.trimEnd()}\n\n${block}\n`;
  return readme.slice(0, from) + block + readme.slice(to + end.length);
}
