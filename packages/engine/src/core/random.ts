/**
 * Seeded pseudo-random numbers that give the same sequence on every machine: uniform draws use
 * only 32-bit integer arithmetic (Math.imul); `normal()` adds Math.log/sin/cos, which V8
 * computes with its own fdlibm port, not the platform's libm.
 *
 * Generator: xoshiro128** (Blackman & Vigna 2018), seeded through splitmix32 so that nearby
 * seeds give unrelated streams.
 */

/** A seeded generator. Not cryptographic. */
export interface Random {
  /** Uniform float in [0, 1) with 32 bits of randomness. */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Standard normal deviate (Box-Muller). */
  normal(): number;
  /** A new independent generator derived from this one (for restarts and workers). */
  fork(): Random;
  /** A fresh 32-bit seed drawn from this stream. */
  seed(): number;
}

function splitmix32(state: number): () => number {
  let s = state | 0;
  return () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * Creates a generator from an integer seed (any safe integer; the low 53 bits are mixed in).
 * @example const rng = createRandom(42); rng.next(); // same value everywhere
 */
export function createRandom(seed: number): Random {
  const hi = Math.floor(seed / 0x100000000) | 0;
  const sm = splitmix32((seed | 0) ^ Math.imul(hi, 0x27d4eb2d));
  let a = sm();
  let b = sm();
  let c = sm();
  let d = sm();
  if ((a | b | c | d) === 0) a = 1;
  let spare: number | undefined;

  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };

  const random: Random = {
    next: () => nextUint32() / 0x100000000,
    int: (n: number) => Math.floor((nextUint32() / 0x100000000) * n),
    normal: () => {
      if (spare !== undefined) {
        const s = spare;
        spare = undefined;
        return s;
      }
      let u = 0;
      while (u === 0) u = nextUint32() / 0x100000000;
      const v = nextUint32() / 0x100000000;
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return r * Math.cos(2 * Math.PI * v);
    },
    fork: () => createRandom(nextUint32()),
    seed: () => nextUint32(),
  };
  return random;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** Fisher-Yates shuffle of `0..n-1` with the given generator. */
export function permutation(n: number, random: Random): Uint32Array {
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = random.int(i + 1);
    const t = out[i]!;
    out[i] = out[j]!;
    out[j] = t;
  }
  return out;
}
