/**
 * Soft failures are data, not exceptions and not logs: an estimator returns them in its model's
 * `warnings` array (`converged: false` plus `{ code: 'MAX_ITERATIONS_REACHED', ... }`), and higher
 * layers decide whether to show, log or fail on them.
 */

/** A soft failure or notable event during fitting. `code` is stable; `message` is for people. */
export interface EstimatorWarning {
  /** Stable, SCREAMING_SNAKE_CASE identifier, e.g. `'EMPTY_CLUSTER_RESEEDED'`. */
  readonly code: string;
  readonly message: string;
  /** Structured context (cluster index, iteration, counts). Must be JSON-serialisable. */
  readonly details?: Readonly<Record<string, unknown>>;
}

/** Builds an {@link EstimatorWarning}. */
export function warning(code: string, message: string, details?: Record<string, unknown>): EstimatorWarning {
  return details === undefined ? { code, message } : { code, message, details };
}
