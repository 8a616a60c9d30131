/**
 * RFM (recency, frequency, monetary) from a transactions table, in DuckDB (Hughes 1994,
 * "Strategic Database Marketing"; quintile scoring as in most CRM tools).
 *
 * Per customer: recency = whole days elapsed from the last purchase to midnight starting `asOf`
 * (default: the day after the latest transaction; pandas' `(snapshot - last).days`, the usual
 * notebook definition), frequency = distinct invoices (or rows without an invoice column),
 * monetary = sum of amounts, amount = quantity x price when a quantity column is given, else
 * price. Scores are quintiles, NTILE(5), ties broken by the customer id so results are
 * reproducible: r_score 5 = most recent, f_score / m_score 5 = most frequent / highest spend.
 * rfm_score is the string 'RFM' (e.g. '545') and rfm_segment its name from the score map
 * (rfm-segments.ts). Rows without a customer are dropped and counted; so are rows whose amount,
 * quantity or price is not positive (returns, cancellations), unless `includeNonPositive`.
 */
import { ERROR_CODES, SegmintError, type EstimatorWarning, warning } from '@segmint/engine';
import type { Database } from '../database.js';
import { quoteIdentifier } from '../database.js';
import { type ColumnInfo, describeTable } from '../sources/columns.js';
import { invalidFile } from '../sources/invalid-file.js';
import { DEFAULT_RFM_SCORE_MAP, RFM_CODES } from './rfm-segments.js';

/** Which columns of a transactions table hold what. */
export interface TransactionsSpec {
  customer: string;
  date: string;
  price: string;
  quantity?: string;
  invoice?: string;
  /** 'YYYY-MM-DD'; default: the day after the latest transaction. */
  asOf?: string;
  /** Keep rows with a non-positive amount (default false: they are dropped and counted). */
  includeNonPositive?: boolean;
  /** strptime format for a date column stored as text (default: ISO dates/timestamps). */
  dateFormat?: string;
}

/** The RFM table and what went into it. */
export interface RfmResult {
  /**
   * One row per customer: the customer column (same name as `spec.customer`), recency,
   * frequency, monetary, r_score, f_score, m_score, rfm_score ('545'), rfm_segment.
   */
  table: string;
  customers: number;
  /** Transactions used (after dropping). */
  transactions: number;
  droppedNoCustomer: number;
  droppedNonPositive: number;
  /** The reference date, 'YYYY-MM-DD'. */
  asOf: string;
  /** RFM_FEW_CUSTOMERS (< 100), RFM_SHORT_HISTORY (< 90 days), RFM_FEW_REPEAT_BUYERS (< 10%). */
  warnings: EstimatorWarning[];
}

/** Thresholds of the thin-data warnings. */
export const RFM_THRESHOLDS = Object.freeze({ customers: 100, historyDays: 90, repeatShare: 0.1 });

/**
 * Computes RFM per customer from the transactions in `table` into table `<table>_rfm`.
 * @param options.scoreMap codes -> names overriding {@link DEFAULT_RFM_SCORE_MAP} (partial).
 * @throws SegmintError INVALID_FILE naming a column that does not exist; INVALID_PARAMETER for a
 *   bad asOf or score-map code; INVALID_FILE when no transaction is left after dropping;
 *   QueryError for DuckDB failures.
 * @example
 * const rfm = await computeRfm(db, 'source', { customer: 'CustomerID', date: 'InvoiceDate',
 *   price: 'UnitPrice', quantity: 'Quantity', invoice: 'InvoiceNo' });
 * // Online Retail: rfm.customers === 4338, rfm.asOf === '2011-12-10'
 */
