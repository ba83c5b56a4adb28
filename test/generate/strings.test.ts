// The string machinery: every pattern table entry agrees with the model's regex; class strings, entry
// lists and records stay in their domain when generated and when shrunk.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { translatePattern } from '../../src/schema/pattern.ts';
import { loadServiceModel } from '../../src/model/load.ts';
import { generateCase } from '../../src/generate/index.ts';
import { classString } from '../../src/generate/strings/classString.ts';
import { entries } from '../../src/generate/strings/entries.ts';
import { KNOWN_PATTERNS } from '../../src/generate/strings/patterns.ts';
import { record } from '../../src/generate/strings/record.ts';
import { patternBreaker, stringModel, validString } from '../../src/generate/strings/shapeString.ts';
import { VISIBLE } from '../../src/generate/strings/chars.ts';
import { charLength } from '../../src/rules/chars.ts';

const regex = (p: string) => new RegExp(translatePattern(p), 'u');

describe('pattern table', () => {
  it('covers every pattern of the fuzzed operations\' inputs', () => {
    const patterns = new Set<string>();
    for (const s of ['servicediscovery', 'proton']) {
      for (const shape of Object.values(loadServiceModel(s).shapes)) if (shape.type === 'string' && shape.pattern) patterns.add(shape.pattern);
    }
    for (const p of ['^[0-9a-zA-Z_/:.@-]+$', '^[a-zA-Z0-9!-~]+$', '^[0-9A-Za-z]+[0-9A-Za-z_\\-]*$', '^(0|([1-9]{1}\\d*))$', '^[!-~]*$']) expect(patterns.has(p), p).toBe(true);
  });

  for (const [pattern, spec] of Object.entries(KNOWN_PATTERNS)) {
    it(`${pattern}: first/rest/extra match, every breaker fails`, () => {
      const re = regex(pattern);
      for (const f of spec.first) for (const r of spec.rest) expect(re.test(f + r + r), JSON.stringify(f + r + r)).toBe(true);
      for (const e of spec.extra ?? []) expect(re.test(e)).toBe(true);
      expect(re.test('')).toBe(spec.minLength === 0);
      const good = spec.first[0]! + spec.rest[0]!;
      for (const c of spec.anywhere) for (const at of [0, 1, 2]) expect(re.test(good.slice(0, at) + c + good.slice(at)), JSON.stringify(c)).toBe(false);
      for (const c of spec.leading) expect(re.test(c + good), JSON.stringify(c)).toBe(false);
      for (const w of spec.whole ?? []) expect(re.test(w), JSON.stringify(w)).toBe(false);
    });

    it(`${pattern}: generated values match, pattern breakers do not, lengths stay in bounds`, () => {
      const re = regex(pattern);
      const m = stringModel({ type: 'string', min: 0, max: 40, pattern });
      fc.assert(fc.property(validString(m), (v) => re.test(v) && charLength(v) >= m.min && charLength(v) <= 40), { numRuns: 500 });
      fc.assert(fc.property(patternBreaker(m)!, (v) => !re.test(v) && charLength(v) <= 40), { numRuns: 500 });
    });
  }
});

describe('classString', () => {
  const arb = classString({ min: 3, max: 2000, first: ['a', 'b'], rest: [...VISIBLE, '😀'] });
  it('generates and shrinks within length and classes', () => {
    for (let i = 0; i < 300; i++) {
      const v = generateCase(arb as never, i) as unknown as fc.Value<string>;
      expect(arb.canShrinkWithoutContext(v.value)).toBe(true);
      for (const s of arb.shrink(v.value, v.context).take(10)) expect(arb.canShrinkWithoutContext(s.value), s.value).toBe(true);
    }
  });
  it('hits its bounds', () => {
    const lengths = new Set<number>();
    for (let i = 0; i < 300; i++) lengths.add(charLength((generateCase(arb as never, i) as unknown as fc.Value<string>).value));
    expect(lengths.has(3) && lengths.has(2000)).toBe(true);
  });
});

describe('entries and record', () => {
  it('entries: distinct keys within the count bounds, also after shrinking', () => {
    const key = classString({ min: 1, max: 2, rest: ['a', 'b', 'c'] });
    const arb = entries({ key, value: classString({ min: 0, max: 3, rest: ['x'] }), min: 3, max: 8 });
    for (let i = 0; i < 200; i++) {
      const v = generateCase(arb as never, i) as unknown as fc.Value<[string, string][]>;
      expect(arb.canShrinkWithoutContext(v.value), JSON.stringify(v.value)).toBe(true);
      for (const s of arb.shrink(v.value, v.context).take(20)) expect(arb.canShrinkWithoutContext(s.value), JSON.stringify(s.value)).toBe(true);
    }
  });
  it('record: required members always present; shrinking drops optional members first', () => {
    const arb = record<{ a: number; b?: number }>({ a: fc.integer({ min: 1, max: 9 }), b: fc.integer({ min: 1, max: 9 }) }, ['a']);
    let withB = 0;
    for (let i = 0; i < 200; i++) {
      const v = generateCase(arb as never, i) as unknown as fc.Value<{ a: number; b?: number }>;
      expect(v.value.a).toBeGreaterThan(0);
      if ('b' in v.value) {
        withB++;
        const first = [...arb.shrink(v.value, v.context).take(1)][0]!.value;
        expect('b' in first).toBe(false);
      }
    }
    expect(withB).toBeGreaterThan(50);
  });
});
