/**
 * The app shell: a header with the run picker, a left navigation and the main area showing the
 * page the URL names (see state/route.ts). Run pages without a run id in the URL open the newest
 * succeeded run.
 */
import { Suspense, lazy, useEffect } from 'react';
import { listDatasets, listRuns } from './api/endpoints.js';
import type { Dataset, Run } from './api/types.js';
import { RunGate } from './components/run-gate.js';
import { Loading } from './components/status.js';
import { useAsync, useLatest } from './components/use-async.js';
import { formatTime } from './components/format.js';
import { ChooseKPage } from './pages/choose-k-page.js';
import { ComparePage } from './pages/compare-page.js';
import { ConfigurePage } from './pages/configure-page.js';
import { DataPage } from './pages/data-page.js';
import { ExportPage } from './pages/export-page.js';
import { PredictPage } from './pages/predict-page.js';
import { RunsPage } from './pages/runs-page.js';
import { SegmentsPage } from './pages/segments-page.js';
import { RUN_PAGES, formatRoute } from './state/route.js';
import type { Page, Route } from './state/route.js';
import { useRoute } from './state/use-route.js';
import type { Navigate } from './state/use-route.js';
import { useRunsVersion } from './state/workspace.js';

// The chart gallery (every chart on fixture data) is a developer page: its own lazy chunk.
const ChartGallery = lazy(() =>
  import('./charts/ChartGallery.js').then((module) => ({ default: module.ChartGallery })),
);

const NAV: { page: Page; label: string; testId: string }[] = [
  { page: 'data', label: 'Data', testId: 'nav-data' },
  { page: 'configure', label: 'Configure', testId: 'nav-configure' },
  { page: 'runs', label: 'Runs', testId: 'nav-runs' },
  { page: 'choose-k', label: 'Choose k', testId: 'nav-choose-k' },
  { page: 'compare', label: 'Compare', testId: 'nav-compare' },
  { page: 'segments', label: 'Segments', testId: 'nav-segments' },
  { page: 'predict', label: 'Predict', testId: 'nav-predict' },
  { page: 'export', label: 'Export', testId: 'nav-export' },
];

/** Props every page receives. */
export interface PageProps {
  route: Route;
  navigate: Navigate;
}

/** A short, readable label of a run for pickers and tables. */
export function runLabel(run: Run, datasets: readonly Dataset[]): string {
  const dataset = datasets.find((item) => item.id === run.datasetId);
  return `${dataset?.name ?? 'Dataset removed'} · ${formatTime(run.createdAt)} · ${run.status}`;
}

function RunPicker({
  runs,
  datasets,
  route,
  navigate,
}: {
  runs: readonly Run[];
  datasets: readonly Dataset[];
  route: Route;
  navigate: Navigate;
}) {
  const finished = runs.filter((run) => run.status === 'succeeded');
  return (
    <label className="run-picker">
      <span>Run</span>
      <select
        data-testid="run-picker"
        value={route.runId ?? ''}
        onChange={(event) => {
          const page = RUN_PAGES.includes(route.page) ? route.page : 'segments';
          navigate({ page, runId: event.target.value, params: {} });
        }}
      >
        {route.runId === null ? <option value="">Choose a finished run…</option> : null}
        {route.runId !== null && !finished.some((run) => run.id === route.runId) ? (
          <option value={route.runId}>{route.runId.slice(0, 8)}</option>
        ) : null}
        {finished.map((run) => (
          <option key={run.id} value={run.id}>
            {runLabel(run, datasets)}
          </option>
        ))}
      </select>
    </label>
  );
}

function navHref(page: Page, route: Route, latestRunId: string | null): string {
  if (RUN_PAGES.includes(page)) {
    const runId = route.runId ?? latestRunId;
    return runId === null
      ? formatRoute({ page, runId: null, params: {} })
      : formatRoute({ page, runId, params: {} });
  }
  const dataset = route.params.dataset;
  return formatRoute({ page, runId: null, params: dataset === undefined ? {} : { dataset } });
}

