/**
 * The URL holds the dashboard's state, in the hash so any static server can serve the app:
 * `#/<page>?key=value` for dataset pages and `#/runs/<runId>/<page>?key=value` for run pages,
 * e.g. `#/runs/7f3a/segments?segment=2`. A copied link reopens the same run, page and segment.
 */

/** Pages of the dashboard. */
export const PAGES = [
  'data',
  'configure',
  'runs',
  'choose-k',
  'compare',
  'segments',
  'predict',
  'export',
  'gallery',
] as const;

/** A page name. */
export type Page = (typeof PAGES)[number];

/** Pages that show one run's results (need a run id). */
export const RUN_PAGES: readonly Page[] = ['choose-k', 'compare', 'segments', 'predict', 'export'];

/** A parsed location. */
export interface Route {
  page: Page;
  /** The run shown (run pages, and `#/runs/<id>` for one run's live view). */
  runId: string | null;
  /** Query parameters (dataset, segment, feature, ...). */
  params: Record<string, string>;
}

function isPage(value: string): value is Page {
  return (PAGES as readonly string[]).includes(value);
}

/**
 * Parses a location hash; unknown pages fall back to 'data'.
 * @example parseRoute('#/runs/abc/segments?segment=2')
 * // { page: 'segments', runId: 'abc', params: { segment: '2' } }
 */
export function parseRoute(hash: string): Route {
  const text = hash.replace(/^#/, '').replace(/^\//, '');
  const queryStart = text.indexOf('?');
  const path = queryStart === -1 ? text : text.slice(0, queryStart);
  const params = Object.fromEntries(
    new URLSearchParams(queryStart === -1 ? '' : text.slice(queryStart + 1)),
  );
  const parts = path
    .split('/')
    .filter((part) => part !== '')
    .map(decodeURIComponent);
  if (parts[0] === 'runs' && parts[1] !== undefined) {
    const page = parts[2] ?? 'runs';
    return { page: isPage(page) ? page : 'runs', runId: parts[1], params };
  }
  const page = parts[0] ?? 'data';
  return { page: isPage(page) ? page : 'data', runId: null, params };
}

/**
 * Formats a route as a hash (inverse of {@link parseRoute}); empty parameters are left out.
 * @example formatRoute({ page: 'segments', runId: 'abc', params: { segment: '2' } })
 * // '#/runs/abc/segments?segment=2'
 */
export function formatRoute(route: Route): string {
  const query = new URLSearchParams(
    Object.entries(route.params).filter(([, value]) => value !== ''),
  ).toString();
  const suffix = query === '' ? '' : `?${query}`;
  if (route.runId !== null) {
    const run = encodeURIComponent(route.runId);
    return route.page === 'runs'
      ? `#/runs/${run}${suffix}`
      : `#/runs/${run}/${route.page}${suffix}`;
  }
  return `#/${route.page}${suffix}`;
}
