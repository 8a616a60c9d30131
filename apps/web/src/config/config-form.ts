/**
 * The Configure sidebar's state and its translation into a run config (the YAML schema without
 * `source` and `output`, see packages/pipeline/src/config/example.ts) and into YAML text.
 *
 * Only what the analyst chose is written: an empty role table keeps the server's defaults (every
 * numeric column except the id), so the YAML stays short and reads like a hand-written file.
 */
import { stringify } from 'yaml';
import type { ColumnProfile } from '../api/types.js';

/** What a column is used for. */
export type ColumnUse = 'numeric' | 'categorical' | 'ignore';

/** A derived-feature recipe exactly as the config spells it (`derive:` entries). */
export type DeriveRecipe = Record<string, unknown> & { type: string; name: string };

/** The transactions block (RFM features per customer). */
export interface TransactionsForm {
  customer: string;
  date: string;
  price: string;
  quantity: string;
  invoice: string;
}

/** The whole Configure form. */
export interface ConfigForm {
  idColumn: string;
  /** Role per column; columns absent here keep the server's default. */
  roles: Record<string, ColumnUse>;
  derive: DeriveRecipe[];
  transactions: TransactionsForm | null;
  dropMissingAbove: number;
  imputeNumeric: 'mean' | 'median';
  imputeCategorical: 'most-frequent' | 'constant';
  outliers: 'none' | 'iqr' | 'z-score';
  log1p: string[];
  scaling: 'standard' | 'min-max' | 'robust' | 'none';
  reduction: 'none' | 'pca';
  components: number;
  algorithms: string[];
  kMin: number;
  kMax: number;
  seed: number;
  /**
   * `clustering.params` of the algorithms that need them (written only for the algorithms
   * selected): DBSCAN's eps and minSamples, HDBSCAN's minClusterSize, the agglomerative linkage,
   * the Gaussian mixture's covariance.
   */
  params: AlgorithmParams;
}

/** Parameters of the algorithms beyond k (see `clustering.params` in the config). */
export interface AlgorithmParams {
  eps: number;
  minSamples: number;
  minClusterSize: number;
  linkage: 'ward' | 'complete' | 'average' | 'single';
  covariance: 'full' | 'diag';
  /** DBSCAN, HDBSCAN, agglomerative: Gower distances for mixed numeric and categorical data. */
  metric: 'euclidean' | 'gower';
}

/** The server's defaults for those parameters. */
export const DEFAULT_PARAMS: AlgorithmParams = {
  eps: 0.5,
  minSamples: 5,
  minClusterSize: 5,
  linkage: 'ward',
  covariance: 'full',
  metric: 'euclidean',
};

/** The params keys each algorithm reads. */
const PARAM_KEYS: Readonly<Record<string, readonly (keyof AlgorithmParams)[]>> = {
  dbscan: ['eps', 'minSamples', 'metric'],
  hdbscan: ['minClusterSize', 'metric'],
  agglomerative: ['linkage', 'metric'],
  gmm: ['covariance'],
};

/**
 * The `clustering.params` block for the selected algorithms: only their keys, and only values
 * that differ from the server's defaults (so the YAML stays short).
 * @example algorithmParams(['dbscan'], { ...DEFAULT_PARAMS, eps: 0.3 }) // { eps: 0.3 }
 */
export function algorithmParams(
  algorithms: readonly string[],
  params: AlgorithmParams,
): Partial<AlgorithmParams> {
  const out: Partial<AlgorithmParams> = {};
  for (const algorithm of algorithms) {
    for (const key of PARAM_KEYS[algorithm] ?? []) {
      if (params[key] !== DEFAULT_PARAMS[key]) (out as Record<string, unknown>)[key] = params[key];
    }
  }
  return out;
}

/** The form's defaults (the config defaults of example.ts, with a k range of 2..8). */
export const DEFAULT_FORM: ConfigForm = {
  idColumn: '',
  roles: {},
  derive: [],
  transactions: null,
  dropMissingAbove: 0.5,
  imputeNumeric: 'median',
  imputeCategorical: 'most-frequent',
  outliers: 'none',
  log1p: [],
  scaling: 'standard',
  reduction: 'none',
  components: 2,
  algorithms: ['kmeans'],
  kMin: 2,
  kMax: 8,
  seed: 0,
  params: DEFAULT_PARAMS,
};

/** Categorical columns with more distinct values than this start as 'ignore'. */
export const MAX_GUESSED_CATEGORIES = 30;

/**
 * Guesses the id column and each column's role from the profile: the profiler's 'id' column is
 * the id, numeric columns are numeric, low-cardinality text is categorical, the rest is ignored.
 * @example guessRoles(profile.columns).idColumn // 'CustomerID'
 */
