// Issue 7 §7: the coverage phase ENUMERATES every boundary and breaker class, each as its own case, before the
// random phase; recall no longer depends on the seed. The documented boundaries of seeds 001 and 002 are all in
// it, on the side they belong to, breaking exactly what they name; the enumeration is the same on every seed;
// its cases shrink without leaving their class.
import fc from 'fast-check';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';
import { coverageContexts, plan, targets, type Case, type PlanItem } from '../../src/generate/index.ts';
import { patternVariants, lengthVariants } from '../../src/generate/strings/breakers.ts';
import { KNOWN_PATTERNS } from '../../src/generate/strings/patterns.ts';
import { stringModel } from '../../src/generate/strings/shapeString.ts';
import { loadServiceModel } from '../../src/model/load.ts';
import type { StringShape } from '../../src/contract/model.ts';
import { translatePattern } from '../../src/schema/pattern.ts';
import { charLength } from '../../src/rules/chars.ts';
import { isCustomAttribute } from '../../src/rules/cloudmap-attributes.ts';
import { judged, OPERATIONS, show, sorted } from './helpers.ts';

const draw = (a: fc.Arbitrary<string>, seed: number): string => a.generate(new fc.Random(xoroshiro128plus(seed)), undefined).value;

/** The coverage phase alone (no random cases). */
const coverage = (operation: string, seed = 7): PlanItem[] => [...plan(operation, { seed, runs: 0 })];

const input = (c: Case) => (c.input ?? {}) as Record<string, unknown>;
const attrs = (c: Case) => (input(c).Attributes ?? {}) as Record<string, string>;
const len = (v: unknown) => (typeof v === 'string' ? charLength(v) : -1);
const customCount = (c: Case) => Object.keys(attrs(c)).filter(isCustomAttribute).length;
const totalChars = (c: Case) => Object.entries(attrs(c)).reduce((n, [k, v]) => n + charLength(k) + charLength(v), 0);
/** The attribute entries a case adds to its base: the ones the mutation wrote (any entry will do for "some"). */
const values = (c: Case) => Object.values(attrs(c));

interface Boundary {
  what: string;
  operation: (typeof OPERATIONS)[number];
  /** The case is valid and exercises `id`, or breaks exactly `breaks`. */
  id: string;
  breaks?: string[];
  holds(c: Case): boolean;
}

const ri = 'RegisterInstance' as const;
const csi = 'CreateServiceInstance' as const;
const valid = (operation: Boundary['operation'], id: string, what: string, holds: (c: Case) => boolean): Boundary => ({ what, operation, id, holds });
const breaking = (operation: Boundary['operation'], id: string, what: string, holds: (c: Case) => boolean, breaks = [id]): Boundary => ({ what, operation, id, breaks, holds });