function PageView({ route, navigate }: PageProps) {
  switch (route.page) {
    case 'data':
      return <DataPage route={route} navigate={navigate} />;
    case 'configure':
      return <ConfigurePage route={route} navigate={navigate} />;
    case 'runs':
      return <RunsPage route={route} navigate={navigate} />;
    case 'choose-k':
      return <ChooseKPage route={route} navigate={navigate} />;
    case 'compare':
      return <ComparePage route={route} navigate={navigate} />;
    case 'segments':
      return <SegmentsPage route={route} navigate={navigate} />;
    case 'predict':
      return <PredictPage route={route} navigate={navigate} />;
    case 'export':
      return <ExportPage route={route} navigate={navigate} />;
    case 'gallery':
      return (
        <Suspense fallback={<Loading label="Loading the chart gallery…" />}>
          <ChartGallery />
        </Suspense>
      );
  }
}

/** A page, behind the {@link RunGate} when it shows a run's results. */
function RunPageView({ route, navigate }: PageProps) {
  const page = <PageView route={route} navigate={navigate} />;
  return RUN_PAGES.includes(route.page) && route.runId !== null ? (
    <RunGate runId={route.runId}>{page}</RunGate>
  ) : (
    page
  );
}

/** The dashboard. */
export function App() {
  const [route, navigate] = useRoute();
  const [runsVersion] = useRunsVersion();
  const lists = useAsync(`lists-${runsVersion}`, async () => {
    const [runs, datasets] = await Promise.all([listRuns(), listDatasets()]);
    return { runs: runs.runs, datasets: datasets.datasets };
  });
  const known = useLatest(lists.data);
  const runs = known?.runs ?? [];
  const datasets = known?.datasets ?? [];
  const latestRunId = runs.find((run) => run.status === 'succeeded')?.id ?? null;

  // A run page without a run: open the newest finished run (replace, so Back still works).
  useEffect(() => {
    if (RUN_PAGES.includes(route.page) && route.runId === null && latestRunId !== null) {
      navigate({ ...route, runId: latestRunId }, { replace: true });
    }
  }, [route, latestRunId, navigate]);

  useEffect(() => {
    const label = NAV.find((item) => item.page === route.page)?.label ?? 'Segmint';
    document.title = `${label} · Segmint`;
  }, [route.page]);

  // A new page starts at its top (choosing a segment or a feature keeps the scroll position).
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [route.page, route.runId]);

  return (
    <div className="shell">
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          // The hash holds the route: move focus without touching it.
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <header className="header">
        <a className="brand" href="#/data">
          <span className="brand-mark" aria-hidden="true">
            ◆
          </span>
          Segmint
        </a>
        <RunPicker runs={runs} datasets={datasets} route={route} navigate={navigate} />
        <a className="header-link" href="/docs" target="_blank" rel="noreferrer">
          API docs
        </a>
      </header>
      <nav className="nav" aria-label="Pages">
        <ul>
          {NAV.map((item) => (
            <li key={item.page}>
              <a
                href={navHref(item.page, route, latestRunId)}
                data-testid={item.testId}
                aria-current={item.page === route.page ? 'page' : undefined}
                className={item.page === route.page ? 'active' : undefined}
              >
                {item.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="main" id="main" tabIndex={-1}>
        {RUN_PAGES.includes(route.page) && route.runId === null ? (
          known !== null && latestRunId === null ? (
            <div className="page">
              <h1>No finished run yet</h1>
              <p className="muted">
                Load data, configure and start a run; its results appear here when it succeeds.
              </p>
              <a className="button" href="#/data">
                Go to Data
              </a>
            </div>
          ) : null
        ) : (
          <RunPageView
            key={`${route.page}-${route.runId ?? ''}`}
            route={route}
            navigate={navigate}
          />
        )}
      </main>
    </div>
  );
}
