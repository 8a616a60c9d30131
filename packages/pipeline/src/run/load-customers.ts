/**
 * The data half of a run, all inside one DuckDB database (the runner uses an in-memory one: a
 * run reads its file once and keeps nothing, so there is no database file to clean up): load the
 * source file, turn transactions into one RFM row per customer when a `transactions` block is
 * given, apply the derive recipes, then read the columns the engine needs into a `Table`.
 */
import { isAbsolute, resolve } from 'node:path';
import {
  computeRfm,
  deriveFeatures,
  describeTable,
  loadSource,
  readColumnValues,
  readTable,
  type Database,
  type LoadedTable,
  type RfmResult,
  type SourceSpec,
} from '@segmint/data';
import { ERROR_CODES, SegmintError, type Table } from '@segmint/engine';
import type { RunConfig } from './run-config.js';
import type { FeatureSelection } from './prepare-steps.js';
import { selectFeatures, type CandidateColumn } from './select-features.js';

/** The customer table in DuckDB and what the runner learnt about it. */
export interface CustomerSource {
  /** The source file as loaded. */
  readonly loaded: LoadedTable;
  /** Absolute path of the source file. */
  readonly path: string;
  /** DuckDB table with one row per customer (the RFM table for transactions). */
  readonly table: string;
  /** The id column, or null for row numbers. */
  readonly idColumn: string | null;
  readonly rfm: RfmResult | null;
  /** Columns added by derive recipes. */
  readonly derived: readonly string[];
}

/** The features and their values, plus ids and RFM extras for segments.csv. */
export interface CustomerFeatures {
  readonly selection: FeatureSelection;
  /** Exactly the selected feature columns, original units, every customer row. */
  readonly table: Table;
  /** Id of each row (null when the config has no id: use row numbers). */
  readonly ids: readonly (string | number | null)[] | null;
}

/** Resolves a config source against the config's folder. */
export function resolveSource(source: SourceSpec, configDir: string): SourceSpec {
  return {
    ...source,
    path: isAbsolute(source.path) ? source.path : resolve(configDir, source.path),
  };
}

/**
 * Loads the source, computes RFM when configured, applies derive recipes.
 * @throws SegmintError from the data layer: NOT_FOUND naming the file, INVALID_FILE naming file,
 *   line and column, QUERY_FAILED with the SQL; CANCELLED when `signal` aborts.
 */
export async function loadCustomers(
  db: Database,
  config: RunConfig,
  configDir: string,
  signal?: AbortSignal,
): Promise<CustomerSource> {
  const source = resolveSource(config.source, configDir);
  const loaded = await loadSource(db, source, { table: 'source', ...(signal ? { signal } : {}) });
  let table = loaded.table;
  let rfm: RfmResult | null = null;
  if (config.transactions) {
    const { segments, ...spec } = config.transactions;
    rfm = await computeRfm(db, table, spec, segments ? { scoreMap: segments } : {});
    table = rfm.table;
  }
  let derived: string[] = [];
  if (config.derive.length > 0) {
    const result = await deriveFeatures(db, table, [...config.derive]);
    table = result.table;
    derived = result.added;
  }
  const idColumn = config.id ?? config.transactions?.customer ?? null;
  return { loaded, path: source.path, table, idColumn, rfm, derived };
}

/**
 * Chooses the features and reads them (and the ids) into memory.
 * @throws SegmintError INVALID_CONFIG for unknown columns (see `selectFeatures`).
 */
export async function readCustomerFeatures(
  db: Database,
  customers: CustomerSource,
  config: Pick<RunConfig, 'features' | 'categorical'>,
): Promise<CustomerFeatures> {
  const candidates = await candidateColumns(db, customers);
  const selection = selectFeatures(
    candidates,
    {
      features: config.features,
      categorical: config.categorical,
      id: customers.idColumn,
      rfm: customers.rfm !== null,
    },
    customers.loaded.file,
  );
  const names = [...selection.numeric, ...selection.categorical];
  const wide = await readTable(db, customers.table, names);
  const explicit = new Set(config.categorical ?? []);
  for (const column of wide.columns) {
    if (column.kind === 'categorical' && !explicit.has(column.name))
      checkNotNumbersWithText(column.name, column.values, customers);
  }
  // Order the columns as selected, and make listed categorical columns categorical.
  const table: Table = {
    rows: wide.rows,
    columns: names.map((name) => {
      const column = wide.columns.find((c) => c.name === name)!;
      if (!selection.categorical.includes(name) || column.kind === 'categorical') return column;
      return {
        name,
        kind: 'categorical' as const,
        values: Array.from(column.values, (v) => (Number.isNaN(v) ? null : String(v))),
      };
    }),
  };
  const ids =
    customers.idColumn === null
      ? null
      : await readColumnValues(db, customers.table, customers.idColumn);
  return { selection, table, ids };
}

/**
 * Every column of the customer table with its kind, from DuckDB's catalogue (no data read):
 * only numeric columns are default features (dates, booleans and text never are); VARCHAR
 * columns can be listed as categorical features.
 */
export async function candidateColumns(
  db: Database,
  customers: CustomerSource,
): Promise<CandidateColumn[]> {
  const columns = await describeTable(db, customers.table);
  return columns.map((c) => ({
    name: c.name,
    kind:
      c.kind === 'numeric'
        ? 'numeric'
        : c.kind === 'categorical' || c.kind === 'text'
          ? 'categorical'
          : 'other',
  }));
}

/**
 * A column listed under `features` that reads as text but whose values are nearly all numbers
 * is a numeric column with a stray text value ("n/a", "12,5"), not a category: one-hot encoding
 * it would make one indicator per distinct number. Name the first offending value instead.
 * @throws SegmintError INVALID_FILE naming the file, column, data row and value.
 */
export function checkNotNumbersWithText(
  name: string,
  values: readonly (string | null)[],
  customers: Pick<CustomerSource, 'loaded' | 'rfm'>,
): void {
  let present = 0;
  let numbers = 0;
  let firstText = -1;
  values.forEach((value, i) => {
    if (value === null || value.trim() === '') return;
    present++;
    if (Number.isFinite(Number(value))) numbers++;
    else if (firstText < 0) firstText = i;
  });
  if (firstText < 0 || present === 0 || numbers / present < 0.9) return;
  const file = customers.loaded.file;
  const row = firstText + 1;
  const where =
    customers.rfm === null &&
    customers.loaded.format !== 'xlsx' &&
    customers.loaded.format !== 'parquet'
      ? `data row ${row} (line ${row + 1} with the header)`
      : `row ${row}`;
  throw new SegmintError(
    ERROR_CODES.INVALID_FILE,
    `${file}: column ${JSON.stringify(name)} holds numbers and text: ${where} has ${JSON.stringify(values[firstText])}. Fix or blank that value, or list the column under 'categorical' to treat it as categories.`,
    { file, column: name, row, value: values[firstText] },
  );
}