const BOUNDARIES: Boundary[] = [
  valid(csi, 'clientToken#length', 'a clientToken of 0 characters', (c) => input(c).clientToken === ''),
  valid(csi, 'clientToken#length', 'a clientToken of 64 characters', (c) => len(input(c).clientToken) === 64),
  breaking(csi, 'clientToken#length', 'a clientToken of 65 characters', (c) => len(input(c).clientToken) === 65),
  valid(csi, 'name#length', 'a name of 1 character', (c) => len(input(c).name) === 1),
  valid(csi, 'name#length', 'a name of 100 characters', (c) => len(input(c).name) === 100),
  breaking(csi, 'name#length', 'an empty name (also off the pattern)', (c) => input(c).name === '', ['name#length', 'name#pattern']),
  breaking(csi, 'name#length', 'a name of 101 characters', (c) => len(input(c).name) === 101),
  valid(csi, 'spec#length', 'a spec of 51,200 characters', (c) => len(input(c).spec) === 51_200),
  breaking(csi, 'spec#length', 'a spec of 51,201 characters', (c) => len(input(c).spec) === 51_201),
  breaking(csi, 'spec#length', 'an empty spec', (c) => input(c).spec === ''),
  valid(csi, 'tags#size', 'no tags', (c) => Array.isArray(input(c).tags) && (input(c).tags as unknown[]).length === 0),
  valid(csi, 'tags#size', '50 tags', (c) => (input(c).tags as unknown[] | undefined)?.length === 50),
  breaking(csi, 'tags#size', '51 tags', (c) => (input(c).tags as unknown[] | undefined)?.length === 51),
  valid(csi, 'templateMajorVersion#pattern', 'templateMajorVersion "0"', (c) => input(c).templateMajorVersion === '0'),
  valid(csi, 'templateMajorVersion#pattern', 'a multi-digit templateMajorVersion ending in 0', (c) => /^[1-9][0-9]*0$/.test(String(input(c).templateMajorVersion))),
  breaking(csi, 'templateMajorVersion#pattern', 'templateMajorVersion with a leading zero ("01"…)', (c) => /^0[0-9]+$/.test(String(input(c).templateMajorVersion))),
  valid(csi, 'templateMajorVersion#length', 'templateMajorVersion of 20 digits', (c) => len(input(c).templateMajorVersion) === 20),
  breaking(csi, 'templateMajorVersion#length', 'templateMajorVersion of 21 digits', (c) => len(input(c).templateMajorVersion) === 21),
  valid(csi, 'name#pattern', 'a name ending in "-"', (c) => String(input(c).name).endsWith('-')),
  breaking(csi, 'name#pattern', 'a name starting with "_"', (c) => String(input(c).name).startsWith('_')),
  valid(ri, 'InstanceId#length', 'an InstanceId of 64 characters', (c) => len(input(c).InstanceId) === 64),
  breaking(ri, 'InstanceId#length', 'an InstanceId of 65 characters', (c) => len(input(c).InstanceId) === 65),
  breaking(ri, 'InstanceId#pattern', 'an empty InstanceId', (c) => input(c).InstanceId === ''),
  breaking(ri, 'InstanceId#pattern', 'an InstanceId with a leading blank', (c) => String(input(c).InstanceId).startsWith(' ')),
  breaking(ri, 'InstanceId#pattern', 'an InstanceId with a trailing blank', (c) => String(input(c).InstanceId).endsWith(' ')),
  breaking(ri, 'ServiceId#length', 'a ServiceId of 256 characters', (c) => len(input(c).ServiceId) === 256),
  breaking(ri, 'state:service-not-found', 'a ServiceId of 255 characters naming no service', (c) => len(input(c).ServiceId) === 255),
  valid(ri, 'CreatorRequestId#length', 'a CreatorRequestId of 64 characters', (c) => len(input(c).CreatorRequestId) === 64),
  breaking(ri, 'CreatorRequestId#length', 'a CreatorRequestId of 65 characters', (c) => len(input(c).CreatorRequestId) === 65),
  valid(ri, 'Attributes{value}#length', 'an attribute value of 1,024 characters', (c) => values(c).some((v) => len(v) === 1024)),
  breaking(ri, 'Attributes{value}#length', 'an attribute value of 1,025 characters', (c) => values(c).some((v) => len(v) === 1025)),
  breaking(ri, 'Attributes{value}#pattern', 'an attribute value with a leading space', (c) => values(c).some((v) => /^ \S/.test(v))),
  breaking(ri, 'Attributes{value}#pattern', 'an attribute value with a leading tab', (c) => values(c).some((v) => /^\t\S/.test(v))),
  valid(ri, 'Attributes{value}#pattern', 'an attribute value with a trailing blank (the pattern allows it)', (c) => values(c).some((v) => /\S[ \t]$/.test(v))),
  breaking(ri, 'Attributes{value}#pattern', 'an attribute value with NUL inside', (c) => values(c).some((v) => v.length > 2 && v.slice(1, -1).includes('\u0000'))),
  breaking(ri, 'Attributes{value}#pattern', 'an attribute value with an astral character inside', (c) => values(c).some((v) => /.\u{1F600}./u.test(v))),
  valid(ri, 'Attributes{key}#length', 'an attribute key of 255 characters', (c) => Object.keys(attrs(c)).some((k) => len(k) === 255)),
  breaking(ri, 'Attributes{key}#length', 'an attribute key of 256 characters', (c) => Object.keys(attrs(c)).some((k) => len(k) === 256)),
  valid(ri, 'rule:custom-attributes-max-30', '30 custom attributes', (c) => customCount(c) === 30),
  breaking(ri, 'rule:custom-attributes-max-30', '31 custom attributes', (c) => customCount(c) === 31),
  valid(ri, 'rule:attributes-total-chars-max-5000', '5,000 characters in all', (c) => totalChars(c) === 5000),
  breaking(ri, 'rule:attributes-total-chars-max-5000', '5,001 characters in all', (c) => totalChars(c) === 5001),
  valid(ri, 'rule:init-health-status-values', 'AWS_INIT_HEALTH_STATUS HEALTHY', (c) => attrs(c).AWS_INIT_HEALTH_STATUS === 'HEALTHY'),
  valid(ri, 'rule:init-health-status-values', 'AWS_INIT_HEALTH_STATUS UNHEALTHY', (c) => attrs(c).AWS_INIT_HEALTH_STATUS === 'UNHEALTHY'),
  breaking(ri, 'rule:init-health-status-values', 'AWS_INIT_HEALTH_STATUS healthy', (c) => attrs(c).AWS_INIT_HEALTH_STATUS === 'healthy'),
];

