/**
 * What a benchmark case is. Each case prepares its data (cached, identical for every side),
 * builds the sides that exist (Segmint, scikit-learn through the Python worker, npm peers) and
 * says how quality is measured. Sizes: full and --quick (about n / 10).
 *
 * Names: n rows, d features, k clusters (or components for PCA).
 */
import type { Dataset } from '../datasets.js';
import type { EngineApi, EngineMatrix } from '../engine.js';
import type { Peers } from '../peers.js';
import type { PythonWorker } from '../python.js';
import type { Side } from '../runner.js';

/** Shape of a case at one size. */
export interface CaseSize {
  readonly n: number;
  readonly d: number;
  readonly k: number;
}

/** What a case needs to build its sides. */
export interface CaseContext {
  readonly engine: EngineApi;
  readonly peers?: Peers;
  readonly python?: PythonWorker;
  /** Threads given to Segmint's parallel functions. */
  readonly threads: number;
  readonly log: (line: string) => void;
}

/** A case ready to run. */
export interface PreparedCase {
  readonly sides: Side[];
  /** Set when Segmint's function for this case is not exported yet. */
  readonly segmintMissing?: string;
  readonly notes: string[];
  readonly cleanup: () => Promise<void>;
}

/** A benchmark case. */
export interface CaseDefinition {
  readonly name: string;
  /** One sentence for the README: what is timed. */
  readonly measures: string;
  /** The quality measure reported on both sides. */
  readonly quality: string;
  /** Target for the Segmint / sklearn time ratio, if any. */
  readonly targetRatio?: number;
  /** Largest relative quality difference allowed for the target (kmeans: 0.1%). */
  readonly qualityTolerance?: number;
  readonly sizes: { readonly full: CaseSize; readonly quick: CaseSize };
  /** Lloyd iterations the data must need (kmeans: 20); fewer is flagged in the notes. */
  readonly minimumIterations?: number;
  /** Largest n the npm peers run at (they are far slower); a smaller n is reported. */
  readonly peerRows?: { readonly full: number; readonly quick: number };
  prepare(context: CaseContext, size: CaseSize, quick: boolean): Promise<PreparedCase>;
}

/** Rows of the untimed warm-up run. */
export const WARMUP_ROWS = 5000;

/** A matrix view over the first `rows` rows of a dataset (no copy). */
export function asMatrix(dataset: Dataset, rows = dataset.rows): EngineMatrix {
  return { data: dataset.data.subarray(0, rows * dataset.cols), rows, cols: dataset.cols };
}

/** Loads `dataset` into the Python worker under `key`. */
export async function loadInPython(
  python: PythonWorker,
  key: string,
  dataset: Dataset,
): Promise<void> {
  await python.call({
    op: 'load',
    key,
    path: dataset.header.file,
    rows: dataset.rows,
    cols: dataset.cols,
    dtype: dataset.header.dtype,
  });
}

/** A side that runs one worker command per timed run. */
export function sklearnSide(
  python: PythonWorker,
  rows: number,
  label: string,
  command: Record<string, unknown>,
  read: (reply: Record<string, unknown>) => { quality: number; iterations?: number },
): Side {
  return {
    name: 'sklearn',
    kind: 'sklearn',
    rows,
    label,
    run: async () => {
      const reply = await python.call(command);
      return { seconds: Number(reply.seconds), ...read(reply) };
    },
  };
}
