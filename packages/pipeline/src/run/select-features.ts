/**
 * Which columns a run clusters on. Explicit `features` and `categorical` lists are checked
 * against the table (an unknown name is an INVALID_CONFIG error naming the key, the column, the
 * closest existing column and the available ones); without `features`, every numeric column
 * except the id is used (RFM runs: recency, frequency, monetary). A listed feature that is
 * categorical in the data is one-hot encoded like the `categorical` list.
 */
import { ERROR_CODES, SegmintError } from '@segmint/engine';
import type { FeatureSelection } from './prepare-steps.js';

/** A column the runner can choose from: its name and its kind once read. */
export interface CandidateColumn {
  readonly name: string;
  /** 'numeric' columns are default features; 'categorical' need encoding; 'other' never default. */
  readonly kind: 'numeric' | 'categorical' | 'other';
}

/** The RFM features used when a `transactions` block is given and `features` is not. */
export const RFM_FEATURES: readonly string[] = ['recency', 'frequency', 'monetary'];

/**
 * Picks the features.
 * @param columns - every column of the customer table.
 * @param config - the config's `features`, `categorical`, `id` and whether RFM was computed.
 * @param file - the data file, for messages.
 * @throws SegmintError INVALID_CONFIG for an unknown column in `features`/`categorical`/`id`, a
 *   feature that is the id, or when no numeric or categorical feature remains.
 * @example selectFeatures(cols, { features: ['Age'], categorical: ['Education'] }, 'a.csv')
 */
export function selectFeatures(
  columns: readonly CandidateColumn[],
  config: {
    readonly features?: readonly string[] | undefined;
    readonly categorical?: readonly string[] | undefined;
    readonly id?: string | null | undefined;
    readonly rfm?: boolean;
  },
  file: string,
): FeatureSelection {
  const byName = new Map(columns.map((c) => [c.name, c]));
  const names = columns.map((c) => c.name);
  if (config.id !== undefined && config.id !== null) checkColumn('id', config.id, names, file);
  const listed = config.features ?? (config.rfm === true ? RFM_FEATURES : null);
  const categoricalListed = config.categorical ?? [];
  for (const name of categoricalListed) checkColumn('categorical', name, names, file);
  let numeric: string[];
  const categorical = [...categoricalListed];
  if (listed !== null) {
    numeric = [];
    for (const name of listed) {
      checkColumn('features', name, names, file);
      if (name === config.id) {
        throw configError(
          'features',
          `'features' lists ${JSON.stringify(name)}, which is the id column; ids are not features.`,
          name,
        );
      }
      if (categorical.includes(name)) continue;
      if (byName.get(name)!.kind === 'numeric') numeric.push(name);
      else categorical.push(name);
    }
  } else {
    numeric = columns
      .filter((c) => c.kind === 'numeric' && c.name !== config.id && !categorical.includes(c.name))
      .map((c) => c.name);
  }
  if (numeric.length + categorical.length === 0) {
    throw configError(
      'features',
      `no features to cluster on in ${file}: it has no numeric column${config.id ? ` besides the id ${JSON.stringify(config.id)}` : ''}. List columns under 'features' (and 'categorical' for text columns). Columns: ${preview(names)}.`,
      null,
    );
  }
  return { numeric, categorical };
}

/**
 * Throws INVALID_CONFIG when `name` is not a column, suggesting the closest one.
 * @throws SegmintError INVALID_CONFIG naming the key, the column and the file.
 */
export function checkColumn(
  key: string,
  name: string,
  names: readonly string[],
  file: string,
): void {
  if (names.includes(name)) return;
  const suggestion = closest(name, names);
  throw configError(
    key,
    `'${key}': no column ${JSON.stringify(name)} in ${file}${suggestion ? `; did you mean ${JSON.stringify(suggestion)}?` : '.'} Columns: ${preview(names)}.`,
    name,
  );
}

/** The closest name by case-insensitive edit distance (at most a third of the length), or null. */
export function closest(name: string, names: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  const target = name.toLowerCase();
  for (const candidate of names) {
    const distance = editDistance(target, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : null;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

function preview(names: readonly string[]): string {
  const shown = names.slice(0, 20).map((n) => JSON.stringify(n));
  return names.length > 20 ? `${shown.join(', ')}, ... (${names.length} in all)` : shown.join(', ');
}

function configError(key: string, message: string, column: string | null): SegmintError {
  return new SegmintError(ERROR_CODES.INVALID_CONFIG, message, {
    key,
    ...(column !== null ? { column } : {}),
  });
}
