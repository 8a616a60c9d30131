/**
 * Loading, error and empty states, used by every page so they look and read the same. Errors
 * show the server's `error.message` (the client puts it on the thrown error).
 */
import type { ReactNode } from 'react';
import type { AsyncResult } from './use-async.js';

/** A spinner with a label, announced politely to screen readers. */
export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

/** An error box with the message and an optional retry button. */
export function ErrorBox({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  return (
    <div className="state state-error" role="alert">
      <strong>Something went wrong.</strong> <span className="error-message">{error.message}</span>
      {onRetry === undefined ? null : (
        <button type="button" className="button-small" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}

/** An empty state: what is missing and what to do about it. */
export function Empty({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state-empty">
      <strong>{title}</strong>
      {children === undefined ? null : <div>{children}</div>}
    </div>
  );
}

/**
 * Renders a {@link useAsync} result: loading, error with retry, or `children(data)`.
 * @example <Async result={runs}>{(data) => <RunTable runs={data.runs} />}</Async>
 */
export function Async<T>({
  result,
  label,
  children,
}: {
  result: AsyncResult<T>;
  label?: string;
  children: (data: T) => ReactNode;
}) {
  if (result.status === 'loading') return <Loading label={label} />;
  if (result.status === 'error') return <ErrorBox error={result.error} onRetry={result.reload} />;
  return <>{children(result.data)}</>;
}
