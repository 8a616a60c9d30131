/**
 * Column profiles computed inside DuckDB: missing share, distinct count, min/max, mean and
 * standard deviation, quantiles, top values and a 20-bin histogram, plus the role each column
 * is likely to play (id, numeric, categorical, date, text). One aggregate query covers the
 * counts and moments of every column; top values and histograms take one query per column.
 *
 * Roles (heuristics, documented so users can predict them):
 * - id: no missing value, one distinct value per row, an integer or string type, and a name that
 *   looks like an identifier (`id`, `CustomerID`, `customer_id`, `userId`, `CUST_ID`).
 * - date: DATE and TIMESTAMP columns.
 * - numeric: numbers and booleans (read as 0/1), including low-cardinality integers such as a
 *   Likert answer or a number of children: their order carries meaning.
 * - text: strings that are mostly distinct (more than half of the non-missing values, and more
 *   than 20 of them) or long (50+ characters on average): free text, names, e-mails.
 * - categorical: other strings.
 */
import type { Database } from '../database.js';
import { quoteIdentifier } from '../database.js';
import { type ColumnInfo, countRows, describeTable } from '../sources/columns.js';

/** The profile of one column. Numbers are null where they do not apply (e.g. mean of a string). */
export interface ColumnProfile {
  name: string;
  /** DuckDB type. */
  type: string;
  role: 'id' | 'numeric' | 'categorical' | 'date' | 'text';
  /** Rows in the table. */
  count: number;
  /** Missing (NULL) values. */
  missing: number;
  /** missing / count (0 for an empty table). */
  missingShare: number;
  /** Distinct non-missing values. */
  distinct: number;
  /** Numbers for numeric columns, 'YYYY-MM-DD[ hh:mm:ss]' for dates, strings otherwise. */
  min: number | string | null;
  max: number | string | null;
  mean: number | null;
  /** Sample standard deviation (n - 1). */
  std: number | null;
  /** Linear-interpolated quantiles (numeric columns with a value). */
  quantiles: { p5: number; p25: number; p50: number; p75: number; p95: number } | null;
  /** Up to 10 most frequent values (ties by value), as strings. */
  top: { value: string; count: number }[];
  /** 20 equal-width bins over [min, max] (numeric columns); 21 edges. One bin when min == max. */
  histogram: { edges: number[]; counts: number[] } | null;
}

/** Number of histogram bins. */
export const HISTOGRAM_BINS = 20;
/** Number of top values kept. */
export const TOP_VALUES = 10;

/** `id` as a separate word (`customer_id`, `CUST ID`) or a camel-case suffix (`CustomerID`, `userId`). */
const ID_WORD = /(^|[_\s.-])id($|[_\s.-])/i;
const ID_CAMEL = /[a-z](ID|Id)$/;
const INTEGER_TYPE =
  /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)$/;

/** True when a column name looks like an identifier ('ID', 'CustomerID', 'user_id', 'userId'). */
export function looksLikeIdName(name: string): boolean {
  return ID_WORD.test(name) || ID_CAMEL.test(name);
}

/**
 * Profiles every column of `table`.
 * @throws QueryError when the table does not exist or a query fails.
 * @example
 * const profiles = await profileTable(db, 'source');
 * profiles.find((p) => p.name === 'Income')?.missing // 24
 */
