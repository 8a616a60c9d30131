/** Every benchmark case, in run order. */
import type { CaseDefinition } from './case.js';
import { dbscanCase } from './dbscan.js';
import { hdbscanCase } from './hdbscan.js';
import { kmeansPlusPlusCase } from './kmeans-plus-plus.js';
import { kmeansCase } from './kmeans.js';
import { kPrototypesCase } from './kprototypes.js';
import { miniBatchKMeansCase } from './minibatch-kmeans.js';
import { pcaCase } from './pca.js';
import { silhouetteCase } from './silhouette.js';
import { wardCase } from './ward.js';

export type { CaseContext, CaseDefinition, CaseSize, PreparedCase } from './case.js';

/** The cases, in the order they run and appear in the table. */
export const CASES: readonly CaseDefinition[] = [
  kmeansCase,
  kmeansPlusPlusCase,
  pcaCase,
  silhouetteCase,
  miniBatchKMeansCase,
  wardCase,
  dbscanCase,
  hdbscanCase,
  kPrototypesCase,
];
