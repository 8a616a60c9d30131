/**
 * numpy's default `argsort` (kind 'quicksort': introsort with median-of-three partitioning,
 * insertion sort up to 16 elements and a heapsort fallback; numpy/core/src/npysort/quicksort.cpp)
 * re-implemented step for step. The hdbscan library orders its spanning-tree edges with it, and
 * that order decides how merges at equal distances are condensed, so reproducing it keeps the
 * library's tie-breaking (and cluster numbering) for identical edge lists.
 *
 * Notation: v holds the num values; the result is a permutation of 0..num-1.
 */

const SMALL_QUICKSORT = 15;

function heapSort(v: Float64Array, order: Int32Array, start: number, count: number): void {
  // 1-based heap over order[start .. start + count - 1].
  const a = (i: number): number => order[start + i - 1]!;
  const set = (i: number, value: number): void => {
    order[start + i - 1] = value;
  };
  let n = count;
  for (let l = n >> 1; l > 0; --l) {
    const tmp = a(l);
    let i = l;
    let j = l << 1;
    while (j <= n) {
      if (j < n && v[a(j)]! < v[a(j + 1)]!) j += 1;
      if (v[tmp]! < v[a(j)]!) {
        set(i, a(j));
        i = j;
        j += j;
      } else break;
    }
    set(i, tmp);
  }
  while (n > 1) {
    const tmp = a(n);
    set(n, a(1));
    n -= 1;
    let i = 1;
    let j = 2;
    while (j <= n) {
      if (j < n && v[a(j)]! < v[a(j + 1)]!) j++;
      if (v[tmp]! < v[a(j)]!) {
        set(i, a(j));
        i = j;
        j += j;
      } else break;
    }
    set(i, tmp);
  }
}

/** Indices that sort `v` ascending, in exactly numpy's `np.argsort(v)` order (no NaN in v). */
export function numpyArgsort(v: Float64Array): Int32Array {
  const num = v.length;
  const order = new Int32Array(num);
  for (let i = 0; i < num; i++) order[i] = i;
  if (num < 2) return order;
  const swap = (a: number, b: number): void => {
    const t = order[a]!;
    order[a] = order[b]!;
    order[b] = t;
  };
  const stack: number[] = [];
  const depths: number[] = [];
  let msb = 0;
  for (let u = num; u > 1; u >>>= 1) msb++;
  let depth = msb * 2;
  let pl = 0;
  let pr = num - 1;
  for (;;) {
    if (depth < 0) {
      heapSort(v, order, pl, pr - pl + 1);
    } else {
      while (pr - pl > SMALL_QUICKSORT) {
        const pm = pl + ((pr - pl) >> 1);
        if (v[order[pm]!]! < v[order[pl]!]!) swap(pm, pl);
        if (v[order[pr]!]! < v[order[pm]!]!) swap(pr, pm);
        if (v[order[pm]!]! < v[order[pl]!]!) swap(pm, pl);
        const vp = v[order[pm]!]!;
        let pi = pl;
        let pj = pr - 1;
        swap(pm, pj);
        for (;;) {
          do ++pi;
          while (v[order[pi]!]! < vp);
          do --pj;
          while (vp < v[order[pj]!]!);
          if (pi >= pj) break;
          swap(pi, pj);
        }
        swap(pi, pr - 1);
        // Push the larger partition, continue with the smaller.
        if (pi - pl < pr - pi) {
          stack.push(pi + 1, pr);
          pr = pi - 1;
        } else {
          stack.push(pl, pi - 1);
          pl = pi + 1;
        }
        depths.push(--depth);
      }
      for (let pi = pl + 1; pi <= pr; ++pi) {
        const vi = order[pi]!;
        const vp = v[vi]!;
        let pj = pi;
        while (pj > pl && vp < v[order[pj - 1]!]!) {
          order[pj] = order[pj - 1]!;
          pj--;
        }
        order[pj] = vi;
      }
    }
    if (stack.length === 0) break;
    pr = stack.pop()!;
    pl = stack.pop()!;
    depth = depths.pop()!;
  }
  return order;
}
