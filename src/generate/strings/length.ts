// String and list lengths biased to the boundaries: min, max, their neighbours, small values; the rest
// log-uniform (capped), so a 51,200-character maximum does not make every bulk value long.
import { below, type Rng } from './random.ts';

export interface LengthBias {
  /** Per mille of draws at exactly min / at exactly max (the latter when max - min ≤ cap). */
  atMin: number;
  atMax: number;
  /** Per mille at max when max - min > cap (huge maxima: rare in bulk). */
  atHugeMax: number;
  /** Per mille at min+1 or max-1 (only min+1 when max - min > cap). */
  near: number;
  /** Per mille in [min, min + smallSpan]. */
  small: number;
  smallSpan: number;
  /** The log-uniform rest spans at most [min, min + cap]. */
  cap: number;
}

export const BOUNDARY_BIAS: LengthBias = { atMin: 100, atMax: 100, atHugeMax: 100, near: 40, small: 500, smallSpan: 12, cap: Infinity };
/** For the bulk of valid payloads: mostly short, sometimes up to ~1,000, rarely a huge maximum. */
export const BULK_BIAS: LengthBias = { atMin: 60, atMax: 10, atHugeMax: 2, near: 40, small: 850, smallSpan: 12, cap: 1024 };
/** Entry counts of maps in bulk payloads: mostly none to a few. */
export const COUNT_BIAS: LengthBias = { atMin: 350, atMax: 5, atHugeMax: 5, near: 10, small: 600, smallSpan: 3, cap: Infinity };
/** Entry counts of maps in the valid bases of invalid cases: mostly none, a few at most. */
export const LEAN_COUNT_BIAS: LengthBias = { atMin: 700, atMax: 0, atHugeMax: 0, near: 100, small: 200, smallSpan: 2, cap: 3 };
/** For violating lengths just past a bound: mostly the first value past it. */
export const EDGE_BIAS: LengthBias = { atMin: 600, atMax: 50, atHugeMax: 50, near: 40, small: 280, smallSpan: 8, cap: Infinity };

export function pickLength(rng: Rng, min: number, max: number, bias: LengthBias): number {
  if (max <= min) return min;
  const span = max - min;
  const atMax = span > bias.cap ? bias.atHugeMax : bias.atMax;
  let r = below(rng, 1000);
  if ((r -= bias.atMin) < 0) return min;
  if ((r -= atMax) < 0) return max;
  if ((r -= bias.near) < 0) return r & 1 || span > bias.cap ? min + 1 : max - 1;
  if ((r -= bias.small) < 0) return min + below(rng, Math.min(bias.smallSpan, span) + 1);
  // log-uniform over the (capped) span
  const top = Math.min(span, bias.cap);
  const n = Math.floor(2 ** ((rng() / 0x100000000) * Math.log2(top + 1))) - 1;
  return min + Math.min(top, Math.max(0, n));
}