export async function profileTable(db: Database, table: string): Promise<ColumnProfile[]> {
  const columns = await describeTable(db, table);
  const rows = await countRows(db, table);
  const from = quoteIdentifier(table);
  const aggregates: string[] = [];
  columns.forEach((column, j) => {
    const id = quoteIdentifier(column.name);
    const value = isNumeric(column) ? `${id}::DOUBLE` : id;
    aggregates.push(`count(${id})::DOUBLE AS "n${j}"`, `count(DISTINCT ${id})::DOUBLE AS "d${j}"`);
    if (isNumeric(column)) {
      const x = column.kind === 'boolean' ? `${id}::INTEGER::DOUBLE` : value;
      aggregates.push(
        `min(${x}) AS "min${j}"`,
        `max(${x}) AS "max${j}"`,
        `avg(${x}) AS "mean${j}"`,
        `stddev_samp(${x}) AS "std${j}"`,
        `quantile_cont(${x}, [0.05, 0.25, 0.5, 0.75, 0.95]) AS "q${j}"`,
      );
    } else if (column.kind === 'categorical') {
      aggregates.push(
        `min(${id}) AS "min${j}"`,
        `max(${id}) AS "max${j}"`,
        `avg(length(${id}))::DOUBLE AS "len${j}"`,
      );
    } else {
      aggregates.push(`min(${id})::VARCHAR AS "min${j}"`, `max(${id})::VARCHAR AS "max${j}"`);
    }
  });
  const stats =
    columns.length === 0
      ? {}
      : ((await db.all(`SELECT ${aggregates.join(', ')} FROM ${from}`))[0] ?? {});

  const profiles: ColumnProfile[] = [];
  for (let j = 0; j < columns.length; j++) {
    const column = columns[j]!;
    const present = Number(stats[`n${j}`] ?? 0);
    const distinct = Number(stats[`d${j}`] ?? 0);
    const numeric = isNumeric(column);
    const min = nullable(stats[`min${j}`]);
    const max = nullable(stats[`max${j}`]);
    const q = stats[`q${j}`] as number[] | null | undefined;
    profiles.push({
      name: column.name,
      type: column.type,
      role: inferRole(column, rows, present, distinct, Number(stats[`len${j}`] ?? 0)),
      count: rows,
      missing: rows - present,
      missingShare: rows === 0 ? 0 : (rows - present) / rows,
      distinct,
      min,
      max,
      mean: numeric ? (nullable(stats[`mean${j}`]) as number | null) : null,
      std: numeric ? (nullable(stats[`std${j}`]) as number | null) : null,
      quantiles:
        numeric && Array.isArray(q) && q.length === 5
          ? { p5: q[0]!, p25: q[1]!, p50: q[2]!, p75: q[3]!, p95: q[4]! }
          : null,
      top: await topValues(db, table, column),
      histogram:
        numeric && typeof min === 'number' && typeof max === 'number'
          ? await histogram(db, table, column, min, max)
          : null,
    });
  }
  return profiles;
}

function isNumeric(column: ColumnInfo): boolean {
  return column.kind === 'numeric' || column.kind === 'boolean';
}

function nullable(value: unknown): number | string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'bigint') return Number(value);
  return value instanceof Date ? value.toISOString() : JSON.stringify(value);
}

/** The role of a column from its type and counts (rules in the file header). */
export function inferRole(
  column: ColumnInfo,
  rows: number,
  present: number,
  distinct: number,
  averageLength: number,
): ColumnProfile['role'] {
  const unique = rows > 0 && present === rows && distinct === rows;
  const idType = INTEGER_TYPE.test(column.type.toUpperCase()) || column.kind === 'categorical';
  if (unique && idType && looksLikeIdName(column.name)) return 'id';
  if (column.kind === 'date') return 'date';
  if (isNumeric(column)) return 'numeric';
  if (column.kind === 'categorical') {
    if ((distinct > 20 && distinct > present / 2) || averageLength >= 50) return 'text';
    return 'categorical';
  }
  return 'text';
}

async function topValues(
  db: Database,
  table: string,
  column: ColumnInfo,
): Promise<{ value: string; count: number }[]> {
  const id = quoteIdentifier(column.name);
  const rows = await db.all(
    `SELECT ${id}::VARCHAR AS value, count(*)::DOUBLE AS count FROM ${quoteIdentifier(table)} WHERE ${id} IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${TOP_VALUES}`,
  );
  return rows.map((row) => ({ value: String(row.value), count: Number(row.count) }));
}

async function histogram(
  db: Database,
  table: string,
  column: ColumnInfo,
  min: number,
  max: number,
): Promise<{ edges: number[]; counts: number[] }> {
  const id = quoteIdentifier(column.name);
  const x = column.kind === 'boolean' ? `${id}::INTEGER::DOUBLE` : `${id}::DOUBLE`;
  if (max === min) {
    const rows = await db.all(`SELECT count(${id})::DOUBLE AS n FROM ${quoteIdentifier(table)}`);
    return { edges: [min, max], counts: [Number(rows[0]?.n ?? 0)] };
  }
  const width = (max - min) / HISTOGRAM_BINS;
  const rows = await db.all(
    `SELECT least(floor((${x} - $min) / $width)::INTEGER, ${HISTOGRAM_BINS - 1}) AS bin, count(*)::DOUBLE AS n FROM ${quoteIdentifier(table)} WHERE ${id} IS NOT NULL GROUP BY 1`,
    { min, width },
  );
  const counts = new Array<number>(HISTOGRAM_BINS).fill(0);
  for (const row of rows) counts[Number(row.bin)] = Number(row.n);
  const edges = Array.from({ length: HISTOGRAM_BINS + 1 }, (_, b) =>
    b === HISTOGRAM_BINS ? max : min + b * width,
  );
  return { edges, counts };
}
