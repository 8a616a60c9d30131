/**
 * One-hot encoding of categorical columns with scikit-learn 1.2's `OneHotEncoder` semantics:
 * categories sorted (UTF-16 code-unit order, = Python's order for BMP text); rare categories
 * grouped into one `column=infrequent` output placed last: a category is infrequent when its
 * count is below `minFrequency` (an integer count >= 1, or a share in (0, 1) of the rows), and,
 * when more than `maxCategories` outputs would remain, the smallest counts (stable order) join
 * the group until `maxCategories` outputs remain (the group counts as one). Unknown categories
 * at transform time: 'error' throws, 'ignore' gives all zeros, 'infrequent' maps them to the
 * infrequent output when one exists, else zeros (sklearn 'infrequent_if_exist').
 * `drop` removes one output per column after grouping: 'first' always, 'if_binary' when
 * exactly two outputs remain. Output names are `column=value`; outputs replace the column in place.
 */
import { ERROR_CODES, SegmintError, formatValue } from '../core/errors.js';
import { checkParams, invalidParameter, mergeOptions } from '../core/params.js';
import {
  arrayField,
  asString,
  invalidModel,
  numberField,
  readObject,
  stringField,
} from './json-read.js';
import type { CategoricalColumn, Table, TableColumn } from './table.js';
import {
  assertHasRows,
  compareStrings,
  findKind,
  replaceColumns,
  resolveColumns,
} from './table-ops.js';

/** What to do with a category not seen at fit time. */
export type HandleUnknown = 'error' | 'ignore' | 'infrequent';
/** Which output to drop per column. */
export type OneHotDrop = 'none' | 'first' | 'if_binary';

/** Options of {@link fitOneHot}. */
export interface OneHotOptions {
  /** Categorical columns to encode. Default: every categorical column. */
  readonly columns?: readonly string[];
  /** Default 'error' (as sklearn). */
  readonly handleUnknown: HandleUnknown;
  /** Integer count >= 1, or share in (0, 1): rarer categories are grouped. Default: none. */
  readonly minFrequency?: number;
  /** Maximum outputs per column including the infrequent one (integer >= 2). Default: none. */
  readonly maxCategories?: number;
  /** Default 'none'. */
  readonly drop: OneHotDrop;
}

/** Defaults of {@link OneHotOptions}. */
export const ONE_HOT_DEFAULTS: OneHotOptions = { handleUnknown: 'error', drop: 'none' };

/** One encoded column. Outputs are `categories`, then the infrequent group if non-empty. */
export interface OneHotColumn {
  readonly name: string;
  /** Frequent categories, sorted: one output each. */
  readonly categories: readonly string[];
  /** Infrequent categories, sorted: one shared output. */
  readonly infrequent: readonly string[];
  /** Index of the dropped output, or null. */
  readonly dropIndex: number | null;
}

/** A fitted one-hot encoder (JSON-safe). */
export interface FittedOneHot {
  readonly type: 'one-hot';
  readonly handleUnknown: HandleUnknown;
  readonly columns: readonly OneHotColumn[];
}

const OWNER = 'one-hot';
/** Label of the grouped output: feature name `column=infrequent`. */
export const INFREQUENT_LABEL = 'infrequent';

/**
 * Learns categories and infrequent groups per column.
 * @throws SegmintError INVALID_PARAMETER for bad options or columns; NON_FINITE_VALUE naming the
 *   column and row of a missing value (impute categorical columns first).
 * @example fitOneHot(table({ c: ['a', 'b', 'a'] })).columns[0].categories // ['a', 'b']
 */
export function fitOneHot(t: Table, options?: Partial<OneHotOptions>): FittedOneHot {
  const o = mergeOptions(ONE_HOT_DEFAULTS, options);
  checkParams(OWNER, o, {
    columns: { type: 'any', optional: true },
    handleUnknown: { type: 'enum', values: ['error', 'ignore', 'infrequent'] },
    minFrequency: { type: 'number', exclusiveMin: true, min: 0, optional: true },
    maxCategories: { type: 'integer', min: 2, optional: true },
    drop: { type: 'enum', values: ['none', 'first', 'if_binary'] },
  });
  if (o.minFrequency !== undefined && o.minFrequency >= 1 && !Number.isInteger(o.minFrequency)) {
    throw invalidParameter(
      OWNER,
      'minFrequency',
      'an integer count >= 1 or a share in (0, 1)',
      o.minFrequency,
    );
  }
  assertHasRows(OWNER, t);
  const names = resolveColumns(OWNER, t, o.columns, 'categorical');
  const columns = names.map((name): OneHotColumn => {
    const column = findKind(OWNER, t, name, 'categorical') as CategoricalColumn;
    const counts = new Map<string, number>();
    column.values.forEach((value, row) => {
      if (value === null) throw missingCategory(name, row);
      counts.set(value, (counts.get(value) ?? 0) + 1);
    });
    const all = [...counts.keys()].sort(compareStrings);
    const count = all.map((c) => counts.get(c)!);
    const isInfrequent = count.map((c) =>
      o.minFrequency === undefined
        ? false
        : c < (o.minFrequency >= 1 ? o.minFrequency : o.minFrequency * t.rows),
    );
    const outputs = all.length - isInfrequent.filter(Boolean).length + 1;
    if (o.maxCategories !== undefined && o.maxCategories < outputs) {
      // Stable ascending sort by count (numpy mergesort): the rarest join the group.
      const order = all.map((_, i) => i).sort((a, b) => count[a]! - count[b]! || a - b);
      for (const i of order.slice(0, all.length - o.maxCategories + 1)) isInfrequent[i] = true;
    }
    const categories = all.filter((_, i) => !isInfrequent[i]);
    const infrequent = all.filter((_, i) => isInfrequent[i]);
    const outputCount = categories.length + (infrequent.length > 0 ? 1 : 0);
    const dropIndex =
      o.drop === 'first' || (o.drop === 'if_binary' && outputCount === 2) ? 0 : null;
    return { name, categories, infrequent, dropIndex };
  });
  return { type: 'one-hot', handleUnknown: o.handleUnknown, columns };
}