const matches = (b: Boundary, c: Case): boolean =>
  (b.breaks ? c.kind === 'invalid' && sorted(c.breaks).join() === sorted(b.breaks).join() : c.kind === 'valid' && c.exercises.includes(b.id)) && b.holds(c);

describe('the coverage phase enumerates every documented boundary (seeds 001, 002)', () => {
  const phases = new Map(OPERATIONS.map((op) => [op, coverage(op)]));
  for (const b of BOUNDARIES) {
    it(`${b.operation}: ${b.what} — ${b.breaks ? `breaks ${b.breaks.join(' + ')}` : `valid, exercises ${b.id}`}`, () => {
      const hits = phases.get(b.operation)!.filter((i) => i.phase === 'coverage' && matches(b, i.case));
      expect(hits.length, `no coverage case is ${b.what}`).toBeGreaterThan(0);
      // where the service exists (the constraint is then the only thing a target can object to), bar not-found cases
      if (!b.id.startsWith('state:')) expect(hits.some((h) => h.contextName !== 'missing'), `${b.what} only where no service exists`).toBe(true);
      // and the oracle agrees: exactly what the case names
      for (const h of hits) expect(judged(h.case), show(h.case)).toEqual(b.breaks ? sorted(b.breaks) : []);
    });
  }

  it('the 30/31 custom attribute and 5,000/5,001 character boundaries are met in every service configuration', () => {
    const items = phases.get(ri)!;
    const existing = ['http', 'dns-http', 'a-aaaa-weighted', 'a-multivalue-hc', 'srv', 'a-srv-hc', 'cname'];
    for (const b of BOUNDARIES.filter((x) => x.id.startsWith('rule:custom') || x.id.startsWith('rule:attributes-total'))) {
      const where = new Set(items.filter((i) => matches(b, i.case)).map((i) => i.contextName));
      expect([...where].sort(), b.what).toEqual([...existing].sort());
    }
  });
});

