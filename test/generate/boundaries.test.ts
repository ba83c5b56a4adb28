// The documented examples and boundaries: seed 001's RegisterInstance example is valid (and within what
// the generators produce), and the boundary generators hit both sides of every documented bound of seeds
// 001 and 002 (InstanceId 64/65, 30/31 custom attributes, 5,000/5,001 characters, 50/51 tags, …).
import { describe, expect, it } from 'vitest';
import { coverageContexts, generateCase, targets, type Case, type Target } from '../../src/generate/index.ts';
import { expectCase } from '../../src/oracle/index.ts';
import { charLength } from '../../src/rules/chars.ts';
import { isCustomAttribute } from '../../src/rules/cloudmap-attributes.ts';
import { KNOWN_PATTERNS } from '../../src/generate/strings/patterns.ts';
import { classString } from '../../src/generate/strings/classString.ts';
import { judged } from './helpers.ts';

const SEED_001_EXAMPLE = {
  Attributes: { AWS_INSTANCE_IPV4: '172.2.1.3', AWS_INSTANCE_PORT: '808' },
  CreatorRequestId: '7a48a98a-72e6-4849-bfa7-1a458e030d7b',
  InstanceId: 'myservice-53',
  ServiceId: 'srv-p5zdwlg5uvvzjita',
};

const contextNamed = (operation: string, name: string) => coverageContexts(operation).find((c) => c.name === name)!;

/** Values `pick` reads from many cases of a target side (fixed seeds). */
function sample<T>(arb: Target['valid'], pick: (c: Case) => T, n = 400): T[] {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(pick(generateCase(arb!, 77_000 + i).value));
  return out;
}

const targetOf = (operation: string, ctxName: string, id: string): Target => {
  const c = contextNamed(operation, ctxName);
  const t = targets(operation, c.context, c.name).find((x) => x.id === id);
  if (!t) throw new Error(`no target ${id} in ${ctxName}`);
  return t;
};

const input = (c: Case) => c.input as Record<string, unknown>;
const attrs = (c: Case) => input(c).Attributes as Record<string, string>;
const len = (v: unknown) => (typeof v === 'string' ? charLength(v) : -1);
const customCount = (c: Case) => Object.keys(attrs(c)).filter(isCustomAttribute).length;
const totalChars = (c: Case) => Object.entries(attrs(c)).reduce((n, [k, v]) => n + charLength(k) + charLength(v), 0);

describe('seed 001: the documented RegisterInstance example', () => {
  for (const name of ['srv', 'a-srv-hc', 'a-multivalue-hc']) {
    it(`is valid for a ${name} service`, () => {
      const ctx = { cloudMap: { ...contextNamed('RegisterInstance', name).context.cloudMap!, serviceId: SEED_001_EXAMPLE.ServiceId } };
      const c: Case = { operation: 'RegisterInstance', kind: 'valid', input: SEED_001_EXAMPLE, breaks: [], exercises: [], context: ctx };
      expect(expectCase(c).outcome).toBe('success');
    });
  }

  it('lies in the domain of the generators (InstanceId, attribute values)', () => {
    const instanceId = KNOWN_PATTERNS['^[0-9a-zA-Z_/:.@-]+$']!;
    expect(classString({ min: 1, max: 64, first: instanceId.first, rest: instanceId.rest }).canShrinkWithoutContext(SEED_001_EXAMPLE.InstanceId)).toBe(true);
    const value = KNOWN_PATTERNS['^([a-zA-Z0-9!-~][ \\ta-zA-Z0-9!-~]*){0,1}[a-zA-Z0-9!-~]{0,1}$']!;
    for (const v of Object.values(SEED_001_EXAMPLE.Attributes)) expect(classString({ min: 0, max: 1024, first: value.first, rest: value.rest }).canShrinkWithoutContext(v)).toBe(true);
  });
});