export function guessRoles(columns: readonly ColumnProfile[]): {
  idColumn: string;
  roles: Record<string, ColumnUse>;
} {
  let idColumn = '';
  const roles: Record<string, ColumnUse> = {};
  for (const column of columns) {
    if (column.role === 'id' && idColumn === '') {
      idColumn = column.name;
      roles[column.name] = 'ignore';
    } else if (column.role === 'numeric') {
      // A constant column carries no information (the variance threshold would drop it anyway).
      roles[column.name] = column.distinct <= 1 ? 'ignore' : 'numeric';
    } else if (column.role === 'categorical' && column.distinct <= MAX_GUESSED_CATEGORIES) {
      roles[column.name] = 'categorical';
    } else {
      roles[column.name] = 'ignore';
    }
  }
  return { idColumn, roles };
}

function namesWithRole(form: ConfigForm, role: ColumnUse): string[] {
  return Object.entries(form.roles)
    .filter(([name, use]) => use === role && name !== form.idColumn)
    .map(([name]) => name);
}

/**
 * Builds the run config object from the form.
 * @example buildConfig({ ...DEFAULT_FORM, kMin: 3, kMax: 6 }).clustering
 * // { algorithm: 'kmeans', k: { min: 3, max: 6 } }
 */
export function buildConfig(form: ConfigForm): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  if (form.transactions !== null) {
    const { customer, date, price, quantity, invoice } = form.transactions;
    config.transactions = {
      customer,
      date,
      price,
      ...(quantity === '' ? {} : { quantity }),
      ...(invoice === '' ? {} : { invoice }),
    };
  } else {
    if (form.idColumn !== '') config.id = form.idColumn;
    const numeric = namesWithRole(form, 'numeric');
    const categorical = namesWithRole(form, 'categorical');
    const derivedNames = form.derive.map((recipe) => recipe.name);
    if (Object.keys(form.roles).length > 0) {
      config.features = [...numeric, ...derivedNames.filter((name) => !numeric.includes(name))];
    }
    if (categorical.length > 0) config.categorical = categorical;
  }
  if (form.derive.length > 0) config.derive = form.derive;
  config.cleaning = {
    dropMissingAbove: form.dropMissingAbove,
    impute: { numeric: form.imputeNumeric, categorical: form.imputeCategorical },
    outliers:
      form.outliers === 'iqr'
        ? [{ rule: 'iqr', k: 1.5 }]
        : form.outliers === 'z-score'
          ? [{ rule: 'z-score', threshold: 3 }]
          : [],
  };
  if (form.log1p.length > 0) config.transform = { log1p: form.log1p };
  config.scaling = form.scaling;
  config.reduction =
    form.reduction === 'pca' ? { method: 'pca', components: form.components } : { method: 'none' };
  const low = Math.min(form.kMin, form.kMax);
  const high = Math.max(form.kMin, form.kMax);
  const params = algorithmParams(form.algorithms, form.params ?? DEFAULT_PARAMS);
  config.clustering = {
    algorithm: form.algorithms.length === 1 ? form.algorithms[0] : form.algorithms,
    k: low === high ? low : { min: low, max: high },
    ...(Object.keys(params).length > 0 ? { params } : {}),
  };
  config.seed = form.seed;
  return config;
}

/**
 * The config as YAML text (what "Download YAML" saves; add `source:` to run it with the CLI).
 * @example configYaml(DEFAULT_FORM).includes('scaling: standard') // true
 */
export function configYaml(form: ConfigForm, sourceName?: string): string {
  const config = buildConfig(form);
  const header = `# Segmint run config (made in the dashboard). Run it: segmint run -c segmint.yaml\n`;
  const withSource = sourceName === undefined ? config : { source: sourceName, ...config };
  return header + stringify(withSource, { lineWidth: 100 });
}

/**
 * A ready-made RFM setup for a transactions table, guessing the columns by name.
 * @example guessTransactions(['InvoiceNo', 'CustomerID', 'InvoiceDate', 'UnitPrice', 'Quantity'])
 */
export function guessTransactions(columns: readonly string[]): TransactionsForm {
  const find = (...patterns: RegExp[]): string =>
    columns.find((name) => patterns.some((pattern) => pattern.test(name))) ?? '';
  return {
    customer: find(/customer/i, /client/i, /user/i),
    date: find(/date/i, /time/i),
    price: find(/price/i, /amount/i, /revenue/i, /total/i),
    quantity: find(/quantity/i, /qty/i),
    invoice: find(/invoice/i, /order/i),
  };
}
