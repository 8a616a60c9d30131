/**
 * Initial prototypes for k-prototypes, as the kmodes library (de Vos, `kmodes/kprototypes.py`):
 * for 'cao' and 'huang', numeric centroids drawn as mean + N(0, 1) * std per column and
 * categorical modes by
 * - Cao, Liang & Bai (2009), "A new initialization method for categorical data clustering",
 *   Expert Systems with Applications 36: the densest row first (density = mean relative frequency
 *   of its values), then repeatedly the row maximising min over chosen modes of density *
 *   mismatches;
 * - Huang (1998), "Extensions to the k-means algorithm for clustering large data sets with
 *   categorical values", DMKD 2: each mode's values sampled by frequency, then the mode replaced
 *   by the nearest row that equals no current mode;
 * - random: k distinct random rows, numeric and categorical parts together (kmodes draws the
 *   categorical part with replacement and the numeric part as above; whole distinct rows avoid
 *   duplicate and empty prototypes).
 *
 * Notation: Xn (n, p) numeric block, Xc (n, m) dense categorical levels, k prototypes.
 */
import { permutation, type Random } from '../core/random.js';
import type { MixedData } from './k-prototypes-data.js';
import type { KPrototypesInit } from './k-prototypes-options.js';

/** Initial numeric centroids (k * p) and categorical modes (k * m, dense levels). */
export interface InitialPrototypes {
  readonly centroids: Float64Array;
  readonly modes: Int32Array;
}

/** Draws the initial prototypes of one run. */
export function initialPrototypes(
  data: MixedData,
  k: number,
  init: KPrototypesInit,
  random: Random,
): InitialPrototypes {
  const { numeric, n, p } = data;
  if (init === 'random') return randomRows(data, k, random);
  const modes = init === 'cao' ? caoModes(data, k) : huangModes(data, k, random);
  const centroids = new Float64Array(k * p);
  for (let f = 0; f < p; f++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += numeric[i * p + f]!;
    mean /= n;
    let variance = 0;
    for (let i = 0; i < n; i++) variance += (numeric[i * p + f]! - mean) ** 2;
    const std = Math.sqrt(variance / n);
    for (let c = 0; c < k; c++) centroids[c * p + f] = mean + random.normal() * std;
  }
  return { centroids, modes };
}

function mismatches(Xc: Int32Array, i: number, modes: Int32Array, c: number, m: number): number {
  let count = 0;
  for (let g = 0; g < m; g++) if (Xc[i * m + g] !== modes[c * m + g]) count++;
  return count;
}

function caoModes(data: MixedData, k: number): Int32Array {
  const { categorical: Xc, n, m, levelOffsets } = data;
  const modes = new Int32Array(k * m);
  if (m === 0) return modes;
  const frequency = new Float64Array(levelOffsets[m]!);
  for (let i = 0; i < n; i++)
    for (let g = 0; g < m; g++) frequency[levelOffsets[g]! + Xc[i * m + g]!]! += 1;
  const density = new Float64Array(n);
  let first = 0;
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let g = 0; g < m; g++) sum += frequency[levelOffsets[g]! + Xc[i * m + g]!]! / n / m;
    density[i] = sum;
    if (sum > density[first]!) first = i;
  }
  modes.set(Xc.subarray(first * m, first * m + m), 0);
  // closest[i] = min over chosen modes of density_i * mismatches(i, mode).
  const closest = new Float64Array(n).fill(Infinity);
  for (let c = 1; c < k; c++) {
    let chosen = 0;
    let highest = -Infinity;
    for (let i = 0; i < n; i++) {
      const score = mismatches(Xc, i, modes, c - 1, m) * density[i]!;
      if (score < closest[i]!) closest[i] = score;
      if (closest[i]! > highest) {
        highest = closest[i]!;
        chosen = i;
      }
    }
    modes.set(Xc.subarray(chosen * m, chosen * m + m), c * m);
  }
  return modes;
}

function huangModes(data: MixedData, k: number, random: Random): Int32Array {
  const { categorical: Xc, n, m } = data;
  const modes = new Int32Array(k * m);
  if (m === 0) return modes;
  // Sampling a random row's value samples the column's values by frequency.
  for (let g = 0; g < m; g++)
    for (let c = 0; c < k; c++) modes[c * m + g] = Xc[random.int(n) * m + g]!;
  for (let c = 0; c < k; c++) {
    let best = -1;
    let bestDistance = Infinity;
    let fallback = 0;
    let fallbackDistance = Infinity;
    for (let i = 0; i < n; i++) {
      const distance = mismatches(Xc, i, modes, c, m);
      if (distance < fallbackDistance) {
        fallbackDistance = distance;
        fallback = i;
      }
      if (distance >= bestDistance) continue;
      let equalsAMode = false;
      for (let other = 0; other < k && !equalsAMode; other++)
        equalsAMode = mismatches(Xc, i, modes, other, m) === 0;
      if (!equalsAMode) {
        best = i;
        bestDistance = distance;
      }
    }
    const row = best >= 0 ? best : fallback;
    modes.set(Xc.subarray(row * m, row * m + m), c * m);
  }
  return modes;
}

function randomRows(data: MixedData, k: number, random: Random): InitialPrototypes {
  const { numeric: Xn, categorical: Xc, n, p, m } = data;
  const centroids = new Float64Array(k * p);
  const modes = new Int32Array(k * m);
  const order = permutation(n, random);
  for (let c = 0; c < k; c++) {
    const row = order[c]!;
    centroids.set(Xn.subarray(row * p, row * p + p), c * p);
    modes.set(Xc.subarray(row * m, row * m + m), c * m);
  }
  return { centroids, modes };
}