describe('seed 001 boundaries are generated on both sides', () => {
  const ri = (ctx: string, id: string) => targetOf('RegisterInstance', ctx, id);
  const both = (id: string, ctx: string, measure: (c: Case) => number, validAt: number[], invalidAt: number[]) => {
    it(`${id}: ${validAt.join(', ')} (valid) and ${invalidAt.join(', ')} (violating)`, () => {
      const t = ri(ctx, id);
      const v = new Set(validAt.length ? sample(t.valid, measure) : []);
      const x = new Set(sample(t.invalid, measure));
      for (const n of validAt) expect(v.has(n), `valid ${n} in ${[...v].slice(0, 20)}`).toBe(true);
      for (const n of invalidAt) expect(x.has(n), `invalid ${n} in ${[...x].slice(0, 20)}`).toBe(true);
    });
  };
  both('InstanceId#length', 'srv', (c) => len(input(c).InstanceId), [1, 64], [65]);
  both('CreatorRequestId#length', 'srv', (c) => len(input(c).CreatorRequestId), [64], [65]);
  both('ServiceId#length', 'missing', (c) => len(input(c).ServiceId), [], [256]);
  both('Attributes{key}#length', 'srv', (c) => Math.max(...Object.keys(attrs(c)).map(len)), [255], [256]);
  both('Attributes{value}#length', 'srv', (c) => Math.max(...Object.values(attrs(c)).map(len)), [1024], [1025]);
  both('rule:custom-attributes-max-30', 'a-aaaa-weighted', customCount, [30], [31]);
  both('rule:attributes-total-chars-max-5000', 'srv', totalChars, [5000], [5001]);

  it('ServiceId at 255 characters naming no service is a not-found case, not a validation one', () => {
    const t = ri('missing', 'state:service-not-found');
    const at255 = sample(t.invalid, (c) => c).filter((c) => len(input(c).ServiceId) === 255);
    expect(at255.length).toBeGreaterThan(0);
    for (const c of at255) expect(judged(c)).toEqual(['state:service-not-found']);
  });

  it('attribute values with a leading blank break the pattern, a trailing blank does not (the regex allows it)', () => {
    const bad = sample(ri('srv', 'Attributes{value}#pattern').invalid, (c) => Object.values(attrs(c)));
    expect(bad.flat().some((v) => v.startsWith(' ') || v.startsWith('\t'))).toBe(true);
    const edge = sample(ri('srv', 'Attributes{value}#pattern').valid, (c) => Object.values(attrs(c)));
    expect(edge.flat().some((v) => /[ \t]$/.test(v))).toBe(true);
  });
});

describe('seed 002 boundaries (CreateServiceInstance) are generated on both sides', () => {
  const cs = (id: string) => targetOf('CreateServiceInstance', 'main', id);
  const both = (id: string, measure: (c: Case) => number, validAt: number[], invalidAt: number[]) => {
    it(`${id}: ${validAt.join(', ')} (valid) and ${invalidAt.join(', ')} (violating)`, () => {
      const t = cs(id);
      const v = new Set(sample(t.valid, measure));
      const x = new Set(sample(t.invalid, measure));
      for (const n of validAt) expect(v.has(n), `valid ${n} in ${[...v].slice(0, 20)}`).toBe(true);
      for (const n of invalidAt) expect(x.has(n), `invalid ${n} in ${[...x].slice(0, 20)}`).toBe(true);
    });
  };
  both('name#length', (c) => len(input(c).name), [1, 100], [0, 101]);
  both('spec#length', (c) => len(input(c).spec), [1, 51_200], [0, 51_201]);
  both('templateMajorVersion#length', (c) => len(input(c).templateMajorVersion), [1, 20], [0, 21]);
  both('templateMinorVersion#length', (c) => len(input(c).templateMinorVersion), [1, 20], [0, 21]);
  both('clientToken#length', (c) => len(input(c).clientToken), [0, 64], [65]);
  both('tags#size', (c) => (input(c).tags as unknown[]).length, [0, 50], [51]);
  both('tags[].key#length', (c) => len((input(c).tags as { key: string }[])[0]!.key), [1, 128], [0, 129]);
  both('tags[].value#length', (c) => len((input(c).tags as { value: string }[])[0]!.value), [0, 256], [257]);

  it('the empty name breaks both its length and its pattern, and says so', () => {
    const empty = sample(cs('name#length').invalid, (c) => c).filter((c) => input(c).name === '');
    expect(empty.length).toBeGreaterThan(0);
    for (const c of empty) expect(c.breaks.sort()).toEqual(['name#length', 'name#pattern']);
  });

  it('template versions: "0" and a leading zero', () => {
    expect(sample(cs('templateMajorVersion#pattern').valid, (c) => input(c).templateMajorVersion).some((v) => v === '0' || v === '9' || v === '1')).toBe(true);
    expect(sample(cs('templateMajorVersion#pattern').invalid, (c) => input(c).templateMajorVersion as string).some((v) => /^0./.test(v))).toBe(true);
  });
});
