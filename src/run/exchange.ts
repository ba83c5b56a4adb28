// How one case is judged: against the oracle on one target, or against a reference target (--diff).
// Both bind placeholders, keep requests on the same state key apart, and return what the checks found.
import type { Check } from '../checks/exchange.ts';
import { diffOutcomes } from '../checks/diff.ts';
import type { Discrepancy } from '../contract/discrepancy.ts';
import type { Case } from '../contract/case.ts';
import { expectCase } from '../oracle/index.ts';
import { serviceOf } from '../model/load.ts';
import type { Expected } from '../contract/expected.ts';
import type { Outcome } from '../contract/outcome.ts';
import { isThrottled } from '../protocol/throttling.ts';
import { throttledDiscrepancy } from '../checks/throttled.ts';
import { CaseSkipped } from '../targets/sdkFidelity.ts';
import type { Call } from '../contract/call.ts';
import { splitOperationKey } from '../contract/operation.ts';
import type { SendOptions, Target } from '../targets/target.ts';
import { capturedWire, type CapturedWire } from '../targets/wireCapture.ts';
import { bindCase, type Binding } from './binding.ts';
import { PROTOCOL_CHECKS } from '../checks/index.ts';
import { createKeyLock } from './keyLock.ts';
import type { ListingGuard } from '../listingGuard.ts';
import { keepPopulation } from './population.ts';
import { createStateModel } from './stateModel.ts';

export interface Judged {
  found: Discrepancy[];
  sent: Case;
  /** The answer is one the contract allows only because of the target's state at that moment (DuplicateRequest
   * while an earlier registration of the instance may still be in progress): it says nothing about the payload. */
  stateDependent?: boolean;
  /** The target did not send the case (an SDK cannot serialize it faithfully); why, for the report. */
  skipped?: string;
  /** The target kept throttling it through every retry: reported as `throttled`, never judged nor counted as covered. */
  throttled?: true;
  /** The exchange as it went over the wire (unscrubbed, by reference): kept only for a group's representative case. */
  wire?: CapturedWire;
  /** --diff: the reference's exchange of the same case, and what each side did (the matrix's diff cells). */
  referenceWire?: CapturedWire;
  sides?: DiffSides;
}
/** What each side of a --diff run did with one case: accepted (2xx), refused (an error answer), or no answer. */
export type SideAnswer = 'accepted' | 'refused' | 'none';
export interface DiffSides { reference: SideAnswer; candidate: SideAnswer; parted: boolean }
const answerOf = (o: Outcome): SideAnswer => (o.status === 0 ? 'none' : o.status >= 200 && o.status < 300 ? 'accepted' : 'refused');
/** The captured exchange, when the target kept one: only present members (no `wire: undefined`). */
const wired = (key: 'wire' | 'referenceWire', o: Outcome): Partial<Judged> => {
  const w = capturedWire(o);
  return w === undefined ? {} : { [key]: w };
};
export type CaseExchange = (c: Case) => Promise<Judged>;

const allowedByState = (expected: Expected, outcome: Outcome): boolean =>
  expected.outcome === 'success' && outcome.code !== undefined && (expected.alsoAcceptable?.codes.includes(outcome.code) ?? false);
// Nothing was sent: the state model hears "refused", which changes no state.
const NOT_SENT: Outcome = { status: 0, headers: {}, latencyMs: 0 };
/** The target's send, with a CaseSkipped turned into a value (no async layer of its own: one per request less). */
function sendOrSkip(target: Target, c: Case, options: SendOptions): Promise<{ outcome: Outcome; skipped?: string }> {
  let sending: Promise<Outcome>;
  try {
    sending = target.send(toCall(c), options);
  } catch (e) {
    sending = Promise.reject(e);
  }
  return sending.then(sentOutcome, skippedOrThrown);
}
const sentOutcome = (outcome: Outcome): { outcome: Outcome } => ({ outcome });
function skippedOrThrown(e: unknown): { outcome: Outcome; skipped: string } {
  if (e instanceof CaseSkipped) return { outcome: NOT_SENT, skipped: e.reason };
  throw e;
}


// Per operation, the service and the operation's own name (looked up once, not on every case).
const callNames = new Map<string, { service: Call['service']; operation: string }>();
const toCall = (c: Case): Call => {
  let names = callNames.get(c.operation);
  if (names === undefined) callNames.set(c.operation, (names = { service: serviceOf(c.operation), operation: splitOperationKey(c.operation)?.operation ?? c.operation }));
  const call: Call = { service: names.service, operation: c.wireOperation ?? names.operation, input: c.input };
  if (c.rawBody !== undefined) call.rawBody = c.rawBody;
  return call;
};

/** One target, judged by the oracle and the run's state model. `scrub`: the target's answers come unscrubbed
 * (SendOptions.unscrubbed) and only those that make a finding are scrubbed, and judged again as scrubbed, since a
 * finding is what gets written: the same findings as scrubbing every answer, without paying for it on every case. */
