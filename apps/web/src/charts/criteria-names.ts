/**
 * Display names and directions of the k-selection criteria (Rousseeuw 1987 silhouette,
 * Calinski & Harabasz 1974, Davies & Bouldin 1979, the inertia elbow found by Kneedle, Satopää
 * et al. 2011).
 */
import type { SelectionCriterion } from '../api/types.js';

/** How a criterion reads: its label and whether higher values are better. */
export interface CriterionInfo {
  readonly label: string;
  readonly better: 'higher' | 'lower' | 'knee';
}

/** Label and direction per criterion. */
export const CRITERION_INFO: Readonly<Record<SelectionCriterion, CriterionInfo>> = Object.freeze({
  elbow: { label: 'Elbow (inertia)', better: 'knee' },
  silhouette: { label: 'Silhouette', better: 'higher' },
  'calinski-harabasz': { label: 'Calinski-Harabasz', better: 'higher' },
  'davies-bouldin': { label: 'Davies-Bouldin', better: 'lower' },
});

/**
 * The display label of a criterion (the raw name for one this table does not know).
 * @example criterionLabel('davies-bouldin') // 'Davies-Bouldin'
 */
export function criterionLabel(criterion: string): string {
  return (
    (CRITERION_INFO as Record<string, CriterionInfo | undefined>)[criterion]?.label ?? criterion
  );
}
