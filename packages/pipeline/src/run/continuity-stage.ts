/**
 * Continuity between runs: a re-run (`RunPipelineOptions.previousRun`, the previous run's output
 * folder) keeps each segment's id, name and colour. The previous run's segments.parquet is read,
 * rows are joined on their id (the id column, else the row number), the new segments are matched
 * one-to-one to the previous ones by shared members (engine `matchSegments`, Hungarian algorithm),
 * the new segments are renumbered in the order of the ids they keep (so an unchanged segmentation
 * keeps exactly its ids), matched segments keep their previous names, and a migration table says
 * how many customers moved from which segment to which.
 */
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import {
  ERROR_CODES,
  matchSegments,
  migrationTable,
  NOISE_SEGMENT_NAME,
  relabelSegments,
  SegmintError,
  withSegmentNames,
  type SegmentationFit,
} from '@segmint/engine';
import { loadSource, readTable, type Database } from '@segmint/data';
import type { ProfiledSegments } from './profile-stage.js';

/** The previous run's assignment, by row key. */
export interface PreviousSegments {
  readonly dir: string;
  readonly keys: string[];
  readonly segments: Int32Array;
  /** Name of each previous segment id. */
  readonly names: ReadonlyMap<number, string>;
}

/** report.json's `continuity`. */
export interface ReportContinuity {
  /** The previous run's output folder. */
  readonly previousRun: string;
  /** Rows present in both runs (joined on the id). */
  readonly commonRows: number;
  /** Rows whose segment changed. */
  readonly moved: number;
  /** Per current segment: the previous segment it continues (null: new) and the rows shared. */
  readonly segments: readonly {
    readonly segment: number;
    readonly previousSegment: number | null;
    readonly sharedRows: number;
  }[];
  /** Previous segments no current segment continues. */
  readonly retired: readonly { readonly segment: number; readonly name: string }[];
  /** counts[p][q]: rows in previous segment rows[p] and current segment columns[q] (names). */
  readonly migration: {
    readonly rows: readonly string[];
    readonly columns: readonly string[];
    readonly counts: readonly (readonly number[])[];
  };
}

/** Row keys as strings: the id values, else row numbers 1..n. */
export function rowKeys(ids: readonly (string | number | null)[] | null, rows: number): string[] {
  return ids === null
    ? Array.from({ length: rows }, (_, i) => String(i + 1))
    : ids.map((id, i) => (id === null ? `#${i + 1}` : String(id)));
}

/**
 * Reads a previous run's segments.parquet.
 * @throws SegmintError INVALID_FILE naming the folder when it holds no segments.parquet.
 */
export async function readPreviousSegments(db: Database, dir: string): Promise<PreviousSegments> {
  const path = join(dir, 'segments.parquet');
  if (!existsSync(path)) {
    throw new SegmintError(
      ERROR_CODES.INVALID_FILE,
      `previous run ${dir}: no segments.parquet there; pass the output folder of a finished run.`,
      { file: path },
    );
  }
  await loadSource(db, { path }, { table: 'previous_segments' });
  const t = await readTable(db, 'previous_segments');
  const [idColumn] = t.columns;
  const segment = t.columns.find((c) => c.name === 'segment');
  const name = t.columns.find((c) => c.name === 'segment_name');
  if (idColumn === undefined || segment === undefined || name === undefined) {
    throw new SegmintError(
      ERROR_CODES.INVALID_FILE,
      `previous run ${dir}: segments.parquet lacks the id, 'segment' or 'segment_name' column.`,
      { file: path },
    );
  }
  const keys = Array.from({ length: t.rows }, (_, i) => String(idColumn.values[i] ?? `#${i + 1}`));
  const segments = Int32Array.from({ length: t.rows }, (_, i) => Number(segment.values[i]));
  const names = new Map<number, string>();
  segments.forEach((s, i) => {
    if (s >= 0 && !names.has(s)) names.set(s, String(name.values[i]));
  });
  return { dir, keys, segments, names };
}

/** Previous labels aligned to `keys` (-2 where the row is new). */
function aligned(previous: PreviousSegments, keys: readonly string[]): Int32Array {
  const byKey = new Map<string, number>();
  previous.keys.forEach((key, i) => byKey.set(key, previous.segments[i]!));
  return Int32Array.from(keys, (key) => byKey.get(key) ?? -2);
}

