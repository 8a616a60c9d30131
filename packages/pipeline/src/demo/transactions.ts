/**
 * Demo transactions in the shape of the UCI Online Retail file (InvoiceNo, StockCode,
 * Description, Quantity, InvoiceDate, UnitPrice, CustomerID, Country): one row per invoice line.
 *
 * Each customer's invoices fall in the year before {@link DEMO_AS_OF}, after their signup; the
 * last one is `Recency` days before the as-of date, so RFM recency agrees with the customer
 * table. The number of invoices follows the customer's purchase counts, product categories follow
 * their Mnt* spend. Like the real file: about 2% of invoices are followed by a cancellation
 * ("C" invoice number, negative quantity) and about 3% of invoices are guest orders without a
 * CustomerID.
 */
import type { Random } from '@segmint/engine';
import type { CustomerPlan } from './customers.js';
import { dayOf, formatTimestamp, pickIndex, poisson, uniformInt } from './draw.js';

/** Reference date of the demo (day after the last possible purchase). */
export const DEMO_AS_OF = '2014-12-01';
/** Column order of transactions.csv. */
export const TRANSACTION_COLUMNS = [
  'InvoiceNo',
  'StockCode',
  'Description',
  'Quantity',
  'InvoiceDate',
  'UnitPrice',
  'CustomerID',
  'Country',
] as const;

/** Share of invoices followed by a cancellation of one of their lines. */
export const CANCELLED_SHARE = 0.02;
/** Guest invoices (no CustomerID), as a share of customer invoices. */
export const GUEST_SHARE = 0.03;
const FIRST_INVOICE = 536_365;
const COUNTRIES = ['United Kingdom', 'Germany', 'France', 'EIRE', 'Spain', 'Netherlands'];
const COUNTRY_WEIGHTS = [0.86, 0.04, 0.04, 0.03, 0.02, 0.01];

type Product = readonly [code: string, description: string, price: number];
/** The catalogue, by Mnt* category (same order as the customers' spend columns). */
const CATALOGUE: readonly (readonly Product[])[] = [
  [
    ['21001', 'RED WINE BORDEAUX 75CL', 14.95],
    ['21002', 'CHARDONNAY WHITE WINE 75CL', 11.5],
    ['21003', 'PROSECCO SPARKLING 75CL', 9.95],
    ['21004', 'RIOJA RESERVA 75CL', 17.5],
    ['21005A', 'CHAMPAGNE BRUT 75CL', 34.0],
  ],
  [
    ['22101', 'ORGANIC APPLES 6 PACK', 2.4],
    ['22102', 'BANANAS BUNCH', 1.2],
    ['22103', 'STRAWBERRIES 400G', 2.95],
  ],
  [
    ['23201', 'BEEF RIBEYE STEAK 300G', 8.5],
    ['23202', 'CHICKEN BREAST FILLETS 500G', 4.2],
    ['23203', 'PORK SAUSAGES 6 PACK', 3.1],
    ['23204B', 'LAMB CHOPS 400G', 7.8],
  ],
  [
    ['24301', 'SMOKED SALMON 200G', 5.5],
    ['24302', 'COD FILLETS 400G', 4.9],
  ],
  [
    ['25401', 'DARK CHOCOLATE BAR 100G', 1.85],
    ['25402', 'SALTED CARAMEL FUDGE', 2.6],
    ['25403', 'ASSORTED BISCUIT TIN', 6.5],
  ],
  [
    ['26501', 'GOLD PLATED NECKLACE', 49.0],
    ['26502', 'GOLD HOOP EARRINGS', 29.0],
  ],
];

interface Line {
  readonly product: Product;
  readonly quantity: number;
}
interface Invoice {
  readonly cancelled: boolean;
  readonly day: number;
  readonly second: number;
  readonly customer: number | null;
  readonly country: string;
  readonly lines: readonly Line[];
}

function drawLines(rng: Random, weights: readonly number[]): Line[] {
  const lines: Line[] = [];
  const count = 1 + poisson(rng, 1.8);
  for (let j = 0; j < count; j++) {
    const products = CATALOGUE[pickIndex(rng, weights)]!;
    lines.push({ product: products[rng.int(products.length)]!, quantity: 1 + poisson(rng, 1.5) });
  }
  return lines;
}

/** Draws the transactions of these customers, sorted by date, as records in CSV column order. */
export function generateTransactions(
  rng: Random,
  customers: readonly CustomerPlan[],
): Record<string, unknown>[] {
  const asOf = dayOf(DEMO_AS_OF);
  const windowStart = asOf - 365;
  const invoices: Invoice[] = [];
  // Whole minutes between 08:00 and 19:00, like the real file's timestamps.
  const openingHours = (): number => uniformInt(rng, 8 * 60, 19 * 60) * 60;
  for (const customer of customers) {
    const record = customer.record;
    const weights = Object.keys(customer.behaviour.spend).map(
      (column) => 1 + Number(record[column]),
    );
    const purchases = Number(record.NumWebPurchases) + Number(record.NumStorePurchases);
    const count = 1 + poisson(rng, purchases / 3);
    const country = COUNTRIES[pickIndex(rng, COUNTRY_WEIGHTS)]!;
    const last = asOf - 1 - customer.recency;
    const first = Math.min(last, Math.max(windowStart, customer.signupDay));
    for (let i = 0; i < count; i++) {
      const day = i === 0 ? last : uniformInt(rng, first, last);
      const lines = drawLines(rng, weights);
      invoices.push({
        cancelled: false,
        day,
        second: openingHours(),
        customer: customer.id,
        country,
        lines,
      });
      if (rng.next() < CANCELLED_SHARE) {
        const line = lines[rng.int(lines.length)]!;
        invoices.push({
          cancelled: true,
          day: Math.min(asOf - 1, day + rng.int(7)),
          second: openingHours(),
          customer: customer.id,
          country,
          lines: [{ product: line.product, quantity: -line.quantity }],
        });
      }
    }
  }
  const guests = Math.round(invoices.length * GUEST_SHARE);
  for (let i = 0; i < guests; i++) {
    invoices.push({
      cancelled: false,
      day: uniformInt(rng, windowStart, asOf - 1),
      second: openingHours(),
      customer: null,
      country: 'United Kingdom',
      lines: drawLines(rng, [1, 1, 1, 1, 1, 1]),
    });
  }
  // Invoice numbers follow time, as in the real file; equal times keep generation order.
  const order = invoices
    .map((invoice, index) => ({ invoice, index }))
    .sort(
      (a, b) =>
        a.invoice.day - b.invoice.day || a.invoice.second - b.invoice.second || a.index - b.index,
    );
  const rows: Record<string, unknown>[] = [];
  order.forEach(({ invoice }, position) => {
    const number = `${invoice.cancelled ? 'C' : ''}${FIRST_INVOICE + position}`;
    const date = formatTimestamp(invoice.day, invoice.second);
    for (const { product, quantity } of invoice.lines) {
      rows.push({
        InvoiceNo: number,
        StockCode: product[0],
        Description: product[1],
        Quantity: quantity,
        InvoiceDate: date,
        UnitPrice: product[2],
        CustomerID: invoice.customer,
        Country: invoice.country,
      });
    }
  });
  return rows;
}