/** Output feature names of one encoded column, in order (`column=value`, `column=infrequent`). */
export function oneHotFeatureNames(column: OneHotColumn): string[] {
  const labels = [...column.categories];
  if (column.infrequent.length > 0) labels.push(INFREQUENT_LABEL);
  return labels.filter((_, i) => i !== column.dropIndex).map((label) => `${column.name}=${label}`);
}

/**
 * Replaces each encoded column by its 0/1 output columns (in place); other columns pass through.
 * @throws SegmintError INVALID_SHAPE for an absent or numeric column; NON_FINITE_VALUE for a
 *   missing value; INVALID_PARAMETER naming column, row and value for an unknown category with
 *   handleUnknown 'error'.
 */
export function transformOneHot(fitted: FittedOneHot, t: Table): Table {
  const replacements = new Map<string, TableColumn[]>();
  for (const encoded of fitted.columns) {
    const column = findKind(OWNER, t, encoded.name, 'categorical') as CategoricalColumn;
    const groupIndex = encoded.infrequent.length > 0 ? encoded.categories.length : -1;
    const index = new Map<string, number>();
    encoded.categories.forEach((c, i) => index.set(c, i));
    for (const c of encoded.infrequent) index.set(c, groupIndex);
    const names = oneHotFeatureNames(encoded);
    const outputs = names.map(() => new Float64Array(t.rows));
    column.values.forEach((value, row) => {
      if (value === null) throw missingCategory(encoded.name, row);
      let k = index.get(value);
      if (k === undefined) {
        if (fitted.handleUnknown === 'error') {
          throw new SegmintError(
            ERROR_CODES.INVALID_PARAMETER,
            `${OWNER}: column ${formatValue(encoded.name)}, row ${row} has unknown category ` +
              `${formatValue(value)}; known: ${[...encoded.categories, ...encoded.infrequent].map((c) => formatValue(c)).join(', ')}. ` +
              "Use handleUnknown 'ignore' or 'infrequent' to accept new categories.",
            { column: encoded.name, row, value },
          );
        }
        k = fitted.handleUnknown === 'infrequent' ? groupIndex : -1;
      }
      if (k < 0 || k === encoded.dropIndex) return;
      if (encoded.dropIndex !== null && k > encoded.dropIndex) k--;
      outputs[k]![row] = 1;
    });
    replacements.set(
      encoded.name,
      names.map((name, k) => ({ name, kind: 'numeric', values: outputs[k]! })),
    );
  }
  return replaceColumns(OWNER, t, replacements);
}

/** Validates and rebuilds a serialised {@link FittedOneHot}. */
export function oneHotFromJSON(json: unknown, path = 'step'): FittedOneHot {
  const o = readObject(json, path);
  const handleUnknown = stringField<HandleUnknown>(o, 'handleUnknown', [
    'error',
    'ignore',
    'infrequent',
  ]);
  const columns = arrayField(o, 'columns', (value, itemPath): OneHotColumn => {
    const c = readObject(value, itemPath);
    const categories = arrayField(c, 'categories', asString);
    const infrequent = arrayField(c, 'infrequent', asString);
    const dropIndex = numberField(c, 'dropIndex', true);
    const outputs = categories.length + (infrequent.length > 0 ? 1 : 0);
    if (
      dropIndex !== null &&
      (!Number.isInteger(dropIndex) || dropIndex < 0 || dropIndex >= outputs)
    ) {
      throw invalidModel(
        `${itemPath}.dropIndex`,
        `null or an integer in [0, ${outputs - 1}]`,
        dropIndex,
      );
    }
    return { name: stringField(c, 'name'), categories, infrequent, dropIndex };
  });
  return { type: 'one-hot', handleUnknown, columns };
}

function missingCategory(name: string, row: number): SegmintError {
  return new SegmintError(
    ERROR_CODES.NON_FINITE_VALUE,
    `${OWNER}: column ${formatValue(name)} has a missing value (null) at row ${row}; ` +
      "impute it first ('impute' with strategy 'most-frequent' or 'constant').",
    { column: name, row, value: null },
  );
}
