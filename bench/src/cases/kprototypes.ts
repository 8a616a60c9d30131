/**
 * Case `kprototypes`: k-prototypes on mixed data, 100,000 rows x (14 numeric + 6 categorical),
 * k = 8, nInit 10, Cao initialisation, Huang's default gamma. The data come from 8 latent groups:
 * numeric columns are N(centre, 1) with centres N(0, 1.5^2) per column; each categorical column
 * (3, 5, 8, 12, 4 and 20 levels) takes the group's code with probability 0.7, else a uniform code.
 * Quality = the adjusted Rand index against the generating groups (computed outside the timed
 * region).
 *
 * Segmint side only: the reference, the Python kmodes library (`KPrototypes`, about 2 hours at
 * this size according to issue 7), is not installed here, and scikit-learn has no k-prototypes.
 */
import type { EngineMatrix } from '../engine.js';
import { createBenchRandom } from '../random.js';
import { timed, type Side } from '../runner.js';
import type { CaseDefinition } from './case.js';

const NUMERIC = 14;
const LEVELS = [3, 5, 8, 12, 4, 20] as const;

/** The mixed dataset (numeric columns first, then the categorical codes) and its groups. */
export function mixedGroups(
  rows: number,
  groups: number,
  seed: number,
): { X: EngineMatrix; groups: Int32Array } {
  const random = createBenchRandom(seed);
  const cols = NUMERIC + LEVELS.length;
  const centres = Array.from({ length: groups }, () =>
    Array.from({ length: NUMERIC }, () => 1.5 * random.normal()),
  );
  const codes = Array.from({ length: groups }, () => LEVELS.map((l) => random.integer(l)));
  const data = new Float64Array(rows * cols);
  const truth = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    const g = random.integer(groups);
    truth[i] = g;
    for (let f = 0; f < NUMERIC; f++) data[i * cols + f] = centres[g]![f]! + random.normal();
    LEVELS.forEach((levels, c) => {
      data[i * cols + NUMERIC + c] =
        random.uniform() < 0.7 ? codes[g]![c]! : random.integer(levels);
    });
  }
  return { X: { data, rows, cols }, groups: truth };
}

/** Adjusted Rand index of two labelings (Hubert & Arabie 1985), labels >= 0. */
export function adjustedRand(a: Int32Array, b: Int32Array): number {
  const n = a.length;
  const ka = Math.max(...a) + 1;
  const kb = Math.max(...b) + 1;
  const table = new Float64Array(ka * kb);
  for (let i = 0; i < n; i++) table[a[i]! * kb + b[i]!]!++;
  const pairs = (x: number) => (x * (x - 1)) / 2;
  let index = 0;
  const rowSums = new Float64Array(ka);
  const colSums = new Float64Array(kb);
  for (let r = 0; r < ka; r++)
    for (let c = 0; c < kb; c++) {
      const count = table[r * kb + c]!;
      index += pairs(count);
      rowSums[r]! += count;
      colSums[c]! += count;
    }
  let sumA = 0;
  let sumB = 0;
  for (const x of rowSums) sumA += pairs(x);
  for (const x of colSums) sumB += pairs(x);
  const expected = (sumA * sumB) / pairs(n);
  const maximum = (sumA + sumB) / 2;
  return maximum === expected ? 1 : (index - expected) / (maximum - expected);
}

/** The `kprototypes` case. */
export const kPrototypesCase: CaseDefinition = {
  name: 'kprototypes',
  measures: 'k-prototypes (Cao init, nInit 10, Huang gamma) on 14 numeric + 6 categorical columns.',
  quality: 'ARI against the generating groups',
  sizes: { full: { n: 100_000, d: 20, k: 8 }, quick: { n: 10_000, d: 20, k: 8 } },
  prepare(context, { n, k }) {
    const { X, groups } = mixedGroups(n, k, 7);
    const sides: Side[] = [];
    const notes = [
      'Segmint only: the Python kmodes library is not installed (issue 7 quotes about 2 hours for it at this size); scikit-learn has no k-prototypes.',
    ];
    const { kPrototypes } = context.engine;
    const categoricalColumns = LEVELS.map((_, c) => NUMERIC + c);
    if (kPrototypes) {
      const fit = (matrix: EngineMatrix) =>
        kPrototypes(matrix, { clusterCount: k, categoricalColumns, nInit: 10, seed: 0 });
      sides.push({
        name: 'segmint',
        kind: 'segmint',
        rows: n,
        label: "kPrototypes({ init: 'cao', nInit: 10 })",
        warmup: () => {
          fit(mixedGroups(2000, k, 8).X);
          return Promise.resolve();
        },
        run: async () => {
          const { seconds, value } = await timed(() => fit(X));
          return {
            seconds,
            quality: adjustedRand(groups, value.labels),
            iterations: value.iterations,
          };
        },
      });
    }
    return Promise.resolve({
      sides,
      notes,
      ...(kPrototypes ? {} : { segmintMissing: 'kPrototypes' }),
      cleanup: () => Promise.resolve(),
    });
  },
};
