/**
 * Worker-thread entry of batch predict (run by piscina from the built dist; see predict-pool.ts).
 * It receives the raw JSON body bytes (transferred, not copied) and the model file path, and does
 * all the CPU work off the event loop: UTF-8 decoding, JSON parse, structural and per-value checks,
 * preprocessing, PCA and nearest centroid, and the response JSON, returned as UTF-8 bytes
 * (transferred back; the main thread sends them as they are). Parsed model files are cached per path (model files are
 * immutable once a run has written them; the main thread checks the catalog before dispatching).
 *
 * Anything else is returned as data: a fallback (the model needs the file path: derive
 * recipes, RFM), or an error `{ status?, code, message, details }` that the main thread rethrows,
 * so responses equal the in-thread path byte for byte.
 */
import { readFileSync } from 'node:fs';
import { isSegmintError } from '@segmint/engine';
import { move } from 'piscina';
import { parseModelFile, type RunModelFile } from '@segmint/pipeline';
import { parsePredictBody } from './predict-body.js';
import { predictionsToJson } from './predict-json.js';
import { canPredictInProcess, checkRows, predictRowsInProcess } from './predict-rows.js';

/** What the main thread sends. */
export interface PredictTask {
  readonly modelPath: string;
  /** Shown in model-file errors, e.g. "model 'abc'". */
  readonly modelLabel: string;
  /** The request body (UTF-8 JSON). */
  readonly body: Uint8Array;
}

/** What the worker answers. */
export type PredictOutcome =
  /** The response body: UTF-8 JSON. */
  | Uint8Array
  | { readonly kind: 'fallback'; readonly rows: Record<string, unknown>[] }
  | {
      readonly kind: 'error';
      /** Set for HTTP-level errors (bad JSON): 400. */
      readonly status: number | null;
      readonly code: string;
      readonly message: string;
      readonly details: Record<string, unknown>;
    };

const CACHE_CAPACITY = 16;
const decoder = new TextDecoder('utf-8', { fatal: true });
const encoder = new TextEncoder();
const models = new Map<string, RunModelFile>();

function loadModel(path: string, label: string): RunModelFile {
  const hit = models.get(path);
  if (hit !== undefined) return hit;
  const file = parseModelFile(readFileSync(path, 'utf8'), label);
  models.set(path, file);
  if (models.size > CACHE_CAPACITY) models.delete(models.keys().next().value!);
  return file;
}

/** Scores one request body; never throws (errors are returned as data). */
export default function predictTask(task: PredictTask): PredictOutcome {
  let body: unknown;
  try {
    body = JSON.parse(decoder.decode(task.body));
  } catch (error) {
    return {
      kind: 'error',
      status: 400,
      code: 'BAD_REQUEST',
      message:
        error instanceof SyntaxError
          ? `Body is not valid JSON: ${error.message}.`
          : 'Body is not valid UTF-8.',
      details: {},
    };
  }
  try {
    const rows = parsePredictBody(body);
    const file = loadModel(task.modelPath, task.modelLabel);
    checkRows(file, rows);
    if (!canPredictInProcess(file, rows)) return { kind: 'fallback', rows };
    const json = encoder.encode(predictionsToJson(predictRowsInProcess(file, rows)));
    return move(json) as Uint8Array;
  } catch (error) {
    if (isSegmintError(error)) {
      return {
        kind: 'error',
        status: null,
        code: error.code,
        message: error.message,
        details: { ...error.details },
      };
    }
    throw error;
  }
}
