/**
 * dashboard.json text: writing (compact: the file holds up to 50,000 map points; NaN and
 * infinities become null, as JSON.stringify does) and reading back with a format/version check.
 */
import { ERROR_CODES, SegmintError } from '@segmint/engine';
import { DASHBOARD_FORMAT, DASHBOARD_VERSION, type DashboardFile } from './dashboard-types.js';

/** The file's text (one line, no indentation). */
export function dashboardText(dashboard: DashboardFile): string {
  return `${JSON.stringify(dashboard)}\n`;
}

/**
 * Parses dashboard.json.
 * @param source - named in messages (e.g. the file path).
 * @throws SegmintError INVALID_FILE for text that is not JSON or not a version-1
 *   'segmint.dashboard' object.
 * @example parseDashboard(await readFile(path, 'utf8'), path).projection.total
 */
export function parseDashboard(text: string, source = 'dashboard.json'): DashboardFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new SegmintError(
      ERROR_CODES.INVALID_FILE,
      `${source}: not valid JSON.`,
      { file: source },
      { cause: error },
    );
  }
  const object = value as Partial<DashboardFile> | null;
  if (
    object === null ||
    typeof object !== 'object' ||
    object.format !== DASHBOARD_FORMAT ||
    object.version !== DASHBOARD_VERSION
  ) {
    throw new SegmintError(
      ERROR_CODES.INVALID_FILE,
      `${source}: expected a '${DASHBOARD_FORMAT}' version ${DASHBOARD_VERSION} file.`,
      { file: source },
    );
  }
  return object as DashboardFile;
}
