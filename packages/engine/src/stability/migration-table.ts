/**
 * How many customers moved from which segment to which between two runs, over the rows present
 * in both (joined by row key, or aligned by position when no keys are given).
 *
 * Notation: P previous segment ids, Q current segment ids (noise -1 is a segment here, so rows
 * leaving or joining the noise are counted); counts[p][q] = rows in previous p and current q.
 * Compare runs after {@link matchSegments} so that "stayed" means the same id.
 */
import { ERROR_CODES, SegmintError } from '../core/errors.js';

/** Result of {@link migrationTable}. */
export interface MigrationTable {
  /** Distinct previous segment ids, ascending (rows of `counts`). */
  readonly previousSegments: number[];
  /** Distinct current segment ids, ascending (columns of `counts`). */
  readonly currentSegments: number[];
  /** counts[p][q]: rows that were in previousSegments[p] and are in currentSegments[q]. */
  readonly counts: number[][];
  /** Rows present in both runs. */
  readonly rows: number;
  /** Rows whose segment id changed. */
  readonly moved: number;
}

/** Options of {@link migrationTable}. */
export interface MigrationOptions {
  /** Row keys (customer ids) of the previous labels; with `currentKeys`, rows are joined on them. */
  readonly previousKeys?: ArrayLike<string | number>;
  /** Row keys of the current labels. */
  readonly currentKeys?: ArrayLike<string | number>;
}

function checkLabels(labels: ArrayLike<number>, name: string): void {
  for (let i = 0; i < labels.length; i++) {
    if (!Number.isInteger(labels[i])) {
      throw new SegmintError(
        ERROR_CODES.INVALID_LABELS,
        `migrationTable: ${name}[${i}] must be an integer segment id; got ${String(labels[i])}.`,
        { parameter: name, row: i, value: labels[i] },
      );
    }
  }
}

/**
 * Counts rows moving between segments from one run to the next.
 *
 * @param previousLabels - segment id per row of the previous run (-1 = noise).
 * @param currentLabels - segment id per row of the current run.
 * @param options - `previousKeys` and `currentKeys` (both or neither) to join rows by key; keys
 *   must be unique within a run. Without keys the arrays must have the same length.
 * @returns {@link MigrationTable}.
 * @throws SegmintError INVALID_LABELS for non-integer labels, mismatched lengths, or duplicate keys.
 * @example migrationTable([0, 0, 1], [0, 1, 1]).counts // [[1, 1], [0, 1]]
 */
export function migrationTable(
  previousLabels: ArrayLike<number>,
  currentLabels: ArrayLike<number>,
  options: MigrationOptions = {},
): MigrationTable {
  checkLabels(previousLabels, 'previousLabels');
  checkLabels(currentLabels, 'currentLabels');
  const pairs: Array<[number, number]> = [];
  const { previousKeys, currentKeys } = options;
  if ((previousKeys === undefined) !== (currentKeys === undefined)) {
    throw new SegmintError(
      ERROR_CODES.INVALID_LABELS,
      'migrationTable: give both previousKeys and currentKeys, or neither.',
      {},
    );
  }
  if (previousKeys !== undefined && currentKeys !== undefined) {
    if (
      previousKeys.length !== previousLabels.length ||
      currentKeys.length !== currentLabels.length
    )
      throw new SegmintError(
        ERROR_CODES.INVALID_LABELS,
        'migrationTable: each run needs one key per label.',
        {},
      );
    const previousRow = new Map<string | number, number>();
    for (let i = 0; i < previousKeys.length; i++) {
      if (previousRow.has(previousKeys[i]!))
        throw new SegmintError(
          ERROR_CODES.INVALID_LABELS,
          `migrationTable: previousKeys has the duplicate key ${JSON.stringify(previousKeys[i])}.`,
          { row: i, value: previousKeys[i] },
        );
      previousRow.set(previousKeys[i]!, i);
    }
    const seen = new Set<string | number>();
    for (let i = 0; i < currentKeys.length; i++) {
      const key = currentKeys[i]!;
      if (seen.has(key))
        throw new SegmintError(
          ERROR_CODES.INVALID_LABELS,
          `migrationTable: currentKeys has the duplicate key ${JSON.stringify(key)}.`,
          { row: i, value: key },
        );
      seen.add(key);
      const row = previousRow.get(key);
      if (row !== undefined) pairs.push([previousLabels[row]!, currentLabels[i]!]);
    }
  } else {
    if (previousLabels.length !== currentLabels.length) {
      throw new SegmintError(
        ERROR_CODES.INVALID_LABELS,
        `migrationTable: without keys the runs must be aligned; got ${previousLabels.length} and ${currentLabels.length} labels.`,
        { value: [previousLabels.length, currentLabels.length] },
      );
    }
    for (let i = 0; i < previousLabels.length; i++)
      pairs.push([previousLabels[i]!, currentLabels[i]!]);
  }
  const previousSegments = [...new Set(pairs.map((p) => p[0]))].sort((a, b) => a - b);
  const currentSegments = [...new Set(pairs.map((p) => p[1]))].sort((a, b) => a - b);
  const rowOf = new Map(previousSegments.map((id, p) => [id, p]));
  const columnOf = new Map(currentSegments.map((id, q) => [id, q]));
  const counts = previousSegments.map(() => new Array<number>(currentSegments.length).fill(0));
  let moved = 0;
  for (const [a, b] of pairs) {
    counts[rowOf.get(a)!]![columnOf.get(b)!]!++;
    if (a !== b) moved++;
  }
  return { previousSegments, currentSegments, counts, rows: pairs.length, moved };
}
