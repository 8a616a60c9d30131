/**
 * `useAsync`: runs a promise-returning loader when its key changes and exposes loading, data and
 * error states; `reload()` runs it again. A stale answer (the key changed meanwhile) is dropped.
 */
import { useCallback, useEffect, useState } from 'react';

/** The state of one load. */
export type AsyncState<T> =
  | { status: 'loading'; data: null; error: null }
  | { status: 'ready'; data: T; error: null }
  | { status: 'error'; data: null; error: Error };

/** {@link useAsync}'s result: the state plus `reload`. */
export type AsyncResult<T> = AsyncState<T> & { reload: () => void };

const LOADING = { status: 'loading', data: null, error: null } as const;

/**
 * Loads data for a key (null: nothing to load, stays 'loading' with `idle` semantics).
 * @example const runs = useAsync('runs', listRuns);
 */
export function useAsync<T>(key: string | null, load: () => Promise<T>): AsyncResult<T> {
  const [state, setState] = useState<{ key: string | null; value: AsyncState<T> }>({
    key,
    value: LOADING,
  });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);

  if (state.key !== key) setState({ key, value: LOADING });

  useEffect(() => {
    if (key === null) return;
    let current = true;
    load().then(
      (data) => {
        if (current) setState({ key, value: { status: 'ready', data, error: null } });
      },
      (error: unknown) => {
        if (current) {
          const value = error instanceof Error ? error : new Error(String(error));
          setState({ key, value: { status: 'error', data: null, error: value } });
        }
      },
    );
    return () => {
      current = false;
    };
    // `load` is recreated every render; the key says when to load again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, generation]);

  return { ...state.value, reload };
}

/**
 * The latest non-null value seen: keeps showing the previous answer while a reload is under way,
 * so lists that refresh (run history, the run picker) do not flash a spinner.
 * @example const runs = useLatest(history.data);
 */
export function useLatest<T>(value: T | null): T | null {
  const [latest, setLatest] = useState<T | null>(value);
  if (value !== null && value !== latest) setLatest(value);
  return value ?? latest;
}
