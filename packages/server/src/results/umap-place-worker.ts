/**
 * Worker-thread entry that places rows on a run's UMAP map (`umapTransform`), run by piscina from
 * the built dist (see umap-place.ts). Rebuilding the map's umap-js instance takes a second or two,
 * so the loaded models are kept per umap.json path (the file is immutable once written).
 */
import { readFileSync } from 'node:fs';
import { umapFromJSON, umapTransform, type UMAPModel } from '@segmint/engine';
import { move } from 'piscina';

/** The task: a umap.json path and rows in the run's clustering space, (rows, cols) row-major. */
export interface UmapPlaceTask {
  readonly file: string;
  readonly data: Float64Array;
  readonly rows: number;
  readonly cols: number;
}

const CAPACITY = 4;
const models = new Map<string, UMAPModel | null>();

/** The map's model, or null for a umap.json written before maps kept their model. */
function load(file: string): UMAPModel | null {
  const hit = models.get(file);
  if (hit !== undefined) return hit;
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { model?: unknown };
  const model = parsed.model === undefined ? null : umapFromJSON(parsed.model);
  models.set(file, model);
  if (models.size > CAPACITY) models.delete(models.keys().next().value!);
  return model;
}

/** Map coordinates (rows, 2) of the task's rows, row-major; empty when the map has no model. */
export default function placeTask(task: UmapPlaceTask): Float64Array {
  const model = load(task.file);
  if (model === null) return new Float64Array(0);
  const placed = umapTransform(model, {
    data: task.data,
    rows: task.rows,
    cols: task.cols,
  });
  return move(placed.data) as Float64Array;
}
