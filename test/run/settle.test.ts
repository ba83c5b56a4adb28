// Shrink candidates meeting an answer only the target's state allows are judged again (src/run/settle.ts).
import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/contract/case.ts';
import type { Judged } from '../../src/run/exchange.ts';
import { settled } from '../../src/run/settle.ts';

const c = { operation: 'RegisterInstance', kind: 'valid', input: {}, breaks: [], exercises: [], context: {} } as Case;
const answers = (...stateDependent: boolean[]) => {
  let n = 0;
  return async (): Promise<Judged> => ({ found: [], sent: c, ...(stateDependent[Math.min(n++, stateDependent.length - 1)] ? { stateDependent: true } : {}) });
};

describe('settled', () => {
  it('re-judges while the answer depends on state, and stops at the first that does not', async () => {
    expect((await settled(answers(true, true, false), undefined, [0, 0, 0, 0])(c)).attempts).toBe(3);
    expect((await settled(answers(false), undefined, [0, 0])(c)).attempts).toBe(1);
  });
  it('is bounded (a state that never settles keeps its last answer) and stops when the run is interrupted', async () => {
    const judge = settled(answers(true), undefined, [0, 0, 0]);
    expect(await judge(c)).toMatchObject({ attempts: 4, stateDependent: true });
    expect((await judge(c)).attempts).toBe(1); // it did not settle once: no more waiting for this finding
    const controller = new AbortController();
    controller.abort();
    expect((await settled(answers(true), controller.signal, [0, 0, 0])(c)).attempts).toBe(1);
  });
});
