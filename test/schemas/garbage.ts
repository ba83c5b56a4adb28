// Garbage for the loaders (issue 8 §3): random JSON, valid documents with one part broken (a wrong-typed value,
// a missing member, a prototype key, a huge string), truncated files and raw bytes. Each arbitrary names its
// class, so the test can say how each class was answered.
import fc from 'fast-check';

export type GarbageClass = 'random-json' | 'wrong-type' | 'missing-member' | 'prototype-key' | 'huge-string' | 'truncated' | 'raw-bytes';
export interface Garbage { cls: GarbageClass; content: string | Uint8Array }

type Slot = { parent: Record<string, unknown> | unknown[]; key: string | number };

/** Every member and element of a JSON value down to `depth` levels, depth first. */
function slots(doc: unknown, depth = Infinity, out: Slot[] = []): Slot[] {
  if (depth <= 0) return out;
  if (Array.isArray(doc)) doc.forEach((v, i) => { out.push({ parent: doc, key: i }); slots(v, depth - 1, out); });
  else if (doc !== null && typeof doc === 'object') for (const [k, v] of Object.entries(doc)) { out.push({ parent: doc as Record<string, unknown>, key: k }); slots(v, depth - 1, out); }
  return out;
}
/** Half the time a member of the first two levels: the fields a loader reads, not only deep payload. */
const anySlot = fc.tuple(fc.nat(), fc.boolean()).map(([n, shallow]) => (doc: unknown): Slot | undefined => {
  const list = slots(doc, shallow ? 2 : Infinity);
  return list.length ? list[n % list.length] : undefined;
});
const containers = (doc: unknown): Array<Record<string, unknown>> =>
  [doc, ...slots(doc).map((s) => (s.parent as Record<string, unknown>)[s.key as string])].filter((v): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v));

const set = (s: Slot, value: unknown): void => { (s.parent as Record<string | number, unknown>)[s.key] = value; };
const remove = (s: Slot): void => { if (Array.isArray(s.parent)) s.parent.splice(s.key as number, 1); else delete s.parent[s.key as string]; };

const json = fc.jsonValue({ maxDepth: 3 });
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'] as const;

/** Garbage derived from `valid` (a document the loader accepts), plus garbage from nothing. */
export function garbage(valid: unknown, { hugeChars = 1 << 20 } = {}): fc.Arbitrary<Garbage> {
  const text = JSON.stringify(valid);
  const mutated = (cls: GarbageClass, apply: fc.Arbitrary<(doc: unknown) => void>): fc.Arbitrary<Garbage> =>
    apply.map((f) => {
      const doc = structuredClone(valid);
      f(doc);
      return { cls, content: JSON.stringify(doc) ?? 'null' };
    });
  const pick = <T>(list: T[], n: number): T | undefined => (list.length ? list[n % list.length] : undefined);
  return fc.oneof(
    json.map((v): Garbage => ({ cls: 'random-json', content: JSON.stringify(v) ?? 'null' })),
    mutated('wrong-type', fc.tuple(anySlot, json).map(([at, v]) => (doc: unknown) => { const s = at(doc); if (s) set(s, v); })),
    mutated('missing-member', anySlot.map((at) => (doc: unknown) => { const s = at(doc); if (s) remove(s); })),
    mutated('prototype-key', fc.tuple(fc.nat(), fc.constantFrom(...PROTO_KEYS), json).map(([n, key, v]) => (doc: unknown) => {
      const at = pick(containers(doc), n);
      // An own property, as JSON.parse makes it (assignment would set the prototype instead).
      if (at) Object.defineProperty(at, key, { value: v, enumerable: true, writable: true, configurable: true });
    })),
    mutated('huge-string', fc.tuple(anySlot, fc.constantFrom('x', 'é', '\u{1F600}', '\u0000', '"\\')).map(([at, ch]) => (doc: unknown) => {
      const s = at(doc);
      if (s) set(s, ch.repeat(Math.ceil(hugeChars / ch.length)));
    })),
    fc.nat({ max: text.length - 1 }).map((n): Garbage => ({ cls: 'truncated', content: text.slice(0, n) })),
    fc.uint8Array({ maxLength: 256 }).map((b): Garbage => ({ cls: 'raw-bytes', content: b })),
  );
}

/** Every top-level member of `valid` (and of its `case`, when it has one) replaced by a value of each JSON type,
 * a prototype-keyed object, or removed: the fields a loader reads, each broken in every way. */
export function everyFieldBroken(valid: Record<string, unknown>): Garbage[] {
  const values: unknown[] = [42, -1.5, 'abc', '', true, null, [], [1, 'x'], {}, JSON.parse('{"__proto__":{"x":1},"constructor":"y"}'), '__proto__', 'constructor'];
  const out: Garbage[] = [];
  const variants = (doc: Record<string, unknown>, wrap: (inner: Record<string, unknown>) => Record<string, unknown>) => {
    for (const key of Object.keys(doc)) {
      const { [key]: _dropped, ...rest } = doc;
      out.push({ cls: 'missing-member', content: JSON.stringify(wrap(rest)) });
      for (const v of values) out.push({ cls: v !== null && typeof v === 'object' && Object.hasOwn(v, '__proto__') ? 'prototype-key' : 'wrong-type', content: JSON.stringify(wrap({ ...doc, [key]: v })) });
    }
  };
  variants(valid, (d) => d);
  const inner = valid.case;
  if (inner !== null && typeof inner === 'object' && !Array.isArray(inner)) variants(inner as Record<string, unknown>, (c) => ({ ...valid, case: c }));
  return out;
}
