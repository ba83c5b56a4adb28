// Every valid case is accepted by the oracle: 100,000+ cases over both operations and every context in
// which the service exists.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { valid } from '../../src/generate/index.ts';
import { expectCase } from '../../src/oracle/index.ts';
import { existing, show } from './helpers.ts';

const PER_OPERATION = { RegisterInstance: 70_000, CreateServiceInstance: 32_000 } as const;

describe('valid(operation, ctx)', () => {
  for (const [operation, total] of Object.entries(PER_OPERATION)) {
    const contexts = existing(operation);
    for (const c of contexts) {
      const runs = Math.ceil(total / contexts.length);
      it(`${operation} in ${c.name}: ${runs} valid cases are accepted`, () => {
        fc.assert(
          fc.property(valid(operation, c.context, c.name), (k) => {
            const e = expectCase(k);
            if (e.outcome !== 'success') throw new Error(`rejected: ${e.violations.map((v) => v.constraint).join(', ')}\n${show(k)}`);
            return k.kind === 'valid' && k.breaks.length === 0;
          }),
          { numRuns: runs },
        );
      });
    }
  }

  it('refuses a context whose service does not exist', () => {
    expect(() => valid('RegisterInstance', { cloudMap: { serviceId: 'srv-x', service: null } })).toThrow(/exists/);
    expect(() => valid('CreateServiceInstance', { proton: { serviceName: 'x', serviceExists: false } })).toThrow(/exists/);
  });
});
