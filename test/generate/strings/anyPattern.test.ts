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
