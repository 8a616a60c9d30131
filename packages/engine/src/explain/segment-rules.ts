/**
 * Why is a customer in a segment? Per segment, a shallow one-vs-rest CART tree (gini,
 * `decision-tree.ts`) separates the segment's rows from all others; each leaf where segment rows
 * are the majority is a rule, the path's conditions merged and written for people
 * ("income > 70,000 and kids = 0"). Rules are scored by counting rows (a rule is evaluated
 * literally, so its numbers never depend on the tree):
 *   precision = rows matching the rule that are in the segment / rows matching the rule,
 *   coverage  = rows of the segment matching the rule / rows of the segment.
 * The best 1-3 rules by coverage (then precision) are returned; when no leaf has a majority of
 * segment rows, the single most precise leaf is returned instead.
 *
 * Notation: n rows, d features, k segments, labels L (noise -1 is never a segment but counts as
 * "rest"). Cost: one sort per numeric feature, then O(n d) per tree node, k trees of at most
 * 2^maxDepth - 1 splits (100,000 x 20, k = 8, depth 3: a few seconds on one core).
 */
import { ERROR_CODES, SegmintError } from '../core/errors.js';
import { checkParams, mergeOptions, type Constraints } from '../core/params.js';
import type { MatrixLike } from '../matrix/matrix.js';
import type { Table } from '../preprocess/table.js';
import { decisionTreeKernel } from './decision-tree.js';
import { presortFeatures } from './presort.js';
import { type FeatureColumn, readFeatures } from './features.js';
import { type RuleCondition, matchesRule, pathConditions, ruleText } from './rule-text.js';

/** Options of {@link segmentRules}. */
export interface RuleOptions {
  /** Tree depth, so at most this many conditions per rule. Default 3. */
  readonly maxDepth: number;
  /** Minimum rows per leaf as a share of all rows, ceil(share * n) (at least 1). Default 0.02. */
  readonly minLeafShare: number;
  /** Rules per segment, best first. Default 3. */
  readonly maxRules: number;
  /** Column names when `features` is a matrix (default x0, x1, ...). */
  readonly featureNames?: readonly string[];
}

/** Defaults of {@link RuleOptions}. */
export const RULE_DEFAULTS: RuleOptions = Object.freeze({
  maxDepth: 3,
  minLeafShare: 0.02,
  maxRules: 3,
  featureNames: undefined,
});

const CONSTRAINTS: Constraints<RuleOptions> = {
  maxDepth: { type: 'integer', min: 1, max: 10 },
  minLeafShare: { type: 'number', min: 0, max: 0.5 },
  maxRules: { type: 'integer', min: 1, max: 100 },
  featureNames: { type: 'any', optional: true },
};

/** One rule describing a segment. */
export interface SegmentRule {
  /** "income > 70,000 and kids = 0". */
  readonly text: string;
  readonly conditions: readonly RuleCondition[];
  /** Share of rows matching the rule that are in the segment. */
  readonly precision: number;
  /** Share of the segment's rows matching the rule. */
  readonly coverage: number;
  /** Rows matching the rule. */
  readonly support: number;
  /** Rows matching the rule that are in the segment. */
  readonly hits: number;
}

/** The rules of one segment. */
export interface SegmentRuleSet {
  readonly segment: number;
  /** Rows in the segment. */
  readonly size: number;
  /** Best rules first (1 to maxRules; empty only when the segment has every row). */
  readonly rules: SegmentRule[];
}

/**
 * Readable rules per segment from shallow one-vs-rest decision trees.
 *
 * @param features - a {@link Table} (numeric and categorical columns; NaN / null missing) or a
 *   numeric matrix (n, d) with `featureNames`.
 * @param labels - segment of each row (length n; -1 = noise, never described).
 * @param options - `maxDepth` (3), `minLeafShare` (0.02), `maxRules` (3), `featureNames`.
 * @returns one {@link SegmentRuleSet} per segment, ascending label.
 * @throws SegmintError INVALID_PARAMETER (bad option), INVALID_LABELS (length or non-integer
 *   labels), INVALID_SHAPE (featureNames count).
 * @example
 * segmentRules(table({ income: [...], kids: [...] }), labels)[0].rules[0].text
 * // "income > 70,000 and kids = 0"
 */
export function segmentRules(
  features: Table | MatrixLike,
  labels: ArrayLike<number>,
  options?: Partial<RuleOptions>,
): SegmentRuleSet[] {
  const settings = mergeOptions(RULE_DEFAULTS, options);
  checkParams('segmentRules', settings, CONSTRAINTS);
  const data = readFeatures('segmentRules', features, settings.featureNames);
  const n = data.rows;
  if (labels.length !== n) {
    throw new SegmintError(
      ERROR_CODES.INVALID_LABELS,
      `segmentRules: got ${labels.length} labels for ${n} rows.`,
      { value: labels.length, expected: n },
    );
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isInteger(labels[i])) {
      throw new SegmintError(
        ERROR_CODES.INVALID_LABELS,
        `segmentRules: label ${i} must be an integer; got ${String(labels[i])}.`,
        { row: i, value: labels[i] },
      );
    }
  }
  const columnsByName = new Map<string, FeatureColumn>(data.columns.map((c) => [c.name, c]));
  const minLeaf = Math.max(1, Math.ceil(settings.minLeafShare * n));
  const orders = presortFeatures(data);
  const segments = [...new Set(Array.from(labels))].filter((s) => s >= 0).sort((a, b) => a - b);
  return segments.map((segment): SegmentRuleSet => {
    const target = Uint8Array.from({ length: n }, (_, i) => (labels[i] === segment ? 1 : 0));
    let size = 0;
    for (const t of target) size += t;
    const nodes = decisionTreeKernel(
      data,
      target,
      { maxDepth: settings.maxDepth, minLeaf },
      orders,
    );
    const leaves = nodes.flatMap((node, id) => (node.feature < 0 && nodes.length > 1 ? [id] : []));
    const rules = leaves.map((leaf): SegmentRule => {
      const conditions = pathConditions(data, nodes, leaf);
      let support = 0;
      let hits = 0;
      for (let i = 0; i < n; i++) {
        if (!matchesRule(columnsByName, conditions, i)) continue;
        support++;
        hits += target[i]!;
      }
      return {
        text: ruleText(columnsByName, conditions),
        conditions,
        precision: support > 0 ? hits / support : 0,
        coverage: size > 0 ? hits / size : 0,
        support,
        hits,
      };
    });
    const majority = rules.filter((rule) => rule.precision > 0.5);
    const chosen =
      majority.length > 0
        ? majority
            .sort((a, b) => b.coverage - a.coverage || b.precision - a.precision)
            .slice(0, settings.maxRules)
        : rules.sort((a, b) => b.precision - a.precision || b.coverage - a.coverage).slice(0, 1);
    return { segment, size, rules: chosen };
  });
}