describe('coverage phase shape', () => {
  for (const operation of OPERATIONS) {
    it(`${operation}: every coverage case comes before the random phase and names its boundary`, () => {
      const items = [...plan(operation, { seed: 3, runs: 20 })];
      const firstFill = items.findIndex((i) => i.phase === 'fill');
      expect(items.slice(firstFill).every((i) => i.phase === 'fill')).toBe(true);
      for (const i of items.slice(0, firstFill)) {
        expect(i.target, `#${i.index}`).toBeDefined();
        expect(i.boundary, `#${i.index} ${i.target}`).toBeDefined();
      }
    });

    it(`${operation}: the enumeration is the same on every seed (labels, contexts, order); the values are the seed's`, () => {
      const shape = (items: PlanItem[]) => items.map((i) => `${i.target} ${i.contextName} ${i.boundary ?? ''} ${i.case.kind}`);
      const a = coverage(operation, 1);
      const b = coverage(operation, 2);
      expect(shape(b)).toEqual(shape(a));
      expect(b.map((i) => JSON.stringify(i.case.input))).not.toEqual(a.map((i) => JSON.stringify(i.case.input)));
      expect(coverage(operation, 1).map((i) => JSON.stringify([i.seed, i.case]))).toEqual(a.map((i) => JSON.stringify([i.seed, i.case])));
    });

    it(`${operation}: every variant of an id is sent; rules and state in every context that has them, the others spread over them`, () => {
      const items = coverage(operation);
      for (const { name, context } of coverageContexts(operation)) {
        for (const t of targets(operation, context, name)) {
          const sent = items.filter((i) => i.target === t.id);
          const here = new Set(sent.filter((i) => i.contextName === name).map((i) => `${i.case.kind} ${i.boundary}`));
          const anywhere = new Set(sent.map((i) => `${i.case.kind} ${i.boundary}`));
          for (const v of t.variants) expect((t.perContext ? here : anywhere).has(`${v.kind} ${v.label}`), `${t.id} ${v.label} (${name})`).toBe(true);
          // a context meets some of every id it has (spread ids with fewer variants than contexts excepted)
          if (!t.perContext && t.variants.length >= coverageContexts(operation).length) expect(here.size, `${t.id} in ${name}`).toBeGreaterThan(0);
        }
      }
    });

    it(`${operation}: on any seed, every coverage case breaks exactly what it names (valid ones nothing); labels are unique per id and context`, () => {
      for (const seed of [100, 101, 102]) {
        for (const item of coverage(operation, seed)) {
          if (item.dependsOn !== undefined) continue; // the second request of a state sequence: judged with the state it meets
          expect(judged(item.case), `seed ${seed} ${item.target} ${item.boundary}: ${show(item.case)}`).toEqual(item.case.kind === 'invalid' ? sorted(item.case.breaks) : []);
        }
      }
      for (const { name, context } of coverageContexts(operation)) {
        for (const t of targets(operation, context, name)) {
          const keys = t.variants.map((v) => `${v.kind} ${v.label}`);
          expect(new Set(keys).size, `${t.id} in ${name}`).toBe(keys.length);
        }
      }
    });

    it(`${operation}: enumerated cases shrink without leaving their class (same ids, same side)`, () => {
      let shrunk = 0;
      for (const item of coverage(operation, 9)) {
        if (item.dependsOn !== undefined || item.boundary === undefined) continue;
        const want = item.case.kind === 'invalid' ? sorted(item.case.breaks) : [];
        for (const s of item.arbitrary.shrink(item.value.value_, item.value.context).take(3)) {
          shrunk++;
          expect(s.value.kind, `${item.target} ${item.boundary}`).toBe(item.case.kind);
          expect(judged(s.value), `${item.target} ${item.boundary}: ${show(s.value)}`).toEqual(want);
        }
      }
      expect(shrunk).toBeGreaterThan(100);
    });
  }

  it('a length boundary keeps its length when shrunk (65 stays 65, 51 tags stay 51)', () => {
    const items = [...coverage(ri), ...coverage(csi)];
    const pick = (id: string, boundary: string) => items.find((i) => i.target === id && i.boundary === boundary)!;
    for (const [id, boundary, measure] of [
      ['InstanceId#length', 'length 65', (c: Case) => len(input(c).InstanceId)],
      ['tags#size', '51 entries', (c: Case) => (input(c).tags as unknown[]).length],
      ['rule:custom-attributes-max-30', '31 custom attributes', customCount],
    ] as const) {
      const item = pick(id, boundary);
      expect(item, `${id} ${boundary}`).toBeDefined();
      const before = measure(item.case);
      for (const s of item.arbitrary.shrink(item.value.value_, item.value.context).take(20)) expect(measure(s.value), `${id} ${boundary}`).toBe(before);
    }
  });
});

