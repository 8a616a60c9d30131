/**
 * Keeps segment identity across runs: current segments are matched one-to-one to previous ones
 * by the Hungarian algorithm (`hungarian.ts`), either on centroid distance or on shared members,
 * so a re-run keeps each segment's id (and with it its name and colour). Unmatched current
 * segments get fresh ids above every previous id.
 *
 * Notation: P previous segments, Q current segments. By centroids: cost[q][p] = Euclidean
 * distance between centroids. By members: over rows present in both runs (aligned label
 * arrays), cost[q][p] = -n_qp, the number of rows in current q and previous p, so the matching
 * maximises the rows that keep their segment; pairs sharing no row are never matched.
 */
import { ERROR_CODES, SegmintError } from '../core/errors.js';
import { checkParams, mergeOptions, type Constraints } from '../core/params.js';
import { type MatrixLike, toMatrix } from '../matrix/matrix.js';
import { assertFinite } from '../matrix/validate.js';
import { hungarian } from './hungarian.js';

/** One run's segments as {@link matchSegments} sees them. */
export interface SegmentSnapshot {
  /** Segment ids, one per segment (default: 0..k-1 by centroid row, or the labels' distinct ids >= 0). */
  readonly ids?: ArrayLike<number>;
  /** Centroids, shape (k, d), rows aligned with `ids` (needed for `by: 'centroids'`). */
  readonly centroids?: MatrixLike;
  /** Segment id of each row present in both runs, aligned between runs; -1 = noise (`by: 'members'`). */
  readonly labels?: ArrayLike<number>;
}

/** Options of {@link matchSegments}. */
export interface MatchOptions {
  /** What to compare: centroid distance or member overlap. Default 'centroids'. */
  readonly by: 'centroids' | 'members';
  /** Centroid pairs farther apart than this are not matched (the segment counts as new). Default Infinity. */
  readonly maxDistance: number;
}

/** Defaults of {@link MatchOptions}. */
export const MATCH_DEFAULTS: MatchOptions = Object.freeze({
  by: 'centroids',
  maxDistance: Infinity,
});

const CONSTRAINTS: Constraints<MatchOptions> = {
  by: { type: 'enum', values: ['centroids', 'members'] },
  maxDistance: { type: 'any' },
};

/** Result of {@link matchSegments}; arrays are indexed like the current segments' ids. */
export interface SegmentMatching {
  /** The current segments' own ids, in order. */
  readonly currentIds: Int32Array;
  /** The id each current segment keeps: its matched previous id, or a fresh one. */
  readonly ids: Int32Array;
  /** The previous id each current segment matched, or -1 when it is new. */
  readonly previousIds: Int32Array;
  /** Match cost: centroid distance, or rows shared (members); NaN when new. */
  readonly scores: Float64Array;
  /** Previous ids that no current segment took (segments that disappeared). */
  readonly retiredIds: number[];
  /** Mapping current id -> kept id. */
  readonly mapping: ReadonlyMap<number, number>;
}

function distinctIds(labels: ArrayLike<number>): number[] {
  const ids = new Set<number>();
  for (let i = 0; i < labels.length; i++) if (labels[i]! >= 0) ids.add(labels[i]!);
  return [...ids].sort((a, b) => a - b);
}

function idsOf(snapshot: SegmentSnapshot, which: string, by: MatchOptions['by']): number[] {
  let ids: number[];
  if (snapshot.ids !== undefined) ids = Array.from(snapshot.ids);
  else if (by === 'centroids')
    ids = Array.from(
      { length: toMatrix(need(snapshot.centroids, which, 'centroids'), `${which}.centroids`).rows },
      (_, i) => i,
    );
  else ids = distinctIds(need(snapshot.labels, which, 'labels'));
  if (ids.some((id) => !Number.isInteger(id) || id < 0) || new Set(ids).size !== ids.length) {
    throw new SegmintError(
      ERROR_CODES.INVALID_LABELS,
      `matchSegments: ${which}.ids must be distinct non-negative integers.`,
      { parameter: `${which}.ids` },
    );
  }
  return ids;
}

function need<T>(value: T | undefined, which: string, field: string): T {
  if (value === undefined) {
    throw new SegmintError(
      ERROR_CODES.INVALID_PARAMETER,
      `matchSegments: ${which}.${field} is required for this 'by' mode.`,
      { parameter: `${which}.${field}` },
    );
  }
  return value;
}

/**
 * Matches the current run's segments to the previous run's (Hungarian algorithm).
 *
 * @param previous - the earlier run's segments (ids plus centroids or labels).
 * @param current - the new run's segments, same kind of data.
 * @param options - `by` ('centroids' default | 'members'), `maxDistance` (centroids only).
 * @returns {@link SegmentMatching}: per current segment the id it keeps; new segments get
 *   max(previous ids) + 1, + 2, ... in current order.
 * @throws SegmintError INVALID_PARAMETER (bad option, missing centroids/labels), INVALID_SHAPE
 *   (centroid widths differ, ids/rows mismatch), INVALID_LABELS (label arrays of different length).
 * @example
 * matchSegments({ centroids: [[0, 0], [10, 10]] }, { centroids: [[9, 9], [1, 0], [50, 50]] },
 *   { maxDistance: 5 }).ids // Int32Array [1, 0, 2]
 */
