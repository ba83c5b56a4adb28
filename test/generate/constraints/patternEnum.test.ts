// Regression (found by the corpus, datasync#StartTaskExecution FilterType): a string shape with both an enum and a
// pattern. Any value the pattern refuses lies outside the enum too, so a pattern breaker that named only
// `#pattern` disagreed with the oracle, which reports both.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ServiceModel } from '../../../src/contract/model.ts';
import { modelCases } from '../../../src/generate/modelOperation.ts';
import { variantsOf } from '../../../src/generate/targets.ts';
import { modelOracle } from '../../../src/oracle/index.ts';

const model: ServiceModel = {
  service: 'filters', fullName: 'Filters', apiVersion: '2026-01-01', protocol: 'awsJson1_1', targetPrefix: 'Filters_20260101',
  signingName: 'filters', endpointPrefix: 'filters',
  operations: { Start: { name: 'Start', input: 'StartInput', errors: [] } },
  shapes: {
    StartInput: { type: 'structure', members: { FilterType: { target: 'FilterType' } }, required: ['FilterType'] },
    FilterType: { type: 'string', max: 128, pattern: '^[A-Z0-9_]+$', enum: ['SIMPLE_PATTERN'] },
  },
  provenance: { format: 'botocore', file: 'filters.json', sha256: '', importedAt: '2026-01-01' },
};

describe('a pattern breaker on a shape with an enum', () => {
  it('names the pattern and the enum, as the oracle judges it', () => {
    const oracle = modelOracle(model, 'Start');
    const target = modelCases(model, 'Start').targets.find((t) => t.id === 'FilterType#pattern')!;
    expect(target).toBeDefined();
    for (const v of variantsOf(target).filter((x) => x.kind === 'invalid')) {
      for (const d of fc.sample(v.arbitrary, { numRuns: 3, seed: 4 })) {
        const e = oracle.expect(d.input);
        const got = e.outcome === 'error' ? [...new Set(e.violations.map((x) => x.constraint))].sort() : [];
        expect(got, `${v.label}: ${JSON.stringify(d.input)}`).toEqual([...d.breaks].sort());
        expect(d.breaks).toContain('FilterType#enum');
      }
    }
  });
});
