// How one case is judged: against the oracle on one target, or against a reference target (--diff).
// Both bind placeholders, keep requests on the same state key apart, and return what the checks found.
import type { Check } from '../checks/exchange.ts';
import { diffOutcomes } from '../checks/diff.ts';
import type { Discrepancy } from '../checks/discrepancy.ts';
import type { Case } from '../generate/case.ts';
import { expectCase } from '../generate/index.ts';
import type { Outcome } from '../protocol/outcome.ts';
import type { Call, Target } from '../targets/target.ts';
import { bindCase, type Binding } from './binding.ts';
import { createKeyLock } from './keyLock.ts';
import { createStateModel } from './stateModel.ts';

export type CaseExchange = (c: Case) => Promise<{ found: Discrepancy[]; sent: Case }>;

export const serviceOf = (operation: string): string => (operation === 'CreateServiceInstance' ? 'proton' : 'servicediscovery');

const toCall = (c: Case): Call => ({
  service: serviceOf(c.operation), operation: c.wireOperation ?? c.operation, input: c.input, ...(c.rawBody !== undefined ? { rawBody: c.rawBody } : {}),
});

/** One target, judged by the oracle and the run's state model. */
export function oracleExchange(o: { target: Target & { fresh?: boolean }; binding: Binding; checks: Check[]; signal?: AbortSignal }): CaseExchange {
  const state = createStateModel({ freshTarget: o.target.fresh === true });
  const lock = createKeyLock();
  return async (c) => {
    const sent = bindCase(c, o.binding);
    const judged = state.apply(sent, expectCase(sent));
    const outcome: Outcome = await lock.run(judged.keys, () => o.target.send(toCall(sent), { signal: o.signal }));
    const found: Discrepancy[] = [];
    for (const check of o.checks) for (const d of check({ case: sent, expected: judged.expected, outcome })) found.push(d);
    return { found, sent };
  };
}

/** Two targets, the first the reference: the same case to both, their answers compared. */
export function diffExchange(o: { reference: Target; candidate: Target; bindings: [Binding, Binding]; signal?: AbortSignal }): CaseExchange {
  // The state model is used for its keys only: the same serialisation on both sides keeps races out of the diff.
  const states = [createStateModel(), createStateModel()];
  const locks = [createKeyLock(), createKeyLock()];
  const sendTo = async (side: 0 | 1, c: Case): Promise<{ outcome: Outcome; sent: Case }> => {
    const sent = bindCase(c, o.bindings[side]);
    const { keys } = states[side].apply(sent, expectCase(sent));
    const target = side === 0 ? o.reference : o.candidate;
    const outcome = await locks[side].run(keys, () => target.send(toCall(sent), { signal: o.signal }));
    return { outcome, sent };
  };
  return async (c) => {
    const [a, b] = await Promise.all([sendTo(0, c), sendTo(1, c)]);
    return { found: diffOutcomes(b.sent, a.outcome, b.outcome, o.reference.name), sent: b.sent };
  };
}
