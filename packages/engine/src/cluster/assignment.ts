/**
 * The uniform result of `<algorithm>Predict(model, X)` for every clustering algorithm: one label
 * per row (noise = -1) and a strength in [0, 1] (confidence or membership probability; 0 for
 * noise). Notation: n rows of X.
 */

/** Labels (n) and strengths (n) for the rows of X under a fitted clustering model. */
export interface ClusterAssignment {
  readonly labels: Int32Array;
  readonly strength: Float64Array;
}
