// Which cases a run took, per operation, as a count and an order-independent digest of their case ids
// (report.json run.caseDigest). Digests of shards add up to the digest of the whole, so a merged report can
// be checked against one run of the same seed without listing every case.

import { mix } from '../generate/shard.ts';

export interface CaseDigest {
  cases: number;
  /** Two 32-bit lanes, each the sum (mod 2^32) of a hash of every case id, in hex. */
  digest: string;
}


const nameHash = (s: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
};

const hex = (n: number): string => (n >>> 0).toString(16).padStart(8, '0');

interface Lanes { cases: number; a: number; b: number; op: number }

/** Counts the cases (operation, plan index = case id) a run takes. */
export class CaseTally {
  private readonly lanes = new Map<string, Lanes>();

  take(operation: string, index: number): void {
    let l = this.lanes.get(operation);
    if (!l) this.lanes.set(operation, (l = { cases: 0, a: 0, b: 0, op: nameHash(operation) }));
    const h = mix(l.op ^ Math.imul(index + 1, 0x9e3779b1));
    l.cases++;
    l.a = (l.a + h) >>> 0;
    l.b = (l.b + mix(h ^ 0x5bd1e995)) >>> 0;
  }

  digests(operations: readonly string[]): Record<string, CaseDigest> {
    return Object.fromEntries(operations.map((op) => {
      const l = this.lanes.get(op);
      return [op, { cases: l?.cases ?? 0, digest: `${hex(l?.a ?? 0)}${hex(l?.b ?? 0)}` }];
    }));
  }
}

/** The digest of the union of disjoint case sets (shards). */
export function addDigests(parts: readonly CaseDigest[]): CaseDigest {
  let a = 0;
  let b = 0;
  let cases = 0;
  for (const p of parts) {
    cases += p.cases;
    a = (a + parseInt(p.digest.slice(0, 8), 16)) >>> 0;
    b = (b + parseInt(p.digest.slice(8, 16), 16)) >>> 0;
  }
  return { cases, digest: `${hex(a)}${hex(b)}` };
}
