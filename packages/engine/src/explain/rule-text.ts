/**
 * Turns a root-to-leaf path of a tree into a readable rule: conditions on the same feature are
 * merged into one interval (numeric) or one category test (categorical), then written like
 * "income > 70,000 and kids = 0". Count features (integers, at most 20 distinct values) are
 * written with integer bounds
 * ("kids <= 0.5" becomes "kids = 0" when 0 is the smallest value, else "kids <= 0").
 *
 * A condition on a missing value is never true: rules are evaluated literally on rows.
 */
import type { FeatureColumn, FeatureSet } from './features.js';
import type { TreeNode } from './decision-tree.js';

/** One merged condition of a rule. */
export type RuleCondition =
  | {
      readonly feature: string;
      readonly kind: 'numeric';
      /** Exclusive lower bound (x > above), when any. */
      readonly above?: number;
      /** Inclusive upper bound (x <= atMost), when any. */
      readonly atMost?: number;
    }
  | {
      readonly feature: string;
      readonly kind: 'categorical';
      /** x == equals, when the path tested it. */
      readonly equals?: string;
      /** x is none of these (when `equals` is absent). */
      readonly notIn?: readonly string[];
    };

interface Bound {
  above: number;
  atMost: number;
  equals: number;
  notIn: number[];
}

/** The merged conditions of the path from the root to `leaf` (features in first-use order). */
export function pathConditions(
  features: FeatureSet,
  nodes: readonly TreeNode[],
  leaf: number,
): RuleCondition[] {
  const parent = new Int32Array(nodes.length).fill(-1);
  nodes.forEach((node, id) => {
    if (node.feature >= 0) {
      parent[node.left] = id;
      parent[node.right] = id;
    }
  });
  const path: Array<{ node: TreeNode; left: boolean }> = [];
  for (let id = leaf; parent[id]! >= 0; id = parent[id]!) {
    const up = nodes[parent[id]!]!;
    path.unshift({ node: up, left: up.left === id });
  }
  const bounds = new Map<number, Bound>();
  for (const { node, left } of path) {
    let bound = bounds.get(node.feature);
    if (!bound)
      bounds.set(
        node.feature,
        (bound = { above: -Infinity, atMost: Infinity, equals: -1, notIn: [] }),
      );
    const column = features.columns[node.feature]!;
    if (column.kind === 'numeric') {
      if (left) bound.atMost = Math.min(bound.atMost, node.threshold);
      else bound.above = Math.max(bound.above, node.threshold);
    } else if (left) bound.notIn.push(node.threshold);
    else bound.equals = node.threshold;
  }
  return [...bounds].map(([feature, bound]): RuleCondition => {
    const column = features.columns[feature]!;
    if (column.kind === 'numeric') {
      return {
        feature: column.name,
        kind: 'numeric',
        ...(bound.above > -Infinity ? { above: bound.above } : {}),
        ...(bound.atMost < Infinity ? { atMost: bound.atMost } : {}),
      };
    }
    if (bound.equals >= 0)
      return {
        feature: column.name,
        kind: 'categorical',
        equals: column.categories[bound.equals]!,
      };
    return {
      feature: column.name,
      kind: 'categorical',
      notIn: bound.notIn.map((c) => column.categories[c]!),
    };
  });
}

/** True when row `i` satisfies every condition (missing values satisfy none). */
export function matchesRule(
  columnsByName: ReadonlyMap<string, FeatureColumn>,
  conditions: readonly RuleCondition[],
  i: number,
): boolean {
  for (const condition of conditions) {
    const column = columnsByName.get(condition.feature)!;
    if (column.kind === 'numeric' && condition.kind === 'numeric') {
      const x = column.values[i]!;
      if (Number.isNaN(x)) return false;
      if (condition.above !== undefined && !(x > condition.above)) return false;
      if (condition.atMost !== undefined && !(x <= condition.atMost)) return false;
    } else if (column.kind === 'categorical' && condition.kind === 'categorical') {
      const code = column.codes[i]!;
      if (code < 0) return false;
      const value = column.categories[code]!;
      if (condition.equals !== undefined && value !== condition.equals) return false;
      if (condition.notIn?.includes(value) === true) return false;
    }
  }
  return true;
}

/** A number for people: 4 significant digits, thousands separators ("70,000", "0.125"). */
export function formatThreshold(value: number): string {
  const rounded = Number(value.toPrecision(4));
  return rounded.toLocaleString('en-US', { maximumFractionDigits: 20 });
}

function numericText(name: string, column: FeatureColumn, above?: number, atMost?: number): string {
  if (column.kind === 'numeric' && column.integer) {
    let min = Infinity;
    for (const x of column.values) if (Number.isFinite(x) && x < min) min = x;
    const low = above === undefined ? undefined : Math.floor(above) + 1;
    const high = atMost === undefined ? undefined : Math.floor(atMost);
    if (low !== undefined && high !== undefined)
      return low === high
        ? `${name} = ${formatThreshold(low)}`
        : `${formatThreshold(low)} <= ${name} <= ${formatThreshold(high)}`;
    if (high !== undefined)
      return high === min
        ? `${name} = ${formatThreshold(high)}`
        : `${name} <= ${formatThreshold(high)}`;
    if (low !== undefined) return `${name} >= ${formatThreshold(low)}`;
  }
  if (above !== undefined && atMost !== undefined)
    return `${formatThreshold(above)} < ${name} <= ${formatThreshold(atMost)}`;
  if (atMost !== undefined) return `${name} <= ${formatThreshold(atMost)}`;
  return `${name} > ${formatThreshold(above!)}`;
}

/** The rule as text: conditions joined by "and" ("income > 70,000 and kids = 0"). */
export function ruleText(
  columnsByName: ReadonlyMap<string, FeatureColumn>,
  conditions: readonly RuleCondition[],
): string {
  if (conditions.length === 0) return 'all rows';
  return conditions
    .map((condition) => {
      if (condition.kind === 'numeric')
        return numericText(
          condition.feature,
          columnsByName.get(condition.feature)!,
          condition.above,
          condition.atMost,
        );
      if (condition.equals !== undefined) return `${condition.feature} = ${condition.equals}`;
      const values = condition.notIn ?? [];
      return values.length === 1
        ? `${condition.feature} != ${values[0]}`
        : `${condition.feature} not in {${values.join(', ')}}`;
    })
    .join(' and ');
}
