// The idempotency and state scenarios as data, read from each operation's profile (`scenarios.statements`): stable
// id, what it says, where that is written, how sure we are, and what a target should answer. The token mismatch
// and the state expectations a statement refers to are the profile's own words (the emulator and the runner's
// state model read the same). Ids repeat across operations (idempotency:token-replay is a scenario of every
// operation with a token); (operation, id) is the key. Kind is the id's prefix.
import type { Discrepancy } from '../contract/discrepancy.ts';
import type { Confidence } from '../contract/expected.ts';
import { HAND_WRITTEN, hasProfile, profileOf, statusesFor, type Profile, type StateExpectation } from '../profiles/index.ts';
import type { ScenarioStatement, StatementRef } from '../profiles/scenario.ts';

export interface Scenario {
  id: string;
  operation: string;
  kind: 'idempotency' | 'state';
  says: string;
  source: string;
  confidence: Confidence;
  expected: Discrepancy['expected'];
}

const statusesOf = (service: string, codes: readonly string[]): number[] =>
  [...new Set(codes.flatMap((c) => statusesFor(service, c)))].sort((a, b) => a - b);

/** A state expectation of the profile a scenario names. */
export function stateIn(p: Profile, id: string): StateExpectation {
  const s = p.states.find((x) => x.id === id);
  if (!s) throw new Error(`${p.key}: a scenario names state ${id}, which the profile does not define`); // a profile bug
  return s;
}

const stateCode = (p: Profile, id: string): string => stateIn(p, id).code;

/** A referenced statement in full: the token mismatch, or a state expectation refused with its code. */
function resolve(p: Profile, s: ScenarioStatement | StatementRef): ScenarioStatement {
  if ('mismatch' in s) {
    const m = p.idempotency!.mismatch;
    return { id: 'idempotency:token-mismatch', says: m.says, source: m.source, confidence: m.confidence, expected: { outcome: 'error', codes: m.codes } };
  }
  if ('state' in s) {
    const st = stateIn(p, s.state);
    return { id: st.id, says: s.says, source: st.source, confidence: st.confidence, expected: { outcome: 'error', codes: [st.code] } };
  }
  return s;
}

function expectedOf(p: Profile, s: ScenarioStatement): Discrepancy['expected'] {
  const e = s.expected;
  if (e.outcome === 'error') return { outcome: 'error', codes: [...e.codes], statuses: statusesOf(p.service, e.codes), source: s.source };
  const also = (e.also ?? []).map((id) => stateCode(p, id));
  return { outcome: 'success', codes: also, statuses: [...new Set([200, ...statusesOf(p.service, also)])], source: s.source };
}

const built = new WeakMap<Profile, readonly Scenario[]>();

function build(p: Profile): readonly Scenario[] {
  return (p.scenarios?.statements ?? []).map((ref) => {
    const s = resolve(p, ref);
    return Object.freeze({ id: s.id, operation: p.operation, kind: s.id.startsWith('state:') ? 'state' : 'idempotency', says: s.says, source: s.source, confidence: s.confidence, expected: expectedOf(p, s) });
  });
}

/** The scenarios a profile names (none without `scenarios`). */
export function scenariosIn(p: Profile): readonly Scenario[] {
  let s = built.get(p);
  if (!s) built.set(p, (s = build(p)));
  return s;
}

/** The scenarios of an operation (`service#Operation` or a bare name one model defines); none for a name without a profile. */
export const scenariosOf = (operation: string): readonly Scenario[] => (hasProfile(operation) ? scenariosIn(profileOf(operation)) : []);

/** The hand-written operations' scenarios, by operation name. */
export const SCENARIOS: Readonly<Record<string, readonly Scenario[]>> =
  Object.fromEntries(HAND_WRITTEN.filter((p) => p.scenarios).map((p) => [p.operation, scenariosOf(p.key)]));

export function scenarioOf(operation: string | Profile, id: string): Scenario {
  const s = (typeof operation === 'string' ? scenariosOf(operation) : scenariosIn(operation)).find((x) => x.id === id);
  if (!s) throw new Error(`no scenario ${id} for ${typeof operation === 'string' ? operation : operation.key}`); // a harness bug: ids come from the profile
  return s;
}
