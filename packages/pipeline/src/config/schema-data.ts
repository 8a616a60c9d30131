/**
 * Config sections about the data: `source` (a path or a SourceSpec), `transactions` (RFM from a
 * purchases table) and `derive` (feature recipes). They mirror `@segmint/data`'s SourceSpec,
 * TransactionsSpec and FeatureRecipe so the runner passes them through unchanged.
 */
import type { SourceFormat } from '@segmint/data';
import { z } from 'zod';
import {
  columnList,
  columnName,
  expecting,
  isoDate,
  oneOf,
  section,
  text,
} from './schema-parts.js';

/** File formats a source may name (the data layer reads the format from the extension otherwise). */
export const SOURCE_FORMATS = [
  'csv',
  'tsv',
  'parquet',
  'json',
  'ndjson',
  'xlsx',
] as const satisfies readonly SourceFormat[];

/** `source` written as a mapping: the data layer's SourceSpec. */
export const sourceSpecSchema = section({
  path: text('a file path').describe('The data file, relative to the config file.'),
  format: oneOf(SOURCE_FORMATS)
    .optional()
    .describe('File format; default from the extension (.csv .tsv .csv.gz .parquet .json .xlsx).'),
  delimiter: z
    .string(expecting('a single character such as "," or ";"'))
    .length(1, expecting('a single character such as "," or ";"'))
    .optional()
    .describe('CSV/TSV field delimiter; sniffed when absent.'),
  header: z
    .boolean(expecting('true or false'))
    .optional()
    .describe('Whether the first CSV row names the columns; sniffed when absent.'),
  sheet: text('a sheet name').optional().describe('XLSX: the sheet to read.'),
  dateFormat: text('a strptime format such as "%d-%m-%Y"')
    .optional()
    .describe('CSV date format such as "%d-%m-%Y"; sniffed when absent.'),
  types: z
    .record(
      text('a column name'),
      text('a DuckDB type such as VARCHAR or DOUBLE'),
      expecting('a mapping from column names to DuckDB types'),
    )
    .optional()
    .describe(
      'CSV: column types forced instead of sniffed, e.g. { ZipCode: VARCHAR, Income: DOUBLE }.',
    ),
});

/**
 * `source`: a path string or a {@link sourceSpecSchema} mapping, normalised to the mapping so the
 * runner always reads `config.source.path`.
 */
export const sourceSchema = z
  .union([text('a file path'), sourceSpecSchema], {
    error: () =>
      'a file path, or a mapping { path, format?, delimiter?, header?, sheet?, dateFormat?, types? }',
  })
  .transform((source) => (typeof source === 'string' ? { path: source } : source))
  .describe(
    'The data file (csv, tsv, csv.gz, parquet, json, ndjson, xlsx), relative to the config file, or { path, format, delimiter, header, sheet, dateFormat, types }.',
  );

/** `transactions`: the purchases table's columns; each output row becomes a customer (RFM). */
export const transactionsSchema = section({
  customer: columnName().describe('Customer id column; rows without one are dropped and counted.'),
  date: columnName().describe('Purchase date column.'),
  price: columnName().describe('Unit price (or amount) column.'),
  quantity: columnName()
    .optional()
    .describe('Quantity column: amount = quantity x price when given, else price.'),
  invoice: columnName()
    .optional()
    .describe('Invoice column: frequency counts distinct invoices, else rows.'),
  asOf: isoDate()
    .optional()
    .describe('Reference date for recency; default the day after the last purchase.'),
  includeNonPositive: z
    .boolean(expecting('true or false'))
    .default(false)
    .describe('Keep rows with a non-positive amount (returns, cancellations).'),
  dateFormat: text('a strptime format such as "%d-%m-%Y"')
    .optional()
    .describe('Date format of the date column, e.g. "%d/%m/%Y %H:%M"; sniffed when absent.'),
  segments: z
    .record(
      z.string().regex(/^[1-5]{3}$/, { error: () => "an R-F-M code such as '555' (digits 1-5)" }),
      text('a segment name'),
    )
    .optional()
    .describe(
      "Overrides of the RFM score map: R-F-M codes ('111'..'555') -> segment names; every other code keeps its classic name (Champions, Loyal, ..., Lost).",
    ),
});

const derivedName = text('a name for the new column');

/** A strptime format for dates stored as text. */
function dateFormat() {
  return text('a strptime format such as "%d-%m-%Y"').describe(
    'Format of dates stored as text, e.g. "%d/%m/%Y"; ISO dates need none.',
  );
}

/** The derive recipe types, in documentation order. */
export const RECIPE_TYPES = ['age', 'tenure', 'sum', 'ratio', 'count', 'map'] as const;

/** One feature recipe (the data layer's FeatureRecipe), discriminated by `type`. */
export const recipeSchema = z.discriminatedUnion(
  'type',
  [
    section({
      type: z.literal('age'),
      column: columnName().describe('Birth year (integer) or birth date.'),
      name: derivedName.optional(),
      asOf: isoDate().optional(),
      dateFormat: dateFormat().optional(),
    }),
    section({
      type: z.literal('tenure'),
      column: columnName().describe('Signup date.'),
      name: derivedName.optional(),
      unit: oneOf(['days', 'months', 'years']).optional(),
      asOf: isoDate().optional(),
      dateFormat: dateFormat().optional(),
    }),
    section({ type: z.literal('sum'), columns: columnList(true), name: derivedName }),
    section({
      type: z.literal('ratio'),
      numerator: columnName(),
      denominator: columnName().describe('NULL when the denominator is 0.'),
      name: derivedName,
    }),
    section({
      type: z.literal('count'),
      columns: columnList(true).describe('Counts the columns with a value > 0.'),
      name: derivedName,
    }),
    section({
      type: z.literal('map'),
      column: columnName(),
      name: derivedName,
      mapping: z.record(
        z.string(),
        z.union([z.string(), z.number()], expecting('a string or a number')),
        expecting('a mapping from values to strings or numbers'),
      ),
      default: z
        .union([z.string(), z.number(), z.null()], expecting('a string, a number or null'))
        .optional(),
    }),
  ],
  {
    error: (issue) =>
      issue.code === 'invalid_union' && issue.path?.length
        ? `one of 'age', 'tenure', 'sum', 'ratio', 'count' or 'map'`
        : 'a recipe mapping { type, ... }',
  },
);

/** `derive`: recipes run in order (later ones may use earlier names). */
export const deriveSchema = z
  .array(recipeSchema, expecting('a list of recipes'))
  .default([])
  .describe(
    'Derived features, e.g. [{ type: age, column: Year_Birth, name: Age }, { type: sum, columns: [MntWines, MntMeatProducts], name: TotalSpend }].',
  );