export async function computeRfm(
  db: Database,
  table: string,
  spec: TransactionsSpec,
  options: { scoreMap?: Record<string, string> } = {},
): Promise<RfmResult> {
  const columns = await describeTable(db, table);
  const pick = (key: keyof TransactionsSpec): ColumnInfo | undefined => {
    const name = spec[key];
    if (name === undefined || typeof name !== 'string') return undefined;
    const found = columns.find((column) => column.name === name);
    if (found === undefined) {
      throw invalidFile(
        table,
        `transactions.${key}: no column named "${name}"; the columns are: ${columns.map((c) => c.name).join(', ')}`,
        undefined,
        { column: name, parameter: `transactions.${key}` },
      );
    }
    return found;
  };
  const customer = pick('customer')!;
  const date = pick('date')!;
  const price = pick('price')!;
  const quantity = pick('quantity');
  const invoice = pick('invoice');
  if (spec.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(spec.asOf)) {
    throw new SegmintError(
      ERROR_CODES.INVALID_PARAMETER,
      `computeRfm: 'asOf' must be a date 'YYYY-MM-DD'; got "${spec.asOf}".`,
      { parameter: 'asOf', value: spec.asOf },
    );
  }
  const scoreMap = mergeScoreMap(options.scoreMap);

  const params: Record<string, string> = {};
  const id = quoteIdentifier(customer.name);
  const customerPresent =
    customer.kind === 'categorical'
      ? `(${id} IS NOT NULL AND trim(${id}) <> '')`
      : `${id} IS NOT NULL`;
  let timestamp: string;
  if (date.kind === 'date') timestamp = `${quoteIdentifier(date.name)}::TIMESTAMP`;
  else if (spec.dateFormat !== undefined) {
    params.dateformat = spec.dateFormat;
    timestamp = `try_strptime(${quoteIdentifier(date.name)}::VARCHAR, $dateformat)`;
  } else timestamp = `TRY_CAST(${quoteIdentifier(date.name)} AS TIMESTAMP)`;
  const priceValue = `${quoteIdentifier(price.name)}::DOUBLE`;
  const quantityValue = quantity === undefined ? null : `${quoteIdentifier(quantity.name)}::DOUBLE`;
  const amount = quantityValue === null ? priceValue : `${quantityValue} * ${priceValue}`;
  const positive =
    quantityValue === null ? `${priceValue} > 0` : `${quantityValue} > 0 AND ${priceValue} > 0`;
  const keep = spec.includeNonPositive === true ? 'TRUE' : `coalesce(${positive}, FALSE)`;

  // Counts of what is dropped, and the cleaned transactions as a temporary table.
  const transactions = db.temporaryName(`${table}_transactions`);
  const from = quoteIdentifier(table);
  const counts = await db.all(
    `SELECT count(*)::DOUBLE AS total, count(*) FILTER (WHERE NOT ${customerPresent})::DOUBLE AS no_customer, count(*) FILTER (WHERE ${customerPresent} AND NOT ${keep})::DOUBLE AS non_positive FROM ${from}`,
  );
  const droppedNoCustomer = Number(counts[0]?.no_customer ?? 0);
  const droppedNonPositive = Number(counts[0]?.non_positive ?? 0);
  const frequency =
    invoice === undefined ? 'count(*)' : `count(DISTINCT ${quoteIdentifier(invoice.name)})`;
  await db.run(
    `CREATE OR REPLACE TEMP TABLE ${quoteIdentifier(transactions)} AS SELECT ${id} AS customer, ${timestamp} AS ts, ${amount} AS amount${invoice === undefined ? '' : `, ${quoteIdentifier(invoice.name)} AS ${quoteIdentifier(invoice.name)}`} FROM ${from} WHERE ${customerPresent} AND ${keep} AND ${timestamp} IS NOT NULL`,
    params,
  );
  const mapTable = db.temporaryName('segmint_rfm_map');
  const target = `${table}_rfm`;
  try {
    const span = await db.all(
      `SELECT count(*)::DOUBLE AS n, strftime(min(ts), '%Y-%m-%d') AS first, strftime(max(ts), '%Y-%m-%d') AS last, strftime(CAST(max(ts) AS DATE) + 1, '%Y-%m-%d') AS next_day FROM ${quoteIdentifier(transactions)}`,
    );
    const used = Number(span[0]?.n ?? 0);
    if (used === 0) {
      throw invalidFile(
        table,
        `no transactions left for RFM (${droppedNoCustomer} without a customer, ${droppedNonPositive} with a non-positive amount dropped)`,
      );
    }
    const asOf = spec.asOf ?? String(span[0]?.next_day);

    await db.run(
      `CREATE OR REPLACE TEMP TABLE ${quoteIdentifier(mapTable)} (code VARCHAR, name VARCHAR)`,
    );
    const appender = await db.connection.createAppender(mapTable);
    for (const code of RFM_CODES) {
      appender.appendVarchar(code);
      appender.appendVarchar(scoreMap[code]!);
      appender.endRow();
    }
    appender.closeSync();

    await db.run(rfmSql(transactions, mapTable, target, customer.name, frequency), { asof: asOf });
    const summary = await db.all(
      `SELECT count(*)::DOUBLE AS customers, count(*) FILTER (WHERE frequency > 1)::DOUBLE AS repeat FROM ${quoteIdentifier(target)}`,
    );
    const customers = Number(summary[0]?.customers ?? 0);
    const repeatShare = customers === 0 ? 0 : Number(summary[0]?.repeat ?? 0) / customers;
    const historyDays =
      (Date.parse(String(span[0]?.last)) - Date.parse(String(span[0]?.first))) / 86_400_000;
    return {
      table: target,
      customers,
      transactions: used,
      droppedNoCustomer,
      droppedNonPositive,
      asOf,
      warnings: thinDataWarnings(customers, historyDays, repeatShare),
    };
  } finally {
    await db.run(`DROP TABLE IF EXISTS ${quoteIdentifier(transactions)}`);
    await db.run(`DROP TABLE IF EXISTS ${quoteIdentifier(mapTable)}`);
  }
}

