// How one case is judged: against the oracle on one target, or against a reference target (--diff).
// Both bind placeholders, keep requests on the same state key apart, and return what the checks found.
import type { Check } from '../checks/exchange.ts';
import { diffOutcomes } from '../checks/diff.ts';
import type { Discrepancy } from '../checks/discrepancy.ts';
import type { Case } from '../generate/case.ts';
import { expectCase } from '../generate/index.ts';
import { serviceOf } from '../model/load.ts';
import type { Outcome } from '../protocol/outcome.ts';
import type { Call, Target } from '../targets/target.ts';
import { bindCase, type Binding } from './binding.ts';
import { createKeyLock } from './keyLock.ts';
import { keepPopulation } from './population.ts';
import { createStateModel } from './stateModel.ts';

export type CaseExchange = (c: Case) => Promise<{ found: Discrepancy[]; sent: Case }>;


const toCall = (c: Case): Call => ({
  service: serviceOf(c.operation), operation: c.wireOperation ?? c.operation, input: c.input, ...(c.rawBody !== undefined ? { rawBody: c.rawBody } : {}),
});

/** One target, judged by the oracle and the run's state model. */
export function oracleExchange(o: { target: Target & { fresh?: boolean }; binding: Binding; checks: Check[]; signal?: AbortSignal }): CaseExchange {
  const state = createStateModel({ freshTarget: o.target.fresh === true });
  const lock = createKeyLock();
  const keepBounded = keepPopulation(o.target, state, lock, o.signal);
  return async (c) => {
    const sent = bindCase(c, o.binding);
    const first = expectCase(sent);
    // Judged once the earlier requests on the same state have answered, so the state is what the target holds.
    const { expected, outcome } = await lock.run(state.keys(sent), async () => {
      const expected = state.judge(sent, first);
      const outcome: Outcome = await o.target.send(toCall(sent), { signal: o.signal });
      state.commit(sent, outcome);
      return { expected, outcome };
    });
    await keepBounded();
    const found: Discrepancy[] = [];
    for (const check of o.checks) for (const d of check({ case: sent, expected, outcome })) found.push(d);
    return { found, sent };
  };
}

/** Two targets, the first the reference: the same case to both, their answers compared. */
export function diffExchange(o: { reference: Target; candidate: Target; bindings: [Binding, Binding]; signal?: AbortSignal }): CaseExchange {
  // Each side keeps its own state model: the same serialisation on both sides keeps races out of the diff, and
  // an answer the contract allows in the candidate's state (DuplicateRequest while an earlier registration of
  // the instance may still be in progress) is not a difference.
  const states = [createStateModel(), createStateModel()];
  const locks = [createKeyLock(), createKeyLock()];
  const keepBounded = [keepPopulation(o.reference, states[0], locks[0], o.signal), keepPopulation(o.candidate, states[1], locks[1], o.signal)];
  const sendTo = async (side: 0 | 1, c: Case) => {
    const sent = bindCase(c, o.bindings[side]);
    const target = side === 0 ? o.reference : o.candidate;
    const state = states[side];
    const answer = await locks[side].run(state.keys(sent), async () => {
      const expected = state.judge(sent, expectCase(sent));
      const outcome = await target.send(toCall(sent), { signal: o.signal });
      state.commit(sent, outcome);
      return { outcome, sent, expected };
    });
    await keepBounded[side]();
    return answer;
  };
  return async (c) => {
    const [a, b] = await Promise.all([sendTo(0, c), sendTo(1, c)]);
    const allowed = b.expected.outcome === 'success' ? b.expected.alsoAcceptable?.codes ?? [] : [];
    const found = diffOutcomes(b.sent, a.outcome, b.outcome, o.reference.name)
      .filter((d) => !(d.kind === 'rejected-valid' && d.actual.code !== undefined && allowed.includes(d.actual.code)));
    return { found, sent: b.sent };
  };
}
