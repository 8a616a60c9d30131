/**
 * The commented example config that `segmint init` writes. It shows every section with its
 * default value (only `source` and the k range differ), so deleting such a line never changes the
 * run. A test parses it, so it cannot drift from the schema.
 */

/**
 * A complete, commented segmint.yaml. Every active value is the default except `source` and the
 * k range, so it runs on any file once `source` points at it; `id`, `features`, `transactions`,
 * the recipes and `output` are shown commented out.
 * @example
 * ```ts
 * await writeFile('segmint.yaml', EXAMPLE_CONFIG);
 * parseConfig(EXAMPLE_CONFIG).clustering.k; // { min: 2, max: 10 }
 * ```
 */
export const EXAMPLE_CONFIG = `# Segmint run config: \`segmint run -c segmint.yaml\`
# Only \`source\` is required: point it at your file and run. Every other key shows its default
# (or is commented out); paths are relative to this file.

# The data: csv, tsv, csv.gz, parquet, json, ndjson or xlsx.
# Or a mapping: { path: customers.csv, format: csv, delimiter: ";", header: true, sheet: Sheet1, dateFormat: "%d-%m-%Y" }
source: customers.csv

# Identifier column, copied into segments.csv (default: row numbers 1..n).
# id: CustomerID

# Columns to cluster on (default: every numeric column except the id).
# features: [Age, Income, TotalSpend]

# Categorical features to one-hot encode (default: none).
categorical: []

# A table of purchases instead of customers: each output row becomes a customer with
# recency, frequency and monetary features (the default features then).
# transactions:
#   customer: CustomerID     # rows without a customer are dropped and counted
#   date: InvoiceDate
#   price: UnitPrice         # amount = quantity x price when quantity is given
#   quantity: Quantity       # optional
#   invoice: InvoiceNo       # optional: frequency counts distinct invoices, else rows
#   includeNonPositive: false  # returns and cancellations are excluded
#   segments: { '555': VIP }   # rename R-F-M codes; the rest keep the classic names

# Derived features, computed before cleaning (later recipes may use earlier names).
derive: []
#  - { type: age, column: Year_Birth, name: Age }
#  - { type: tenure, column: Dt_Customer, name: TenureMonths, unit: months }
#  - { type: sum, columns: [MntWines, MntMeatProducts, MntFruits], name: TotalSpend }
#  - { type: ratio, numerator: TotalSpend, denominator: Income, name: SpendShare }
#  - { type: count, columns: [Kidhome, Teenhome], name: Children }
#  - { type: map, column: Marital_Status, name: Partner, mapping: { Married: 1, Together: 1 }, default: 0 }

cleaning:
  dropMissingAbove: 0.5      # drop features with a larger share of missing values
  impute:
    numeric: median          # mean | median | constant
    categorical: most-frequent   # most-frequent | constant
  outliers: []               # e.g. [{ rule: iqr, k: 1.5 }, { rule: z-score, threshold: 3 }, { rule: range, column: Age, max: 100 }]
  varianceThreshold: 0       # drop constant features (null keeps them)

transform:
  log1p: []                  # skewed amounts, e.g. [Income, TotalSpend]
  power: []                  # Yeo-Johnson power transform

encoding:
  minFrequency: null         # group rarer categories (a count, or a share of rows below 1)
  maxCategories: null        # at most this many one-hot columns per feature

scaling: standard            # standard | min-max | robust | none

reduction:
  method: none               # none | pca
  components: 2

clustering:
  algorithm: kmeans          # kmeans | minibatch-kmeans | dbscan | hdbscan | agglomerative | gmm | kprototypes, or a list to compare: [kmeans, gmm, hdbscan]
  k: { min: 2, max: 10 }     # a fixed k (e.g. 5) or a range to choose from (default 5)
  params: {}                 # e.g. { nInit: 10, eps: 0.5, minSamples: 5, minClusterSize: 10, linkage: ward, covariance: full }

# How k is chosen from a range: the criteria vote.
selection:
  criteria: [elbow, silhouette, calinski-harabasz, davies-bouldin]
  silhouetteSampleSize: 2000

stability:
  resamples: 10              # refits on subsamples; per-segment Jaccard stability (0 = off)
  fraction: 0.8              # share of rows in each subsample
  maxRows: 100000            # skip (and say so) beyond this many rows

profiling:
  topTraits: 5               # distinguishing traits per segment

# Output folder (default: ./segmint-out/<run id>/).
# output: segmint-out/

seed: 0                      # every random choice; the same seed gives the same segments
`;
