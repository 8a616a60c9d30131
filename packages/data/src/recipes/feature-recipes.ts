/**
 * Feature recipes compiled to SQL and run inside DuckDB: age from a birth year or date, tenure
 * from a signup date, sums, ratios, counts of positive columns and category mappings (the usual
 * first cells of an analyst's notebook). Each recipe becomes one SQL expression over quoted
 * column names; every user value (an `asOf` date, a mapping's keys and values, a date format) is
 * a bound parameter, never spliced into the SQL text. {@link deriveFeatures} applies recipes in
 * order, so a later recipe may use a column an earlier one added.
 */
import type { DuckDBValue } from '@duckdb/node-api';
import { ERROR_CODES, SegmintError, formatValue } from '@segmint/engine';
import type { Database } from '../database.js';
import { quoteIdentifier } from '../database.js';
import type { ColumnInfo } from '../sources/columns.js';
import { describeTable } from '../sources/columns.js';

/**
 * A derived column.
 * - age: whole years from a birth year (integer column) or a birth date to `asOf` (a
 *   'YYYY-MM-DD' date; default: the current date, so pass `asOf` for reproducible runs).
 * - tenure: whole `unit`s (default 'days') from a signup date to `asOf` (default: the latest
 *   date in that column, so the result depends only on the data).
 * - sum: the sum of `columns`, missing values counting as 0 (NULL only when all are missing).
 * - ratio: numerator / denominator; NULL when the denominator is 0 or either side is missing.
 * - count: how many of `columns` hold a value > 0.
 * - map: `mapping[value]` for each value of `column` (compared as text), else `default` (NULL).
 * Default names: 'age', 'tenure'. Date columns stored as text are parsed with `dateFormat`
 * (a strptime format such as '%d-%m-%Y') or, without one, ISO dates.
 */
export type FeatureRecipe =
  | { type: 'age'; column: string; name?: string; asOf?: string; dateFormat?: string }
  | {
      type: 'tenure';
      column: string;
      name?: string;
      unit?: 'days' | 'months' | 'years';
      asOf?: string;
      dateFormat?: string;
    }
  | { type: 'sum'; columns: string[]; name: string }
  | { type: 'ratio'; numerator: string; denominator: string; name: string }
  | { type: 'count'; columns: string[]; name: string }
  | {
      type: 'map';
      column: string;
      name: string;
      mapping: Record<string, string | number>;
      default?: string | number | null;
    };