/**
 * Renumbers the primary fit so its segments keep the ids of the previous run's, and returns the
 * previous names of the matched segments (null for new ones), by new id.
 * @param keys - row key of each kept training row (aligned with `fit.labels`).
 */
export function continueSegments(
  fit: SegmentationFit,
  keys: readonly string[],
  previous: PreviousSegments,
): { fit: SegmentationFit; names: (string | null)[]; previousIds: (number | null)[] } {
  const previousLabels = aligned(previous, keys);
  const rows: number[] = [];
  previousLabels.forEach((label, i) => {
    if (label !== -2) rows.push(i);
  });
  const k = fit.model.segments.length;
  const identity = Array.from({ length: k }, (_, i) => i);
  if (rows.length === 0) {
    return { fit, names: identity.map(() => null), previousIds: identity.map(() => null) };
  }
  const matching = matchSegments(
    {
      ids: [...previous.names.keys()].sort((a, b) => a - b),
      labels: rows.map((i) => previousLabels[i]!),
    },
    { ids: identity, labels: rows.map((i) => fit.labels[i]!) },
    { by: 'members' },
  );
  // Renumber in the order of the kept ids: unchanged segmentations keep exactly their ids.
  const byKept = identity.slice().sort((a, b) => matching.ids[a]! - matching.ids[b]!);
  const order = new Int32Array(k);
  byKept.forEach((current, rank) => (order[current] = rank));
  const { model, relabel } = relabelSegments(fit.model, order);
  const names: (string | null)[] = new Array<string | null>(k).fill(null);
  const previousIds: (number | null)[] = new Array<number | null>(k).fill(null);
  identity.forEach((current) => {
    const previousId = matching.previousIds[current]!;
    if (previousId >= 0) {
      names[order[current]!] = previous.names.get(previousId) ?? null;
      previousIds[order[current]!] = previousId;
    }
  });
  return { fit: { ...fit, model, labels: relabel(fit.labels) }, names, previousIds };
}

/** Profiles renamed: matched segments take their previous names (unique names kept). */
export function renameProfiled(
  profiled: ProfiledSegments,
  names: readonly (string | null)[],
): ProfiledSegments {
  const final = profiled.model.segments.map((s, i) => names[i] ?? s.name);
  for (let i = 0; i < final.length; i++) {
    // A new segment whose generated name equals a kept one gets a suffix.
    if (names[i] === null && final.indexOf(final[i]!) !== i) final[i] = `${final[i]} (new)`;
  }
  return {
    ...profiled,
    model: withSegmentNames(profiled.model, final),
    predictions: profiled.predictions.map((p) =>
      p.segment < 0 ? p : { ...p, segmentName: final[p.segment]! },
    ),
    profiles: profiled.profiles.map((p) => ({ ...p, name: final[p.segment] ?? p.name })),
  };
}

/** The continuity record of the report: matches, retired segments and the migration table. */
export function continuityReport(
  previous: PreviousSegments,
  keys: readonly string[],
  segments: Int32Array,
  currentNames: readonly string[],
  previousIds: readonly (number | null)[],
): ReportContinuity {
  const table = migrationTable(previous.segments, segments, {
    previousKeys: previous.keys,
    currentKeys: keys,
  });
  const label = (names: (id: number) => string | undefined) => (id: number) =>
    id < 0 ? NOISE_SEGMENT_NAME : (names(id) ?? `Segment ${id + 1}`);
  const previousName = label((id) => previous.names.get(id));
  const currentName = label((id) => currentNames[id]);
  const shared = (current: number, previousId: number | null): number => {
    if (previousId === null) return 0;
    const p = table.previousSegments.indexOf(previousId);
    const q = table.currentSegments.indexOf(current);
    return p < 0 || q < 0 ? 0 : table.counts[p]![q]!;
  };
  const continued = new Set(previousIds.filter((id): id is number => id !== null));
  return {
    previousRun: previous.dir,
    commonRows: table.rows,
    moved: table.moved,
    segments: currentNames.map((_, segment) => ({
      segment,
      previousSegment: previousIds[segment] ?? null,
      sharedRows: shared(segment, previousIds[segment] ?? null),
    })),
    retired: [...previous.names]
      .filter(([id]) => !continued.has(id))
      .map(([segment, name]) => ({ segment, name })),
    migration: {
      rows: table.previousSegments.map(previousName),
      columns: table.currentSegments.map(currentName),
      counts: table.counts,
    },
  };
}
