// What a bounded memory forgot, kept as "maybe": a fixed-size bit set (a Bloom filter, two hashes) of keys
// dropped from the state model's exact maps. `has` false: certainly never seen; true: maybe (a false positive
// only widens what is accepted, it never blames the target). Fixed size: memory stays flat at any run length.
const BITS = 1 << 21; // 256 KiB: under 1% false positives up to ~200,000 forgotten keys

function hashes(key: string): [number, number] {
  // FNV-1a and a multiplicative variant: two independent-enough 32-bit hashes.
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b + c, 0x5bd1e995) ^ (b >>> 15);
  }
  return [(a >>> 0) % BITS, (b >>> 0) % BITS];
}

export interface Forgotten {
  add(key: string): void;
  has(key: string): boolean;
}

export function createForgotten(): Forgotten {
  let bits: Uint8Array | undefined; // allocated on the first key forgotten: short runs never pay for it
  return {
    add(key) {
      bits ??= new Uint8Array(BITS >>> 3);
      for (const h of hashes(key)) bits[h >>> 3] |= 1 << (h & 7);
    },
    has(key) {
      if (!bits) return false;
      for (const h of hashes(key)) if ((bits[h >>> 3] & (1 << (h & 7))) === 0) return false;
      return true;
    },
  };
}