/** One compiled recipe: `SELECT *, <expression> AS "<name>"` with these bound parameters. */
export interface CompiledRecipe {
  name: string;
  expression: string;
  params: Record<string, DuckDBValue>;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Compiles one recipe against the columns of `table`. Parameters are named `$r<index>_<n>` so
 * several compiled recipes can share one statement.
 * @throws SegmintError INVALID_PARAMETER naming the recipe and the problem (unknown column, bad
 *   asOf, empty column list, non-numeric column in a sum).
 * @example
 * compileRecipe({ type: 'ratio', numerator: 'MntWines', denominator: 'Income', name: 'wine_share' }, columns, 'source', 0)
 * // { name: 'wine_share', expression: 'CASE WHEN "Income" = 0 THEN NULL ELSE "MntWines"::DOUBLE / "Income"::DOUBLE END', params: {} }
 */
export function compileRecipe(
  recipe: FeatureRecipe,
  columns: readonly ColumnInfo[],
  table: string,
  index = 0,
): CompiledRecipe {
  const params: Record<string, DuckDBValue> = {};
  let counter = 0;
  const bind = (value: DuckDBValue): string => {
    const key = `r${index}_${counter++}`;
    params[key] = value;
    return `$${key}`;
  };
  const label = `recipe ${index + 1} (${recipe.type}${'name' in recipe && recipe.name !== undefined ? ` '${recipe.name}'` : ''})`;
  const column = (name: string): ColumnInfo => {
    const found = columns.find((candidate) => candidate.name === name);
    if (found === undefined) {
      throw recipeError(
        label,
        `no column named ${formatValue(name)}; the columns are: ${columns.map((c) => c.name).join(', ')}`,
      );
    }
    return found;
  };
  const numeric = (name: string): string => {
    const info = column(name);
    if (info.kind !== 'numeric' && info.kind !== 'boolean') {
      throw recipeError(label, `column ${formatValue(name)} is ${info.type}, not a number`);
    }
    return `${quoteIdentifier(name)}::DOUBLE`;
  };
  const asDate = (info: ColumnInfo, dateFormat: string | undefined): string => {
    const id = quoteIdentifier(info.name);
    if (info.kind === 'date') return `${id}::DATE`;
    if (dateFormat !== undefined) return `try_strptime(${id}::VARCHAR, ${bind(dateFormat)})::DATE`;
    return `TRY_CAST(${id} AS DATE)`;
  };
  const asOfDate = (asOf: string | undefined, fallback: string): string => {
    if (asOf === undefined) return fallback;
    if (!ISO_DATE.test(asOf) || Number.isNaN(Date.parse(asOf))) {
      throw recipeError(label, `'asOf' must be a date 'YYYY-MM-DD'; got ${formatValue(asOf)}`);
    }
    return `CAST(${bind(asOf)} AS DATE)`;
  };
  const list = (names: readonly string[]): string[] => {
    if (names.length === 0) throw recipeError(label, "'columns' must list at least one column");
    return names.map(numeric);
  };

  switch (recipe.type) {
    case 'age': {
      const info = column(recipe.column);
      const asOf = asOfDate(recipe.asOf, 'current_date');
      const expression =
        info.kind === 'numeric'
          ? `(year(${asOf}) - ${quoteIdentifier(info.name)})::DOUBLE`
          : `date_sub('year', ${asDate(info, recipe.dateFormat)}, ${asOf})::DOUBLE`;
      return { name: recipe.name ?? 'age', expression, params };
    }
    case 'tenure': {
      const info = column(recipe.column);
      const start = asDate(info, recipe.dateFormat);
      const unit = recipe.unit ?? 'days';
      if (!['days', 'months', 'years'].includes(unit)) {
        throw recipeError(label, `'unit' must be days, months or years; got ${formatValue(unit)}`);
      }
      const asOf = asOfDate(recipe.asOf, `(SELECT max(${start}) FROM ${quoteIdentifier(table)})`);
      const part = unit === 'days' ? 'day' : unit === 'months' ? 'month' : 'year';
      return {
        name: recipe.name ?? 'tenure',
        expression: `date_sub('${part}', ${start}, ${asOf})::DOUBLE`,
        params,
      };
    }
    case 'sum': {
      const terms = list(recipe.columns);
      const allMissing = recipe.columns
        .map((name) => `${quoteIdentifier(name)} IS NULL`)
        .join(' AND ');
      const total = terms.map((term) => `coalesce(${term}, 0)`).join(' + ');
      return {
        name: recipe.name,
        expression: `CASE WHEN ${allMissing} THEN NULL ELSE ${total} END`,
        params,
      };
    }
    case 'ratio': {
      const numerator = numeric(recipe.numerator);
      const denominator = numeric(recipe.denominator);
      return {
        name: recipe.name,
        expression: `CASE WHEN ${denominator} = 0 THEN NULL ELSE ${numerator} / ${denominator} END`,
        params,
      };
    }
    case 'count': {
      const terms = list(recipe.columns).map((term) => `coalesce((${term} > 0)::INTEGER, 0)`);
      return { name: recipe.name, expression: `(${terms.join(' + ')})::DOUBLE`, params };
    }
    case 'map': {
      const info = column(recipe.column);
      const entries = Object.entries(recipe.mapping);
      if (entries.length === 0) throw recipeError(label, "'mapping' must hold at least one value");
      const values = [...entries.map(([, value]) => value), recipe.default ?? null];
      const numericResult = values.every((value) => value === null || typeof value === 'number');
      const cast = numericResult ? 'DOUBLE' : 'VARCHAR';
      const out = (value: string | number | null): string =>
        value === null
          ? `NULL::${cast}`
          : `CAST(${bind(numericResult ? value : String(value))} AS ${cast})`;
      const whens = entries.map(([key, value]) => `WHEN ${bind(key)} THEN ${out(value)}`);
      return {
        name: recipe.name,
        expression: `CASE ${quoteIdentifier(info.name)}::VARCHAR ${whens.join(' ')} ELSE ${out(recipe.default ?? null)} END`,
        params,
      };
    }
    default: {
      const unknown: { type?: unknown } = recipe;
      throw recipeError(label, `unknown recipe type ${formatValue(unknown.type)}`);
    }
  }
}

function recipeError(label: string, reason: string): SegmintError {
  return new SegmintError(ERROR_CODES.INVALID_PARAMETER, `deriveFeatures: ${label}: ${reason}.`, {
    parameter: label,
  });
}

/**
 * Applies `recipes` in order to `table` and writes the result to a new table
 * `<table>_features` (the input table is left as it was). A recipe whose name is already a
 * column replaces that column.
 * @returns the new table and the names of the columns added (or replaced), in recipe order.
 * @throws SegmintError INVALID_PARAMETER for an invalid recipe (see {@link compileRecipe});
 *   QueryError when DuckDB fails.
 * @example
 * await deriveFeatures(db, 'source', [
 *   { type: 'age', column: 'Year_Birth', asOf: '2014-12-31' },
 *   { type: 'sum', columns: ['MntWines', 'MntFruits'], name: 'total_spend' },
 * ]); // { table: 'source_features', added: ['age', 'total_spend'] }
 */
export async function deriveFeatures(
  db: Database,
  table: string,
  recipes: FeatureRecipe[],
): Promise<{ table: string; added: string[] }> {
  const target = `${table}_features`;
  const added: string[] = [];
  let current = table;
  const temporaries: string[] = [];
  try {
    for (let index = 0; index < recipes.length; index++) {
      const columns = await describeTable(db, current);
      const compiled = compileRecipe(recipes[index]!, columns, current, index);
      const next = index === recipes.length - 1 ? target : db.temporaryName(`${table}_recipe`);
      await db.run(recipeSql(current, next, compiled, columns), compiled.params);
      if (next !== target) temporaries.push(next);
      if (current !== table) await db.run(`DROP TABLE IF EXISTS ${quoteIdentifier(current)}`);
      current = next;
      if (!added.includes(compiled.name)) added.push(compiled.name);
    }
    if (recipes.length === 0) {
      await db.run(
        `CREATE OR REPLACE TABLE ${quoteIdentifier(target)} AS SELECT * FROM ${quoteIdentifier(table)}`,
      );
    }
  } finally {
    for (const name of temporaries) await db.run(`DROP TABLE IF EXISTS ${quoteIdentifier(name)}`);
  }
  return { table: target, added };
}

/** The CREATE TABLE statement applying one compiled recipe (replacing a same-named column). */
export function recipeSql(
  from: string,
  to: string,
  compiled: CompiledRecipe,
  columns: readonly ColumnInfo[],
): string {
  const exists = columns.some((column) => column.name === compiled.name);
  const select = exists
    ? `* REPLACE (${compiled.expression} AS ${quoteIdentifier(compiled.name)})`
    : `*, ${compiled.expression} AS ${quoteIdentifier(compiled.name)}`;
  return `CREATE OR REPLACE TABLE ${quoteIdentifier(to)} AS SELECT ${select} FROM ${quoteIdentifier(from)}`;
}
