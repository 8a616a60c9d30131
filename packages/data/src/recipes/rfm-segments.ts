/**
 * The classic named RFM segments and the default map from all 125 R-F-M score codes to them.
 *
 * The grid is the widely published R x F segment map (Putler's / Kaggle's "RFM segmentation"
 * table, also used by many CRM tools): rows are the recency score R (5 = bought most recently),
 * columns the frequency score F (5 = buys most often).
 *
 * ```
 *          F=1             F=2                 F=3                 F=4         F=5
 * R=5   New Customers   Potential Loyalist  Potential Loyalist  Champions   Champions
 * R=4   Promising       Potential Loyalist  Potential Loyalist  Loyal       Loyal
 * R=3   About To Sleep  About To Sleep      Need Attention      Loyal       Loyal
 * R=2   Hibernating     Hibernating         At Risk             At Risk     Cannot Lose Them
 * R=1   Lost*           Lost*               At Risk             At Risk     Cannot Lose Them
 * ```
 * The monetary score M separates the two lowest classes the grid merges: with R = 1 and F <= 2 a
 * customer is Lost when M <= 2 and Hibernating otherwise (some value left to win back). Every
 * other cell ignores M. Override any code with `computeRfm(..., { scoreMap })`.
 */

/** The 11 classic RFM segment names, from best to worst. */
export const RFM_SEGMENT_NAMES: readonly string[] = Object.freeze([
  'Champions',
  'Loyal',
  'Potential Loyalist',
  'New Customers',
  'Promising',
  'Need Attention',
  'About To Sleep',
  'At Risk',
  'Cannot Lose Them',
  'Hibernating',
  'Lost',
]);

/** The R x F grid above, GRID[5 - r][f - 1]; 'Lost*' is split by M. */
const GRID: readonly (readonly string[])[] = [
  ['New Customers', 'Potential Loyalist', 'Potential Loyalist', 'Champions', 'Champions'],
  ['Promising', 'Potential Loyalist', 'Potential Loyalist', 'Loyal', 'Loyal'],
  ['About To Sleep', 'About To Sleep', 'Need Attention', 'Loyal', 'Loyal'],
  ['Hibernating', 'Hibernating', 'At Risk', 'At Risk', 'Cannot Lose Them'],
  ['Lost*', 'Lost*', 'At Risk', 'At Risk', 'Cannot Lose Them'],
];

/**
 * The segment name of one R-F-M score triple under the default map.
 * @example rfmSegmentOf(5, 5, 1) // 'Champions'
 */
export function rfmSegmentOf(r: number, f: number, m: number): string {
  const cell = GRID[5 - r]?.[f - 1];
  if (cell === undefined)
    throw new RangeError(`RFM scores must be integers 1-5; got ${r}${f}${m}.`);
  return cell === 'Lost*' ? (m <= 2 ? 'Lost' : 'Hibernating') : cell;
}

/** All 125 codes '111' ... '555' in order. */
export const RFM_CODES: readonly string[] = Object.freeze(
  Array.from(
    { length: 125 },
    (_, i) => `${Math.floor(i / 25) + 1}${(Math.floor(i / 5) % 5) + 1}${(i % 5) + 1}`,
  ),
);

/** Every 'RFM' code ('111' ... '555') -> its segment name under the grid above. */
export const DEFAULT_RFM_SCORE_MAP: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(
    RFM_CODES.map((code) => [
      code,
      rfmSegmentOf(Number(code[0]), Number(code[1]), Number(code[2])),
    ]),
  ),
);
