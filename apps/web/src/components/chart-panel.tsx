/**
 * A chart in a panel: the CHARTS `<Plot>` (lazy Plotly, PNG download) under the test id
 * `chart-<name>`, with an optional caption; and {@link AsyncChart}, which loads the chart's data
 * first and shows loading and error states in the chart's place.
 */
import type { ReactNode } from 'react';
import { Plot } from '../charts/Plot.js';
import type { ChartSpec } from '../charts/spec.js';
import { ErrorBox, Loading } from './status.js';
import type { AsyncResult } from './use-async.js';

/** A rendered chart. */
export function ChartPanel({
  name,
  spec,
  caption,
  className,
}: {
  name: string;
  spec: ChartSpec;
  caption?: ReactNode;
  className?: string;
}) {
  return (
    <figure className={`chart-panel${className === undefined ? '' : ` ${className}`}`}>
      <Plot spec={spec} testId={`chart-${name}`} />
      {caption === undefined ? null : <figcaption>{caption}</figcaption>}
    </figure>
  );
}

/** A chart whose data loads first. */
export function AsyncChart<T>({
  name,
  result,
  build,
  caption,
  className,
}: {
  name: string;
  result: AsyncResult<T>;
  build: (data: T) => ChartSpec;
  caption?: (data: T) => ReactNode;
  className?: string;
}) {
  if (result.status !== 'ready') {
    return (
      <figure
        className={`chart-panel chart-placeholder${className === undefined ? '' : ` ${className}`}`}
        data-testid={`chart-${name}-state`}
      >
        {result.status === 'loading' ? (
          <Loading label="Loading chart data…" />
        ) : (
          <ErrorBox error={result.error} onRetry={result.reload} />
        )}
      </figure>
    );
  }
  return (
    <ChartPanel
      name={name}
      spec={build(result.data)}
      caption={caption?.(result.data)}
      className={className}
    />
  );
}
