/**
 * The dendrogram of a run's first agglomerative fit, for report.json and the dashboard: SciPy-style
 * link segments (engine `dendrogram`) truncated to the last {@link DENDROGRAM_LEAVES} merges, with
 * link colours grouped below the height where the tree was cut into the run's segments.
 */
import {
  agglomerativeFromJSON,
  dendrogram,
  type Dendrogram,
  type SegmentationFit,
} from '@segmint/engine';

/** Leaves drawn at most (the last merges above them; smaller subtrees collapse to "(size)"). */
export const DENDROGRAM_LEAVES = 40;

/** A run's dendrogram. */
export interface RunDendrogram extends Dendrogram {
  readonly algorithm: 'agglomerative';
  readonly linkage: string;
  /** Rows clustered (leaves before truncation). */
  readonly rows: number;
  /** Height of the cut that gives the run's segments (between two merge heights), or null. */
  readonly cutHeight: number | null;
  /** Leaves shown when truncated, else null. */
  readonly truncatedTo: number | null;
}

/** The dendrogram of the first agglomerative fit, or null when none ran. */
export function runDendrogram(
  fits: readonly { algorithm: string; fit: SegmentationFit }[],
): RunDendrogram | null {
  const found = fits.find((f) => f.algorithm === 'agglomerative');
  if (found === undefined || found.fit.model.clusterer.kind !== 'algorithm') return null;
  const model = agglomerativeFromJSON(found.fit.model.clusterer.fitted);
  const heights = model.linkage.distance;
  const merges = heights.length;
  const k = found.fit.model.segments.length;
  // Cutting into k segments undoes the last k - 1 merges: the cut lies between merge
  // merges - k (kept) and merges - k + 1 (undone).
  const cutHeight =
    k >= 2 && merges - k + 1 < merges && merges - k >= 0
      ? (heights[merges - k]! + heights[merges - k + 1]!) / 2
      : null;
  const truncate = merges + 1 > DENDROGRAM_LEAVES ? DENDROGRAM_LEAVES : undefined;
  const tree = dendrogram(model.linkage, {
    ...(truncate === undefined ? {} : { truncate }),
    ...(cutHeight === null ? {} : { colorThreshold: cutHeight }),
  });
  return {
    ...tree,
    algorithm: 'agglomerative',
    linkage: model.options.linkage,
    rows: merges + 1,
    cutHeight,
    truncatedTo: truncate ?? null,
  };
}
