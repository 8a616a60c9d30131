/**
 * The benchmark's own seeded generator, kept apart from the engine's so that benchmark data
 * never changes when engine internals do (the cache header records {@link GENERATOR_VERSION}).
 *
 * Uniform draws: xoshiro128** (Blackman & Vigna 2018) seeded through splitmix32, 53-bit doubles
 * built from two 32-bit outputs. Normal draws: Box-Muller (Box & Muller 1958), both values used.
 */

/** Bump when any generator in this folder changes its output; cached data is then rebuilt. */
export const GENERATOR_VERSION = 1;

/** A seeded stream of uniform and normal deviates. Not cryptographic. */
export interface BenchRandom {
  /** Uniform double in [0, 1) with 53 bits of randomness. */
  uniform(): number;
  /** Uniform integer in [0, n). */
  integer(n: number): number;
  /** Standard normal deviate. */
  normal(): number;
}

function rotateLeft(x: number, bits: number): number {
  return (x << bits) | (x >>> (32 - bits));
}

/**
 * Creates a generator from a 32-bit integer seed; the same seed gives the same stream everywhere.
 * @example const random = createBenchRandom(0); random.normal();
 */
export function createBenchRandom(seed: number): BenchRandom {
  let mix = seed | 0;
  const splitmix = (): number => {
    mix = (mix + 0x9e3779b9) | 0;
    let z = mix;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) | 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  if ((a | b | c | d) === 0) a = 1;

  const nextUint32 = (): number => {
    const result = Math.imul(rotateLeft(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotateLeft(d, 11);
    return result;
  };

  const uniform = (): number => ((nextUint32() >>> 5) * 67108864 + (nextUint32() >>> 6)) / 2 ** 53;
  let spare: number | undefined;

  return {
    uniform,
    integer: (n: number) => Math.floor(uniform() * n),
    normal: () => {
      if (spare !== undefined) {
        const value = spare;
        spare = undefined;
        return value;
      }
      let u = uniform();
      while (u === 0) u = uniform();
      const radius = Math.sqrt(-2 * Math.log(u));
      const angle = 2 * Math.PI * uniform();
      spare = radius * Math.sin(angle);
      return radius * Math.cos(angle);
    },
  };
}
