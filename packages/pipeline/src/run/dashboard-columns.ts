/**
 * The other columns of a run's customer table (neither features nor the id), read for the
 * dashboard so the distribution picker offers every input and derived column by segment, as the
 * usual Streamlit apps do. Numeric, boolean, categorical and text columns are read (dates are
 * left out: their raw distribution says little); at most {@link MAX_EXTRA_COLUMNS} of them.
 */
import { describeTable, readTable, type Database } from '@segmint/data';
import type { Table } from '@segmint/engine';
import type { CustomerSource } from './load-customers.js';

/** Columns read beyond the features (the first ones in table order). */
export const MAX_EXTRA_COLUMNS = 40;

/**
 * The customer table's columns other than `selected` and the id, in table order.
 * @returns null when there are none.
 * @throws QueryError from DuckDB.
 * @example const extra = await readExtraColumns(db, customers, ['Income', 'Recency']);
 */
export async function readExtraColumns(
  db: Database,
  customers: Pick<CustomerSource, 'table' | 'idColumn'>,
  selected: readonly string[],
): Promise<Table | null> {
  const names = (await describeTable(db, customers.table))
    .filter((c) => c.kind !== 'date' && c.name !== customers.idColumn && !selected.includes(c.name))
    .slice(0, MAX_EXTRA_COLUMNS)
    .map((c) => c.name);
  return names.length === 0 ? null : readTable(db, customers.table, names);
}