export function oracleExchange(o: { target: Target & { fresh?: boolean }; binding: Binding; checks: Check[]; signal?: AbortSignal; scrub?: (outcome: Outcome) => Outcome; listing?: ListingGuard }): CaseExchange {
  const state = createStateModel({ freshTarget: o.target.fresh === true, tokensCarryNonce: o.binding.nonce !== undefined });
  const lock = createKeyLock();
  const keepBounded = keepPopulation(o.target, state, lock, o.signal, o.listing);
  const scrub = o.scrub;
  const target = o.target;
  // Cases are independent of each other: they give way to chained requests for a slot (src/targets/inFlightLimit.ts).
  const sendOptions: SendOptions = scrub ? { signal: o.signal, unscrubbed: true, bulk: true } : { signal: o.signal, bulk: true };
  const checks = o.checks;
  // Indexed loops and one exchange object for all checks: no iterator per check on every case.
  const judge = (sent: Case, expected: Expected, outcome: Outcome): Discrepancy[] => {
    const found: Discrepancy[] = [];
    const exchange = { case: sent, expected, outcome };
    for (let i = 0; i < checks.length; i++) {
      const ds = checks[i]!(exchange);
      for (let j = 0; j < ds.length; j++) found.push(ds[j]!);
    }
    return found;
  };
  return async (c) => {
    const sent = bindCase(c, o.binding);
    const first = expectCase(sent);
    // Judged once the earlier requests on the same state have answered, so the state is what the target holds.
    // The hold is taken and given back here (not through lock.run): a free one costs no promise and no tick.
    const hold = lock.take(state.keys(sent, first));
    if (hold.ready !== undefined) await hold.ready;
    let expected: Expected;
    let outcome: Outcome;
    try {
      expected = state.judge(sent, first);
      try {
        outcome = await target.send(toCall(sent), sendOptions);
      } catch (e) {
        if (!(e instanceof CaseSkipped)) throw e;
        state.commit(sent, NOT_SENT);
        return { found: [], sent, skipped: e.reason };
      }
      state.commit(sent, outcome);
    } finally {
      lock.release(hold);
    }
    const sweep = keepBounded();
    if (sweep) await sweep;
    if (isThrottled(outcome)) return { found: [throttledDiscrepancy(sent, expected, scrub ? scrub(outcome) : outcome)], sent, throttled: true, ...wired('wire', outcome) };
    let found = judge(sent, expected, outcome);
    if (found.length > 0 && scrub) {
      const clean = scrub(outcome);
      if (clean !== outcome) found = judge(sent, expected, clean);
    }
    const judged: Judged = { found, sent };
    if (allowedByState(expected, outcome)) judged.stateDependent = true;
    if (found.length > 0) Object.assign(judged, wired('wire', outcome));
    return judged;
  };
}

/** Two targets, the first the reference: the same case to both, their answers compared. */
export function diffExchange(o: { reference: Target; candidate: Target; bindings: [Binding, Binding]; signal?: AbortSignal; listings?: [ListingGuard, ListingGuard] }): CaseExchange {
  // Each side keeps its own state model: the same serialisation on both sides keeps races out of the diff, and
  // an answer the contract allows in the candidate's state (DuplicateRequest while an earlier registration of
  // the instance may still be in progress) is not a difference.
  const states = [createStateModel(), createStateModel()];
  const locks = [createKeyLock(), createKeyLock()];
  const keepBounded = [keepPopulation(o.reference, states[0], locks[0], o.signal, o.listings?.[0]), keepPopulation(o.candidate, states[1], locks[1], o.signal, o.listings?.[1])];
  const sendTo = async (side: 0 | 1, c: Case) => {
    const sent = bindCase(c, o.bindings[side]);
    const target = side === 0 ? o.reference : o.candidate;
    const state = states[side];
    const first = expectCase(sent);
    const answer = await locks[side].run(state.keys(sent, first), async () => {
      const expected = state.judge(sent, first);
      const { outcome, skipped } = await sendOrSkip(target, sent, { signal: o.signal, bulk: true });
      state.commit(sent, outcome);
      return { outcome, sent, expected, skipped };
    });
    const sweep = keepBounded[side]();
    if (sweep) await sweep;
    return answer;
  };
  return async (c) => {
    const [a, b] = await Promise.all([sendTo(0, c), sendTo(1, c)]);
    const skipped = a.skipped ?? b.skipped;
    if (skipped !== undefined) return { found: [], sent: b.sent, skipped };
    // Either side still throttled: nothing to compare.
    for (const [side, name] of [[b, o.candidate.name], [a, o.reference.name]] as const) {
      if (isThrottled(side.outcome)) return { found: [throttledDiscrepancy(b.sent, side.expected, side.outcome, name)], sent: b.sent, throttled: true, ...wired('wire', side.outcome) };
    }
    const allowed = b.expected.outcome === 'success' ? b.expected.alsoAcceptable?.codes ?? [] : [];
    const found = diffOutcomes(b.sent, a.outcome, b.outcome, o.reference.name)
      .filter((d) => !(d.kind === 'rejected-valid' && d.actual.code !== undefined && allowed.includes(d.actual.code)));
    // The candidate's wire format, judged as in any run, where the reference frames its answer otherwise.
    const framing = (side: typeof a) => PROTOCOL_CHECKS.flatMap((check) => check({ case: side.sent, expected: side.expected, outcome: side.outcome }));
    const onReference = new Set(framing(a).map((d) => d.constraint));
    for (const d of framing(b)) if (!onReference.has(d.constraint)) found.push(d);
    const sides: DiffSides = { reference: answerOf(a.outcome), candidate: answerOf(b.outcome), parted: found.length > 0 };
    return {
      found, sent: b.sent, sides, ...(allowedByState(b.expected, b.outcome) || allowedByState(a.expected, a.outcome) ? { stateDependent: true } : {}),
      ...(found.length > 0 ? { ...wired('wire', b.outcome), ...wired('referenceWire', a.outcome) } : {}),
    };
  };
}