describe('string breakers: every class of every model pattern', () => {
  const regex = (p: string) => new RegExp(translatePattern(p), 'u');
  const shapes: StringShape[] = [];
  for (const s of ['servicediscovery', 'proton']) {
    for (const shape of Object.values(loadServiceModel(s).shapes)) if (shape.type === 'string' && shape.pattern && KNOWN_PATTERNS[shape.pattern]) shapes.push(shape);
  }

  for (const shape of shapes) {
    it(`${shape.pattern} (${shape.min ?? 0}–${shape.max}): valid edges match; each breaker class breaks the pattern only; lengths are exact`, () => {
      const m = stringModel(shape);
      const re = regex(shape.pattern!);
      const spec = KNOWN_PATTERNS[shape.pattern!]!;
      const inBounds = (v: string) => charLength(v) >= (shape.min ?? 0) && charLength(v) <= shape.max!;
      const pv = patternVariants(m);
      const labels = [...pv.valid, ...pv.invalid].map((v) => v.label);
      expect(new Set(labels).size, 'labels are unique').toBe(labels.length);
      for (let seed = 0; seed < 20; seed++) {
        for (const v of pv.valid) {
          const s = draw(v.value, seed);
          expect(re.test(s) && inBounds(s), `${v.label}: ${JSON.stringify(s)}`).toBe(true);
        }
        for (const v of pv.invalid) {
          const s = draw(v.value, seed);
          expect(!re.test(s) && inBounds(s), `${v.label}: ${JSON.stringify(s)}`).toBe(true);
        }
      }
      // every character just outside is its own case, and so are the forbidden first characters and whole values
      expect(pv.invalid.filter((v) => v.label.endsWith(' inside'))).toHaveLength(spec.anywhere.length);
      for (const c of spec.leading) expect(pv.invalid.some((v) => v.label.startsWith('leading ') && v.label.includes(c === ' ' ? 'U+0020' : c === '\t' ? 'U+0009' : `'${c}'`)), JSON.stringify(c)).toBe(true);
      // a blank where the pattern forbids it, first and last
      if (!spec.first.includes(' ')) expect(pv.invalid.some((v) => v.label === 'leading blank' || v.label === 'leading U+0020'), 'leading blank').toBe(true);
      if (!spec.rest.includes(' ')) expect(pv.invalid.some((v) => v.label === 'trailing blank'), 'trailing blank').toBe(true);
      // the empty string where only the pattern forbids it
      if (spec.minLength > 0 && (shape.min ?? 0) === 0) expect(pv.invalid.some((v) => v.label === 'empty')).toBe(true);

      const lv = lengthVariants(m);
      const lengths = (vs: typeof lv.valid) => vs.map((v) => charLength(draw(v.value, 1)));
      expect(lengths(lv.valid)).toEqual(m.max > m.min ? [m.min, m.max] : [m.min]);
      expect(lengths(lv.invalid)).toEqual([...((shape.min ?? 0) > 0 ? [shape.min! - 1] : []), m.max + 1]);
    });
  }

  it('control characters and non-ASCII are among the breaker classes of every pattern', () => {
    for (const [pattern, spec] of Object.entries(KNOWN_PATTERNS)) {
      for (const c of ['\u0000', '\n', '\u007f', 'é', '中', '😀']) expect(spec.anywhere.includes(c), `${pattern} ${JSON.stringify(c)}`).toBe(true);
    }
  });
});
