// Issue 11 §1: the harness judges each case once. The oracle's verdict on a case is made once by the exchange and
// handed on (state model, checks); the case loop never asks again. Counted on a loop of planned cases against a
// target answering at once.
import { describe, expect, it, vi } from 'vitest';
import type { Call } from '../../src/contract/call.ts';
import type { Outcome } from '../../src/contract/outcome.ts';

vi.mock('../../src/oracle/expectCase.ts', async (original) => {
  const m = await original<typeof import('../../src/oracle/expectCase.ts')>();
  return { ...m, expectCase: vi.fn(m.expectCase) };
});

const { expectCase } = await import('../../src/oracle/expectCase.ts');
const { planned } = await import('../../src/generate/index.ts');
const { oracleExchange } = await import('../../src/run/exchange.ts');
const { runCases } = await import('../../src/run/runner.ts');
const { checksFor } = await import('../../src/checks/index.ts');
const { emptyBinding } = await import('../../src/run/binding.ts');

describe('each case is judged once', () => {
  it('the oracle is asked once per case, whatever the answers and the concurrency', async () => {
    let n = 0;
    const target = {
      name: 'quick',
      // Alternately accepted and refused: both paths of the checks and of the state model run.
      send: async (call: Call): Promise<Outcome> => (n++ % 2 === 0
        ? { status: 200, headers: { 'content-type': 'application/x-amz-json-1.1' }, latencyMs: 0, body: call.operation === 'RegisterInstance' ? { OperationId: 'op' } : {} }
        : { status: 400, headers: { 'content-type': 'application/x-amz-json-1.1' }, latencyMs: 0, code: 'InvalidInput', message: 'no', body: { __type: 'InvalidInput', message: 'no' } }),
      close: async () => undefined,
    };
    const exchange = oracleExchange({ target, binding: emptyBinding(), checks: checksFor({ messages: false }), scrub: (o) => o });
    vi.mocked(expectCase).mockClear();
    const result = await runCases({ items: planned('RegisterInstance', { seed: 3, runs: 60 }).items, exchange, concurrency: 8, shrinkRequests: 0 });
    expect(result.cases).toBeGreaterThan(60);
    expect(result.groups.length).toBeGreaterThan(0); // findings were made (and scrubbed and judged again as written)
    expect(vi.mocked(expectCase)).toHaveBeenCalledTimes(result.cases);
  });
});
