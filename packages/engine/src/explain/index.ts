/** Explanations: readable per-segment rules from shallow one-vs-rest decision trees. */
export {
  RULE_DEFAULTS,
  type RuleOptions,
  type SegmentRule,
  type SegmentRuleSet,
  segmentRules,
} from './segment-rules.js';
export type { RuleCondition } from './rule-text.js';