/**
 * The statement building the per-customer RFM table from cleaned transactions (columns
 * customer, ts, amount[, invoice]) and a (code, name) map table. `$asof` is bound.
 */
export function rfmSql(
  transactions: string,
  mapTable: string,
  target: string,
  customerName: string,
  frequency: string,
): string {
  const customer = quoteIdentifier(customerName);
  return [
    `CREATE OR REPLACE TABLE ${quoteIdentifier(target)} AS`,
    `WITH per_customer AS (`,
    `  SELECT customer, floor((epoch(CAST($asof AS DATE)::TIMESTAMP) - epoch(max(ts))) / 86400)::DOUBLE AS recency,`,
    `    ${frequency}::DOUBLE AS frequency, sum(amount)::DOUBLE AS monetary`,
    `  FROM ${quoteIdentifier(transactions)} GROUP BY customer`,
    `), scored AS (`,
    `  SELECT *,`,
    `    ntile(5) OVER (ORDER BY recency DESC, customer) AS r_score,`,
    `    ntile(5) OVER (ORDER BY frequency, customer) AS f_score,`,
    `    ntile(5) OVER (ORDER BY monetary, customer) AS m_score`,
    `  FROM per_customer`,
    `)`,
    `SELECT s.customer AS ${customer}, s.recency, s.frequency, s.monetary,`,
    `  s.r_score::INTEGER AS r_score, s.f_score::INTEGER AS f_score, s.m_score::INTEGER AS m_score,`,
    `  concat(s.r_score, s.f_score, s.m_score) AS rfm_score, m.name AS rfm_segment`,
    `FROM scored s LEFT JOIN ${quoteIdentifier(mapTable)} m ON m.code = concat(s.r_score, s.f_score, s.m_score)`,
    `ORDER BY s.customer`,
  ].join('\n');
}

/** The default map with `overrides` applied. @throws SegmintError INVALID_PARAMETER for a bad code. */
export function mergeScoreMap(overrides: Record<string, string> = {}): Record<string, string> {
  for (const [code, name] of Object.entries(overrides)) {
    if (!RFM_CODES.includes(code) || typeof name !== 'string' || name.trim() === '') {
      throw new SegmintError(
        ERROR_CODES.INVALID_PARAMETER,
        `computeRfm: 'scoreMap' maps codes '111'..'555' (digits 1-5) to non-empty names; got "${code}": ${JSON.stringify(name)}.`,
        { parameter: 'scoreMap', value: code },
      );
    }
  }
  return { ...DEFAULT_RFM_SCORE_MAP, ...overrides };
}

/** The thin-data warnings commercial RFM tools show (thresholds in {@link RFM_THRESHOLDS}). */
export function thinDataWarnings(
  customers: number,
  historyDays: number,
  repeatShare: number,
): EstimatorWarning[] {
  const out: EstimatorWarning[] = [];
  if (customers < RFM_THRESHOLDS.customers) {
    out.push(
      warning(
        'RFM_FEW_CUSTOMERS',
        `Only ${customers} customers ordered; RFM quintiles need at least ${RFM_THRESHOLDS.customers} to mean much.`,
        { customers },
      ),
    );
  }
  if (historyDays < RFM_THRESHOLDS.historyDays) {
    out.push(
      warning(
        'RFM_SHORT_HISTORY',
        `The transactions span ${Math.round(historyDays)} days; recency and frequency are unreliable under ${RFM_THRESHOLDS.historyDays} days.`,
        { historyDays },
      ),
    );
  }
  if (repeatShare < RFM_THRESHOLDS.repeatShare) {
    out.push(
      warning(
        'RFM_FEW_REPEAT_BUYERS',
        `Only ${(repeatShare * 100).toFixed(1)}% of customers bought more than once; frequency scores barely differ.`,
        { repeatShare },
      ),
    );
  }
  return out;
}
