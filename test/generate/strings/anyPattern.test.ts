// Regression: issue 10 §5. On main, a pattern outside the hand-written table crashed generation: Cloud Map
// CreateService (`fc.stringMatching`: lookahead not implemented, on `^(?!arn:)…`), Proton CreateEnvironment
// (`no pattern breaker for codebuildRoleArn`). Every model constraint of both must now generate, and the
// oracle must agree with every case.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadServiceModel } from '../../../src/model/load.ts';
import { modelTargets } from '../../../src/generate/constraints/index.ts';
import { sitesOf } from '../../../src/generate/model/sites.ts';
import { minimalValue } from '../../../src/generate/model/values.ts';

const cases = [
  ['servicediscovery', 'CreateService'],
  ['proton', 'CreateEnvironment'],
] as const;

describe('model constraints of operations whose patterns the table does not know', () => {
  for (const [service, operation] of cases) {
    it(`${service}#${operation}: every target and variant generates`, () => {
      const model = loadServiceModel(service);
      const targets = modelTargets(model, sitesOf(model, operation));
      expect(targets.length).toBeGreaterThan(0);
      const base = minimalValue(model, model.operations[operation]!.input!) as Record<string, unknown>;
      for (const t of targets) {
        for (const v of t.variants) fc.sample(v.arbitrary, 2).forEach((m) => m.apply(base));
        fc.sample(t.invalid, 3).forEach((m) => m.apply(base));
      }
    });
  }
});

describe('the oracle agrees with every variant of those operations (generic model path)', () => {
  for (const [service, operation] of cases) {
    it(`${service}#${operation}: each case is rejected for exactly what it names, valid ones accepted`, async () => {
      const { modelCases } = await import('../../../src/generate/modelOperation.ts');
      const { variantsOf } = await import('../../../src/generate/targets.ts');
      const { modelOracle } = await import('../../../src/oracle/index.ts');
      const model = loadServiceModel(service);
      const oracle = modelOracle(model, operation);
      const { valid, targets } = modelCases(model, operation);
      const bad: string[] = [];
      const judge = (d: { input: unknown; breaks: readonly string[] }) => {
        const e = oracle.expect(d.input);
        const got = e.outcome === 'error' ? [...new Set(e.violations.map((v) => v.constraint))].sort() : [];
        if (JSON.stringify(got) !== JSON.stringify([...d.breaks].sort())) bad.push(`${d.breaks.join(',')} → ${got.join(',')}: ${JSON.stringify(d.input).slice(0, 200)}`);
      };
      fc.sample(valid, 20).forEach(judge);
      let lookahead = false;
      for (const t of targets) {
        for (const v of variantsOf(t)) {
          if (v.label.startsWith('lookahead forbids')) lookahead = true;
          fc.sample(v.arbitrary, 1).forEach(judge);
        }
      }
      expect(bad).toEqual([]);
      void lookahead; // ServiceName's `(?=^.{1,127}$)` is positive: none
    });
  }
});

describe('a negative lookahead', () => {
  it('`^(?!arn:)` gets breakers starting with what it forbids, each rejected by the regex', async () => {
    const { DerivedPattern } = await import('../../../src/generate/strings/regex/derived.ts');
    const d = new DerivedPattern('^(?!arn:)[!-~]{1,1024}$');
    const forbidden = d.breakers(1, 1024, 1, 1024).filter((b) => b.label.startsWith('lookahead forbids'));
    expect(forbidden.map((b) => b.value)).toContain('arn:');
    for (const b of forbidden) expect(new RegExp('^(?!arn:)[!-~]{1,1024}$', 'u').test(b.value)).toBe(false);
  });
});
