/**
 * Label checks and encodings shared by the metrics.
 *
 * Internal metrics (silhouette, Calinski-Harabasz, Davies-Bouldin, inertia) take cluster labels
 * from a clusterer: non-negative integers, one per row of X. External metrics (ARI, AMI) compare
 * any two integer labellings, including noise labels such as -1 (DBSCAN/HDBSCAN output).
 *
 * Both are re-encoded to compact codes `0..k-1` in ascending order of the original label value,
 * like scikit-learn's `LabelEncoder`, so gaps (`{0, 2, 7}`) are allowed and k counts only the
 * labels that actually occur.
 */
import { ERROR_CODES, SegmintError, formatValue } from '../core/errors.js';

/** What the metrics accept as labels: an Int32Array (clusterer output) or plain numbers. */
export type Labels = Int32Array | readonly number[];

/** Labels re-encoded to compact codes. */
export interface EncodedLabels {
  /** Code of each sample in `0..k-1`, length n. */
  readonly codes: Int32Array;
  /** Number of samples per code, length k. */
  readonly counts: Int32Array;
  /** Original label value of each code, ascending, length k. */
  readonly values: Int32Array;
}

function labelsError(
  owner: string,
  message: string,
  details: Record<string, unknown>,
): SegmintError {
  return new SegmintError(ERROR_CODES.INVALID_LABELS, `${owner}: ${message}`, details);
}

/**
 * Checks labels for an internal metric: `length == sampleCount`, every value a non-negative
 * integer (within int32).
 * @throws SegmintError INVALID_LABELS naming the length or the first bad index and value.
 */
export function checkClusterLabels(owner: string, labels: Labels, sampleCount: number): void {
  checkIntegerLabels(owner, labels, sampleCount, 0);
}

/**
 * Checks labels for an external metric: any integers (negative allowed), optional length.
 * @throws SegmintError INVALID_LABELS naming the first bad index and value.
 */
export function checkIntegerLabels(
  owner: string,
  labels: ArrayLike<number>,
  sampleCount: number | undefined,
  min = -2147483648,
  name = 'labels',
): void {
  if (labels === null || typeof labels !== 'object' || typeof labels.length !== 'number') {
    throw labelsError(owner, `${name} must be an array of integers; got ${formatValue(labels)}.`, {
      value: labels,
    });
  }
  if (sampleCount !== undefined && labels.length !== sampleCount) {
    throw labelsError(
      owner,
      `${name} has length ${labels.length} but X has ${sampleCount} rows; expected one label per row.`,
      { expected: sampleCount, value: labels.length },
    );
  }
  for (let i = 0; i < labels.length; i++) {
    const v = labels[i]!;
    if (!Number.isInteger(v) || v < min || v > 2147483647) {
      const rule = min === 0 ? 'non-negative integers' : 'integers';
      throw labelsError(owner, `${name}[${i}] is ${formatValue(v)}; labels must be ${rule}.`, {
        row: i,
        value: v,
      });
    }
  }
}

/**
 * Re-encodes integer labels to compact codes `0..k-1` (ascending label value). Assumes the
 * labels passed {@link checkIntegerLabels}.
 * @example encodeLabels([7, -1, 7]) // codes [1, 0, 1], counts [1, 2], values [-1, 7]
 */
export function encodeLabels(labels: ArrayLike<number>): EncodedLabels {
  const n = labels.length;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = labels[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const codes = new Int32Array(n);
  if (n === 0) return { codes, counts: new Int32Array(0), values: new Int32Array(0) };
  // Dense lookup when the label range is small (the usual 0..k-1), a Map otherwise.
  const span = max - min + 1;
  if (span <= 4 * n + 1024) {
    const codeOf = new Int32Array(span).fill(-1);
    for (let i = 0; i < n; i++) codeOf[labels[i]! - min] = 0;
    let k = 0;
    for (let v = 0; v < span; v++) if (codeOf[v] === 0) codeOf[v] = k++;
    const values = new Int32Array(k);
    for (let v = 0; v < span; v++) if (codeOf[v]! >= 0) values[codeOf[v]!] = v + min;
    const counts = new Int32Array(k);
    for (let i = 0; i < n; i++) {
      const code = codeOf[labels[i]! - min]!;
      codes[i] = code;
      counts[code]!++;
    }
    return { codes, counts, values };
  }
  const values = Int32Array.from(new Set(Array.from(labels))).sort();
  const codeOf = new Map<number, number>();
  values.forEach((v, code) => codeOf.set(v, code));
  const counts = new Int32Array(values.length);
  for (let i = 0; i < n; i++) {
    const code = codeOf.get(labels[i]!)!;
    codes[i] = code;
    counts[code]!++;
  }
  return { codes, counts, values };
}

/**
 * Checks the cluster count for the internal metrics, scikit-learn's `check_number_of_labels`:
 * `2 <= k <= n - 1`.
 * @throws SegmintError INVALID_LABELS naming the count.
 */
export function checkClusterCount(owner: string, clusterCount: number, sampleCount: number): void {
  if (clusterCount < 2 || clusterCount > sampleCount - 1) {
    throw labelsError(
      owner,
      `the number of distinct labels must be in [2, n - 1] = [2, ${sampleCount - 1}]; got ${clusterCount}.`,
      { value: clusterCount, sampleCount },
    );
  }
}
