// Attribute sets at the documented limits: an exact number of custom attributes, or an exact total of
// characters. Built from short random "material" strings cut and repeated to the sizes needed, so the
// limit is met exactly and shrinking (of the material, of the count or total) keeps it met.
import fc from 'fast-check';
import { VISIBLE } from '../strings/chars.ts';
import { EDGE_BIAS } from '../strings/length.ts';
import { attrValues, charCount, customEntries as entriesOf, customKeys, dictionaryOf, type Attrs } from './attributes.ts';

const KEY_MAX = 255;
const VALUE_MAX = 1024;

/** min..max distinct short custom attributes (keys 1–8, values 0–16 characters), count mostly min. */
export const customEntries = (min: number, max: number) => entriesOf(min, max, { keyMax: 8, valueMax: 16, countBias: EDGE_BIAS });

export const withEntries = (reserved: Readonly<Attrs>, entries: readonly (readonly [string, string])[]): Attrs => dictionaryOf(reserved, entries);

/** Material for fillTo: a key seed and a value seed (first character not blank). */
export const fillMaterial = fc.tuple(customKeys(undefined, 16), attrValues(undefined, 32).map((v) => v || 'v'));

const cycle = (s: string, n: number): string => (n <= s.length ? s.slice(0, n) : s.repeat(Math.ceil(n / s.length)).slice(0, n));

/** Changes the last character of `k` until the key is new (same length, so totals stay exact). */
function unique(out: Readonly<Attrs>, k: string): string {
  let key = k;
  for (let i = 0; key in out || key.startsWith('AWS_'); i++) {
    if (i >= VISIBLE.length * VISIBLE.length) throw new Error('fillTo: no free key');
    const tail = key.length >= 2 ? VISIBLE[Math.floor(i / VISIBLE.length) % VISIBLE.length]! + VISIBLE[i % VISIBLE.length]! : VISIBLE[i % VISIBLE.length]!;
    key = key.slice(0, Math.max(0, key.length - tail.length)) + tail;
  }
  return key;
}

/**
 * `reserved` plus as few custom attributes as reach exactly `total` characters (each key ≤ 255, each value
 * ≤ 1,024). Throws when `reserved` alone is already longer (the callers' reserved parts are short).
 */
export function fillTo(reserved: Readonly<Attrs>, total: number, material: readonly [string, string]): Attrs {
  const out = dictionaryOf(reserved);
  let rest = total - charCount(reserved);
  if (rest < 0) throw new Error(`fillTo: reserved attributes exceed ${total} characters`);
  const [keySeed, valueSeed] = material;
  const n = Math.ceil(rest / (KEY_MAX + VALUE_MAX));
  for (let i = 0; i < n; i++) {
    const size = Math.ceil(rest / (n - i));
    const keyLength = Math.max(1, size - VALUE_MAX, Math.min(size, KEY_MAX, keySeed.length + 2));
    const key = unique(out, cycle(keySeed, keyLength));
    out[key] = cycle(valueSeed, size - keyLength);
    rest -= size;
  }
  return out;
}

/** Totals just past a limit: limit+1 (most often) up to limit+1,000; shrinks towards limit+1. */
export const pastTotal = (limit: number) =>
  fc.oneof({ arbitrary: fc.constant(limit + 1), weight: 3 }, { arbitrary: fc.integer({ min: limit + 2, max: limit + 1000 }), weight: 2 });
