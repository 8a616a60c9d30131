/**
 * `<Plot spec testId />`: renders a {@link ChartSpec} with Plotly.
 *
 * - Plotly (plotly.js-dist-min, ~4.8 MB) is imported lazily, once per page, with a dynamic
 *   `import()`, so it lives in its own chunk and the app shell loads without it.
 * - Spec changes go through `Plotly.react` (diffing, no full redraw); the spec is copied first
 *   because Plotly writes computed state (ranges, uids) back into the objects it is given. A
 *   rebuilt spec with the same content ({@link specKey}) is not redrawn, and layouts carry a
 *   `uirevision`, so a user's zoom or 3-D camera survives unrelated re-renders.
 * - The chart follows its container's size (ResizeObserver -> `Plots.resize`); Plotly's state is
 *   purged on unmount so WebGL contexts are released.
 * - Loading and error states are shown in place; a "Download PNG" button exports the chart
 *   (`Plotly.downloadImage`, 2x scale) and names it in its accessible label.
 * - The container carries `data-testid={testId}`, `data-state` ('loading' | 'ready' | 'error')
 *   for tests, `role="figure"` and the chart title as its accessible name.
 */
import type * as PlotlyTypes from 'plotly.js';
import { useEffect, useRef, useState } from 'react';
import type { ChartSpec } from './spec.js';
import { specKey } from './spec-key.js';

type PlotlyModule = typeof PlotlyTypes;

let plotlyPromise: Promise<PlotlyModule> | null = null;

/**
 * Loads Plotly once (later calls share the promise; a failed load is retried next time).
 * @throws The import error (network, chunk missing), through the promise.
 */
export function loadPlotly(): Promise<PlotlyModule> {
  if (plotlyPromise === null) {
    plotlyPromise = import('plotly.js-dist-min').then(
      (module: { default?: PlotlyModule } & Partial<PlotlyModule>) =>
        module.default ?? (module as PlotlyModule),
      (error: unknown) => {
        plotlyPromise = null;
        throw error;
      },
    );
  }
  return plotlyPromise;
}

/** Plain text of a Plotly pseudo-HTML title (tags removed, entities decoded). */
export function plainTitle(spec: ChartSpec): string {
  const title = spec.layout.title;
  const text = typeof title === 'string' ? title : (title?.text ?? '');
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
}

/** Props of {@link Plot}. */
export interface PlotProps {
  /** The figure to draw (from a chart builder). */
  readonly spec: ChartSpec;
  /** `data-testid` of the container, `chart-<name>`. */
  readonly testId: string;
  /** Extra class names of the container. */
  readonly className?: string;
  /** Hide the "Download PNG" button (default shown). */
  readonly hideDownload?: boolean;
}

type State =
  { readonly status: 'loading' | 'ready' } | { readonly status: 'error'; readonly message: string };

function copySpec(spec: ChartSpec): ChartSpec {
  return {
    data: spec.data.map((trace) => ({ ...trace })),
    layout: structuredClone(spec.layout),
    config: { ...spec.config },
  };
}

/**
 * Renders a chart spec with lazily loaded Plotly.
 * @example <Plot spec={elbowChart(report.selection)} testId="chart-elbow" />
 */
export function Plot({ spec, testId, className, hideDownload = false }: PlotProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const plotlyRef = useRef<PlotlyModule | null>(null);
  const drawnKeyRef = useRef<string | null>(null);
  const [state, setState] = useState<State>({ status: 'loading' });
  const title = plainTitle(spec);

  // Draw (and redraw when the spec's content changes) once Plotly is loaded. Pages rebuild
  // specs on every render; an identical rebuild is skipped by its fingerprint.
  useEffect(() => {
    let cancelled = false;
    const element = containerRef.current;
    if (element === null) return undefined;
    const key = specKey(spec);
    if (key === drawnKeyRef.current) return undefined;
    loadPlotly()
      .then(async (plotly) => {
        if (cancelled) return;
        plotlyRef.current = plotly;
        const copy = copySpec(spec);
        // Recorded before drawing: whatever happens next, the canvas now shows this spec.
        drawnKeyRef.current = key;
        await plotly.react(element, copy.data, { autosize: true, ...copy.layout }, copy.config);
        if (!cancelled) setState({ status: 'ready' });
      })
      .catch((error: unknown) => {
        drawnKeyRef.current = null;
        if (cancelled) return;
        const message = error instanceof Error ? error.message : String(error);
        setState({ status: 'error', message });
      });
    return () => {
      cancelled = true;
    };
  }, [spec]);

  // Follow the container's size; release Plotly's state (and WebGL contexts) on unmount.
  useEffect(() => {
    const element = containerRef.current;
    if (element === null) return undefined;
    let frame = 0;
    const observer =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver(() => {
            cancelAnimationFrame(frame);
            frame = requestAnimationFrame(() => {
              const plotly = plotlyRef.current;
              if (
                plotly !== null &&
                element.isConnected &&
                element.querySelector('.main-svg') !== null
              ) {
                void plotly.Plots.resize(element);
              }
            });
          });
    observer?.observe(element);
    return () => {
      cancelAnimationFrame(frame);
      observer?.disconnect();
      plotlyRef.current?.purge(element);
      drawnKeyRef.current = null;
    };
  }, []);

  const download = (): void => {
    const element = containerRef.current;
    const plotly = plotlyRef.current;
    if (element === null || plotly === null) return;
    const options = spec.config.toImageButtonOptions;
    void plotly.downloadImage(element, {
      format: 'png',
      filename: options?.filename ?? 'segmint-chart',
      width: element.clientWidth || 900,
      height:
        element.clientHeight || (typeof spec.layout.height === 'number' ? spec.layout.height : 400),
      scale: typeof options?.scale === 'number' ? options.scale : 2,
    } as PlotlyTypes.DownloadImgopts);
  };

  const height = typeof spec.layout.height === 'number' ? spec.layout.height : 400;
  const overlay = {
    position: 'absolute',
    inset: 0,
    display: 'grid',
    placeItems: 'center',
    padding: 16,
    textAlign: 'center',
  } as const;
  return (
    <div
      className={`plot${className === undefined ? '' : ` ${className}`}`}
      data-testid={testId}
      data-state={state.status}
      role="figure"
      aria-label={title === '' ? 'Chart' : title}
      aria-busy={state.status === 'loading'}
      style={{ width: '100%' }}
    >
      {hideDownload ? null : (
        <div
          className="plot-toolbar"
          style={{ display: 'flex', justifyContent: 'flex-end', minHeight: 26 }}
        >
          <button
            type="button"
            className="button-small plot-download"
            onClick={download}
            disabled={state.status !== 'ready'}
            aria-label={`Download PNG of ${title === '' ? 'the chart' : title}`}
            title="Download PNG"
          >
            Download PNG
          </button>
        </div>
      )}
      <div style={{ position: 'relative', width: '100%', height }}>
        <div ref={containerRef} className="plot-canvas" style={{ width: '100%', height }} />
        {state.status === 'loading' ? (
          <div
            className="plot-status"
            role="status"
            style={{ ...overlay, color: 'var(--muted, #616e7c)' }}
          >
            Loading chart…
          </div>
        ) : null}
        {state.status === 'error' ? (
          <div
            className="plot-status plot-error"
            role="alert"
            style={{ ...overlay, color: 'var(--danger, #c0392b)' }}
          >
            The chart could not be drawn: {state.message}
          </div>
        ) : null}
      </div>
    </div>
  );
}
