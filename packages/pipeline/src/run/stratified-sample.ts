/**
 * Seeded stratified sampling of rows by segment, for the dashboard's maps, silhouette plot and
 * distributions: every segment keeps its share of the sample (proportional allocation, largest
 * remainders), and a segment with any rows keeps at least one, so small segments never vanish
 * from a downsampled map. Within a segment the rows are a seeded uniform sample without
 * replacement; the result is in input order, the same for a seed on every machine.
 *
 * Names: n = rows, m = sample size, k = segments (labels 0..k-1, gaps allowed).
 */
import { createRandom, permutation } from '@segmint/engine';

/**
 * Row indices of a stratified sample of at most `maxRows` rows (all rows when n <= maxRows).
 * @param labels - segment of each row (non-negative integers).
 * @param maxRows - sample size cap (>= 1).
 * @param seed - random seed (default 0).
 * @returns ascending row indices; length min(n, maxRows) (or k when there are more segments than
 *   `maxRows`: one row each).
 * @example stratifiedSample(Int32Array.from([0, 0, 0, 1]), 2) // one row of segment 0, row 3
 */
export function stratifiedSample(labels: ArrayLike<number>, maxRows: number, seed = 0): Int32Array {
  const n = labels.length;
  const cap = Math.max(1, Math.floor(maxRows));
  if (n <= cap) return Int32Array.from({ length: n }, (_, i) => i);
  const members = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const label = labels[i]!;
    let list = members.get(label);
    if (list === undefined) {
      list = [];
      members.set(label, list);
    }
    list.push(i);
  }
  const quotas = allocate(
    [...members.entries()].map(([label, rows]) => ({ label, size: rows.length })),
    cap,
    n,
  );
  const random = createRandom(seed);
  const chosen: number[] = [];
  for (const [label, rows] of members) {
    const quota = quotas.get(label) ?? 0;
    if (quota >= rows.length) {
      chosen.push(...rows);
      continue;
    }
    const order = permutation(rows.length, random);
    for (let j = 0; j < quota; j++) chosen.push(rows[order[j]!]!);
  }
  return Int32Array.from(chosen.sort((a, b) => a - b));
}

/** Proportional quotas summing to `cap` (largest remainders), at least one per segment. */
function allocate(
  groups: readonly { label: number; size: number }[],
  cap: number,
  n: number,
): Map<number, number> {
  const quotas = new Map<number, number>();
  const remainders: { label: number; remainder: number }[] = [];
  let assigned = 0;
  for (const { label, size } of groups) {
    const exact = (size * cap) / n;
    const quota = Math.max(1, Math.min(size, Math.floor(exact)));
    quotas.set(label, quota);
    assigned += quota;
    remainders.push({ label, remainder: exact - Math.floor(exact) });
  }
  remainders.sort((a, b) => b.remainder - a.remainder || a.label - b.label);
  const sizes = new Map(groups.map((g) => [g.label, g.size]));
  for (let i = 0; assigned < cap && i < remainders.length; i++) {
    const { label } = remainders[i]!;
    const quota = quotas.get(label)!;
    if (quota < sizes.get(label)!) {
      quotas.set(label, quota + 1);
      assigned += 1;
    }
  }
  return quotas;
}
