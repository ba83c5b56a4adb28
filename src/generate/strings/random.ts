// A tiny local generator for the characters of one string: seeded by one draw from fast-check's Random,
// so generation stays deterministic per seed while a 1,024-character value costs one draw, not 1,024.
import type { Random } from 'fast-check';

export type Rng = () => number; // uniform 32-bit unsigned

/** mulberry32 seeded from one 31-bit draw of `mrng`. */
export function rngFrom(mrng: Random): Rng {
  let a = mrng.nextInt(0, 0x7fffffff) | 0; // 31 bits: pure-rand's fast path
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** Uniform integer in [0, n) (n ≤ 2^32; the modulo bias is irrelevant for fuzzing). */
export const below = (rng: Rng, n: number): number => (n <= 1 ? 0 : rng() % n);
