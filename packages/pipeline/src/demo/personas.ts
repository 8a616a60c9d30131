/**
 * The planted segments of the demo data: five customer personas with the shape of the Kaggle
 * "Customer Personality Analysis" (marketing_campaign) columns, so the demo looks like a real
 * marketing export and the pipeline has known structure to recover.
 *
 * Each persona gives a centre and a spread per column; the generator draws customers around
 * them (normal noise, clipped at 0 for amounts and counts) and mixes in a few customers whose
 * columns come from different personas (noise). Values are in the dataset's units: Income per
 * year, Mnt* = amount spent over two years, Num* = counts, Recency = days since last purchase.
 */

/** A centre and a standard deviation. */
export interface Spread {
  readonly mean: number;
  readonly sd: number;
}

/** One planted segment. */
export interface Persona {
  readonly name: string;
  /** Share of customers (the shares sum to 1). */
  readonly share: number;
  /** Birth years, uniform in [from, to]. */
  readonly birthYears: readonly [number, number];
  readonly income: Spread;
  /** P(0), P(1), P(2) kids / teens at home. */
  readonly kids: readonly [number, number, number];
  readonly teens: readonly [number, number, number];
  /** Signup dates, uniform between these ISO days. */
  readonly signup: readonly [string, string];
  readonly recency: Spread;
  readonly spend: {
    readonly MntWines: Spread;
    readonly MntFruits: Spread;
    readonly MntMeatProducts: Spread;
    readonly MntFishProducts: Spread;
    readonly MntSweetProducts: Spread;
    readonly MntGoldProds: Spread;
  };
  readonly counts: {
    readonly NumWebPurchases: Spread;
    readonly NumStorePurchases: Spread;
    readonly NumDealsPurchases: Spread;
    readonly NumWebVisitsMonth: Spread;
  };
  /** Weights of Education values (in EDUCATION order). */
  readonly education: readonly number[];
  /** Weights of Channel values (in CHANNELS order). */
  readonly channel: readonly number[];
}

/** Education levels as spelt in marketing_campaign.csv. */
export const EDUCATION = ['Basic', '2n Cycle', 'Graduation', 'Master', 'PhD'] as const;
/** Marital statuses as spelt in marketing_campaign.csv (drawn independently of the persona). */
export const MARITAL_STATUS = ['Single', 'Together', 'Married', 'Divorced', 'Widow'] as const;
export const MARITAL_WEIGHTS = [0.21, 0.26, 0.39, 0.1, 0.04] as const;
/** The channel a customer prefers. */
export const CHANNELS = ['store', 'web', 'app', 'catalog'] as const;

const s = (mean: number, sd: number): Spread => ({ mean, sd });

/** The five personas, in `truth` label order (0..4). */
export const PERSONAS: readonly Persona[] = [
  {
    name: 'Affluent wine lovers, no kids',
    share: 0.2,
    birthYears: [1950, 1968],
    income: s(78_000, 9_000),
    kids: [0.95, 0.05, 0],
    teens: [0.85, 0.15, 0],
    signup: ['2012-07-30', '2013-12-31'],
    recency: s(40, 25),
    spend: {
      MntWines: s(820, 160),
      MntFruits: s(60, 25),
      MntMeatProducts: s(320, 150),
      MntFishProducts: s(90, 35),
      MntSweetProducts: s(60, 25),
      MntGoldProds: s(70, 30),
    },
    counts: {
      NumWebPurchases: s(5, 1.8),
      NumStorePurchases: s(9, 2),
      NumDealsPurchases: s(1, 0.7),
      NumWebVisitsMonth: s(3, 1.2),
    },
    education: [0, 0.05, 0.35, 0.25, 0.35],
    channel: [0.6, 0.2, 0.05, 0.15],
  },
  {
    name: 'Young families on a budget',
    share: 0.25,
    birthYears: [1982, 1996],
    income: s(30_000, 7_000),
    kids: [0.1, 0.65, 0.25],
    teens: [0.9, 0.1, 0],
    signup: ['2013-03-01', '2014-06-29'],
    recency: s(30, 18),
    spend: {
      MntWines: s(40, 25),
      MntFruits: s(6, 4),
      MntMeatProducts: s(25, 15),
      MntFishProducts: s(8, 5),
      MntSweetProducts: s(6, 4),
      MntGoldProds: s(18, 10),
    },
    counts: {
      NumWebPurchases: s(2, 1),
      NumStorePurchases: s(3, 1),
      NumDealsPurchases: s(2, 0.8),
      NumWebVisitsMonth: s(7, 1.2),
    },
    education: [0.15, 0.15, 0.5, 0.12, 0.08],
    channel: [0.45, 0.35, 0.15, 0.05],
  },
  {
    name: 'Deal-seeking parents',
    share: 0.2,
    birthYears: [1962, 1978],
    income: s(54_000, 9_000),
    kids: [0.5, 0.45, 0.05],
    teens: [0.05, 0.75, 0.2],
    signup: ['2012-07-30', '2014-06-29'],
    recency: s(45, 25),
    spend: {
      MntWines: s(320, 120),
      MntFruits: s(15, 10),
      MntMeatProducts: s(120, 60),
      MntFishProducts: s(20, 12),
      MntSweetProducts: s(15, 10),
      MntGoldProds: s(45, 20),
    },
    counts: {
      NumWebPurchases: s(6, 1.8),
      NumStorePurchases: s(6, 1.8),
      NumDealsPurchases: s(6, 1.5),
      NumWebVisitsMonth: s(6, 1.3),
    },
    education: [0.02, 0.1, 0.5, 0.18, 0.2],
    channel: [0.4, 0.4, 0.1, 0.1],
  },
  {
    name: 'Lapsed low-engagement customers',
    share: 0.2,
    birthYears: [1950, 1975],
    income: s(46_000, 10_000),
    kids: [0.55, 0.4, 0.05],
    teens: [0.55, 0.4, 0.05],
    signup: ['2012-07-30', '2013-02-28'],
    recency: s(85, 8),
    spend: {
      MntWines: s(60, 35),
      MntFruits: s(5, 4),
      MntMeatProducts: s(30, 18),
      MntFishProducts: s(7, 5),
      MntSweetProducts: s(5, 4),
      MntGoldProds: s(10, 7),
    },
    counts: {
      NumWebPurchases: s(1.5, 1),
      NumStorePurchases: s(3, 1.2),
      NumDealsPurchases: s(1, 0.8),
      NumWebVisitsMonth: s(3, 1.5),
    },
    education: [0.05, 0.12, 0.5, 0.15, 0.18],
    channel: [0.7, 0.15, 0.05, 0.1],
  },
  {
    name: 'New digital shoppers',
    share: 0.15,
    birthYears: [1986, 2000],
    income: s(62_000, 9_000),
    kids: [0.9, 0.1, 0],
    teens: [1, 0, 0],
    signup: ['2014-01-01', '2014-06-29'],
    recency: s(12, 8),
    spend: {
      MntWines: s(160, 70),
      MntFruits: s(30, 15),
      MntMeatProducts: s(180, 70),
      MntFishProducts: s(35, 18),
      MntSweetProducts: s(30, 15),
      MntGoldProds: s(110, 40),
    },
    counts: {
      NumWebPurchases: s(10, 2),
      NumStorePurchases: s(2, 1),
      NumDealsPurchases: s(2, 1),
      NumWebVisitsMonth: s(8, 1.3),
    },
    education: [0, 0.1, 0.55, 0.25, 0.1],
    channel: [0.05, 0.4, 0.5, 0.05],
  },
];
