/**
 * The two configs `writeDemo` puts beside the demo data: demo.yaml segments the customer table
 * (derived age, total spend, children and tenure, one-hot education; standard scaling), demo-rfm.yaml segments
 * customers by recency, frequency and monetary value computed from the transactions. Both
 * follow the pipeline's config schema and are parsed in the tests.
 */
import { DEMO_AS_OF } from './transactions.js';

const SPEND = [
  'MntWines',
  'MntFruits',
  'MntMeatProducts',
  'MntFishProducts',
  'MntSweetProducts',
  'MntGoldProds',
];

/** demo.yaml: customer features, k chosen in [2, 8]. */
export const DEMO_CONFIG = `# Segmint demo: synthetic customers with five planted segments (see customers.csv).
# Run it with: segmint run -c demo.yaml
source:
  path: customers.csv
  dateFormat: "%d-%m-%Y"       # Dt_Customer is day-month-year, as in marketing_campaign.csv
id: CustomerID

# Features derived inside the database before cleaning.
derive:
  - { type: age, column: Year_Birth, name: Age, asOf: "${DEMO_AS_OF}" }
  - { type: sum, columns: [${SPEND.join(', ')}], name: TotalSpend }
  - { type: sum, columns: [Kidhome, Teenhome], name: Children }
  - { type: tenure, column: Dt_Customer, name: Tenure, unit: months, asOf: "${DEMO_AS_OF}" }

features: [Age, Income, Children, Tenure, Recency, TotalSpend, MntWines, MntGoldProds, NumWebPurchases, NumStorePurchases, NumDealsPurchases, NumWebVisitsMonth]
categorical: [Education]

cleaning:
  impute: { numeric: median, categorical: most-frequent }   # a few incomes are missing

transform:
  log1p: [TotalSpend, MntWines, MntGoldProds]   # spend is right-skewed

# Numeric features are standardised; the education indicators stay 0/1.
scaling: standard

clustering:
  algorithm: kmeans
  k: { min: 2, max: 8 }

profiling: { topTraits: 5 }
seed: 0
`;

/** demo-rfm.yaml: RFM from the transactions, k chosen in [2, 8]. */
export const DEMO_RFM_CONFIG = `# Segmint demo: recency, frequency and monetary value from the purchases in transactions.csv.
# Run it with: segmint run -c demo-rfm.yaml
source: transactions.csv

# Each output row is a customer; returns (negative quantities) and guest orders are dropped and counted.
transactions:
  customer: CustomerID
  date: InvoiceDate
  price: UnitPrice
  quantity: Quantity
  invoice: InvoiceNo
  asOf: "${DEMO_AS_OF}"

features: [recency, frequency, monetary]

transform:
  log1p: [frequency, monetary]   # a few customers buy far more than the rest

scaling: standard

clustering:
  algorithm: kmeans
  k: { min: 2, max: 8 }

seed: 0
`;
