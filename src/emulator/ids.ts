// Deterministic, AWS-looking identifiers. One seeded generator per emulator: the same seed and the same
// sequence of creating calls give the same ids, so runs and fixtures are reproducible.
//   namespace ns-p5zdwlg5uvvzjita · service srv-p5zdwlg5uvvzjita (16 lower-case alphanumerics)
//   operation 4yejorelbukcjzpnr6tlmrghsjwpngf4-k95yg2u7 (32 + '-' + 8), as in the RegisterInstance example
//   deployment ids: UUID v4 layout (Proton's DeploymentId pattern)

const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';

export interface IdSource {
  namespaceId(): string;
  serviceId(): string;
  operationId(): string;
  uuid(): string;
}

/** cyrb128-style string hash → four 32-bit words, the state of an sfc32 generator. */
function seedWords(seed: string): [number, number, number, number] {
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
  for (let i = 0; i < seed.length; i++) {
    const k = seed.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}

/** sfc32: small, fast, good enough for identifiers (not for cryptography). */
export function prng(seed: string | number): () => number {
  let [a, b, c, d] = seedWords(String(seed));
  return () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    const r = (t + d) | 0;
    c = (c + r) | 0;
    return (r >>> 0) / 4294967296;
  };
}

export function createIds(seed: string | number = 0): IdSource {
  const next = prng(seed);
  const pick = (alphabet: string, n: number): string => {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(next() * alphabet.length)];
    return s;
  };
  return {
    namespaceId: () => `ns-${pick(ALNUM, 16)}`,
    serviceId: () => `srv-${pick(ALNUM, 16)}`,
    operationId: () => `${pick(ALNUM, 32)}-${pick(ALNUM, 8)}`,
    uuid: () => `${pick(HEX, 8)}-${pick(HEX, 4)}-4${pick(HEX, 3)}-${'89ab'[Math.floor(next() * 4)]}${pick(HEX, 3)}-${pick(HEX, 12)}`,
  };
}

/**
 * A short digest of a request's parameters: what idempotency records keep instead of whole payloads.
 * Streams the value in canonical order (object keys sorted; null and absent members alike; strings
 * length-delimited) through two 32-bit multiplicative hash lanes: no intermediate strings. Only requests
 * carrying the same token are ever compared, so 64 bits make a false "same parameters" unreachable in practice.
 */
export function fingerprint(value: unknown): string {
  h1 = 0xdeadbeef;
  h2 = 0x41c6ce57;
  walk(value);
  const a = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  const b = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
  return `${(a >>> 0).toString(36)}.${(b >>> 0).toString(36)}`;
}

let h1 = 0;
let h2 = 0;
const mix = (c: number): void => {
  h1 = Math.imul(h1 ^ c, 2654435761);
  h2 = Math.imul(h2 ^ c, 1597334677);
};
const text = (s: string): void => {
  for (let i = 0; i < s.length; i++) mix(s.charCodeAt(i));
  mix(0x10000 + s.length); // out of the UTF-16 range: delimits the string
};
function walk(v: unknown): void {
  if (v === null || v === undefined) return mix(0x20000);
  switch (typeof v) {
    case 'string': mix(0x20001); return text(v);
    case 'number': mix(0x20002); return text(String(v));
    case 'boolean': return mix(v ? 0x20003 : 0x20004);
    case 'object': {
      if (Array.isArray(v)) {
        mix(0x20005);
        for (const e of v) walk(e);
        return mix(0x20006 + v.length);
      }
      const o = v as Record<string, unknown>;
      const keys = Object.keys(o).filter((k) => o[k] !== undefined && o[k] !== null).sort();
      mix(0x30000 + keys.length);
      for (const k of keys) {
        text(k);
        walk(o[k]);
      }
      return;
    }
    default: return mix(0x20007);
  }
}