export function matchSegments(
  previous: SegmentSnapshot,
  current: SegmentSnapshot,
  options?: Partial<MatchOptions>,
): SegmentMatching {
  const settings = mergeOptions(MATCH_DEFAULTS, options);
  checkParams('matchSegments', settings, CONSTRAINTS);
  if (typeof settings.maxDistance !== 'number' || !(settings.maxDistance >= 0)) {
    throw new SegmintError(
      ERROR_CODES.INVALID_PARAMETER,
      `matchSegments: 'maxDistance' must be a number >= 0 (Infinity allowed); got ${String(settings.maxDistance)}.`,
      { parameter: 'maxDistance', value: settings.maxDistance },
    );
  }
  const previousIds = idsOf(previous, 'previous', settings.by);
  const currentIds = idsOf(current, 'current', settings.by);
  const P = previousIds.length;
  const Q = currentIds.length;
  const cost: number[][] = Array.from({ length: Q }, () => new Array<number>(P).fill(0));
  const allowed: boolean[][] = Array.from({ length: Q }, () => new Array<boolean>(P).fill(true));
  if (settings.by === 'centroids') {
    const A = toMatrix(need(previous.centroids, 'previous', 'centroids'), 'previous.centroids');
    const B = toMatrix(need(current.centroids, 'current', 'centroids'), 'current.centroids');
    assertFinite('matchSegments', A, 'previous.centroids');
    assertFinite('matchSegments', B, 'current.centroids');
    if (A.rows !== P || B.rows !== Q || (P > 0 && Q > 0 && A.cols !== B.cols)) {
      throw new SegmintError(
        ERROR_CODES.INVALID_SHAPE,
        `matchSegments: centroids must have one row per id and the same width; got (${A.rows}, ${A.cols}) for ${P} previous ids and (${B.rows}, ${B.cols}) for ${Q} current ids.`,
        {},
      );
    }
    for (let q = 0; q < Q; q++) {
      for (let p = 0; p < P; p++) {
        let s = 0;
        for (let j = 0; j < A.cols; j++)
          s += (A.data[p * A.cols + j]! - B.data[q * B.cols + j]!) ** 2;
        cost[q]![p] = Math.sqrt(s);
        allowed[q]![p] = Math.sqrt(s) <= settings.maxDistance;
      }
    }
  } else {
    const a = need(previous.labels, 'previous', 'labels');
    const b = need(current.labels, 'current', 'labels');
    if (a.length !== b.length) {
      throw new SegmintError(
        ERROR_CODES.INVALID_LABELS,
        `matchSegments: previous.labels and current.labels must be aligned (rows present in both); got lengths ${a.length} and ${b.length}.`,
        { value: [a.length, b.length] },
      );
    }
    const previousIndex = new Map(previousIds.map((id, p) => [id, p]));
    const currentIndex = new Map(currentIds.map((id, q) => [id, q]));
    for (let i = 0; i < a.length; i++) {
      const p = previousIndex.get(a[i]!);
      const q = currentIndex.get(b[i]!);
      if (p !== undefined && q !== undefined) cost[q]![p]!--;
    }
    for (let q = 0; q < Q; q++) for (let p = 0; p < P; p++) allowed[q]![p] = cost[q]![p]! < 0;
  }
  const assignment = hungarian(cost.length === 0 ? [] : cost);
  let nextId = previousIds.reduce((m, id) => Math.max(m, id), -1) + 1;
  const ids = new Int32Array(Q);
  const matched = new Int32Array(Q).fill(-1);
  const scores = new Float64Array(Q).fill(NaN);
  const taken = new Set<number>();
  for (let q = 0; q < Q; q++) {
    const p = P === 0 ? -1 : assignment.rowToColumn[q]!;
    if (p >= 0 && allowed[q]![p]) {
      matched[q] = previousIds[p]!;
      ids[q] = previousIds[p]!;
      scores[q] = settings.by === 'centroids' ? cost[q]![p]! : -cost[q]![p]!;
      taken.add(previousIds[p]!);
    } else {
      ids[q] = nextId++;
    }
  }
  return {
    currentIds: Int32Array.from(currentIds),
    ids,
    previousIds: matched,
    scores,
    retiredIds: previousIds.filter((id) => !taken.has(id)),
    mapping: new Map(currentIds.map((id, q) => [id, ids[q]!])),
  };
}

/**
 * Relabels rows with the ids a matching kept (noise and unknown labels stay as they are).
 * @example applySegmentMatching([0, 1, -1], matching) // Int32Array of kept ids
 */
export function applySegmentMatching(
  labels: ArrayLike<number>,
  matching: SegmentMatching,
): Int32Array {
  const out = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) out[i] = matching.mapping.get(labels[i]!) ?? labels[i]!;
  return out;
}
