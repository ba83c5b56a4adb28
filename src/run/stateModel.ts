// What the target already holds, as far as this run can know: the runner's own model of the documented
// state semantics, so a valid payload is judged against the state it meets. Two valid cases may share an
// InstanceId, a Proton name or an idempotency token (boundary generators make short ids often); the
// contract then says "update", "conflict" or "same result", not plain "success". Pure: no I/O.
//
// Use: `keys` before sending (requests sharing a key go one after another), `judge` once the earlier ones
// are done, `commit` with the answer: only what the target accepted becomes state.
//
// What a case sends is what the model reads: a raw-body case (the valid side of protocol:malformed-json is
// well-formed JSON with odd whitespace or \u-escaped letters) creates state exactly like an object case.
// The model once read only `input`, so such a body created "G6" on the target behind the model's back and a
// later valid "G6" was blamed with ConflictException (issue 7 §2); the bound raw body itself is parsed now.
//
// Population: Cloud Map allows 1,000 instances per service, and a long run registers far more distinct ids.
// `evictions` names the oldest instances this run registered once a service holds more than KEEP_HIGH of
// them; the runner deregisters them (src/run/population.ts) and reports back with `evicted`, so no service
// nears the quota. The limit is still judged, from what is certain (answered registrations) and what may be
// (registrations in flight, deregistrations not yet confirmed), never blaming the target for the order.
import type { Case } from '../contract/case.ts';
import type { Expected, ExpectedError } from '../contract/expected.ts';
import { expectState } from '../oracle/index.ts';
import type { Outcome } from '../contract/outcome.ts';
import { profileOf, statusesFor, type Idempotency, type Profile } from '../profiles/index.ts';
import { runUniqueToken } from './nonce.ts';
import { createHash, hash } from 'node:crypto';
import { createForgotten } from './forgotten.ts';
import { isObject } from '../contract/json.ts';

/** Above this many instances of the run in one service, the oldest are deregistered down to KEEP_LOW. The
 * 600 left below the quota cover the requests in flight at any usual concurrency; past that, `judge` counts
 * them as possible and accepts either answer. */
export const KEEP_HIGH = 400;
export const KEEP_LOW = 200;
/** Most idempotency tokens, and created names per service, remembered exactly; older ones are only "maybe
 * used" (forgotten.ts), which widens what is accepted for them instead of growing with the run. */
export const REMEMBER_MAX = 20_000;
const TOKEN_MISMATCH = 'idempotency:token-mismatch';
const NO_EVICTIONS: Eviction[] = [];

export interface StateModel {
  /** The state a case touches (instance, name, token): requests sharing one must not overlap in flight. With the
   * oracle's expectation: a case it refuses that names no id (absent, empty, not a string) holds no id key. */
  keys(c: Case, expected?: Expected): string[];
  /** The expectation for `c` given what earlier accepted requests created. */
  judge(c: Case, expected: Expected): Expected;
  /** Records what an accepted (2xx) request created. */
  commit(c: Case, outcome: Outcome): void;
  /** Instances to deregister now to keep each service's population bounded (oldest first); each is marked
   * leaving until `evicted` says how it went. */
  evictions(): Eviction[];
  /** `gone`: the target confirmed the deregistration; `leaving`: asked, not confirmed (it may be in progress);
   * `kept`: the target refused, the instance stays. */
  evicted(e: Eviction, result: 'gone' | 'leaving' | 'kept'): void;
  /** Entries held (instances, names, tokens, leaving, evicting): bounded whatever the run length. */
  held(): number;
}

export interface Eviction { service: string; id: string; key: string }

export interface StateModelOptions {
  /** The target was started by this run (builtin): a token this run has not sent is certainly unused.
   * Otherwise an earlier run may have bound it to other parameters, and the documented answer to that
   * (a token-mismatch error) is also correct. */
  freshTarget?: boolean;
  /** Idempotency tokens carry this run's nonce (binding.ts): one with enough letters and digits is this run's
   * own on any target, so an earlier run cannot have bound it and a mismatch answer for it is the target's fault. */
  tokensCarryNonce?: boolean;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
/** The payload the target reads: the raw body when there is one (as bound: real ids, nonce), else `input`. */
const sentInput = (c: Case): Record<string, unknown> | undefined => {
  if (c.rawBody === undefined) return isObject(c.input) ? c.input : undefined;
  try {
    const parsed: unknown = JSON.parse(c.rawBody);
    return isObject(parsed) ? parsed : undefined;
  } catch {
    return undefined; // malformed: the target must refuse it, nothing is created
  }
};
// A stable key of the parameters an idempotency token is bound to (the payload without the token).
const paramsKey = (input: Record<string, unknown>, tokenMember: string): string => {
  const rest: Record<string, unknown> = {};
  for (const k of Object.keys(input).sort()) if (k !== tokenMember) rest[k] = input[k];
  // A digest, not the JSON: a Proton spec is up to 51,200 characters and a long run remembers many tokens.
  const json = JSON.stringify(rest);
  return typeof hash === 'function' ? hash('sha1', json, 'base64') : createHash('sha1').update(json).digest('base64');
};
// The profile's mismatch answer, with the documented statuses of its codes.
const mismatch = (p: Profile, idem: Idempotency): ExpectedError => {
  const { codes, source, message, confidence } = idem.mismatch;
  const statuses = [...new Set(codes.flatMap((c) => statusesFor(p.service, c)))].sort((a, b) => a - b);
  return {
    outcome: 'error', codes: [...codes], statuses, violations: [{ constraint: TOKEN_MISMATCH, path: '', message, code: codes[0], source, confidence }],
    message, source, confidence,
  };
};
const alsoAccept = (expected: Expected, codes: readonly string[], why: string): Expected =>
  expected.outcome !== 'success' ? expected
    : { ...expected, alsoAcceptable: { codes: [...new Set([...(expected.alsoAcceptable?.codes ?? []), ...codes])], why } };

interface Member { service: string; id: string; token?: string }
// Which members a case's state hangs on: the profile's `creates` and idempotency token (an empty token is no token).
const membersOf = (p: Profile, i: Record<string, unknown>): Member => ({
  service: str(i[p.creates!.scopeMember]) ?? '',
  id: str(i[p.creates!.idMember]) ?? '',
  token: (p.idempotency && str(i[p.idempotency.tokenMember])) || undefined,
});
/** What the state model reads of one case. `tokenKey`: scope + token ('' without a token); `svcKey`: scope + service. */
interface Read { input: Record<string, unknown>; p: Profile; m: Member; scope: string; tokenKey: string; svcKey: string }
/** The profile of a case's operation when it creates state the runner models; undefined: nothing to model. */
const statefulProfile = (operation: string): Profile | undefined => {
  const p = profileOf(operation);
  return p.creates ? p : undefined;
};

/**
 * `alsoAccept` of one profile's constant codes and reason, made once per expectation it widens: the oracle's
 * success is one shared (frozen) object per operation, so widening it on every valid case would build the same
 * object again each time. Results are frozen too: shared, never changed (a later widening makes a new one).
 */
function acceptOnce(codes: () => readonly string[], why: () => string): (expected: Expected) => Expected {
  const made = new WeakMap<Expected, Expected>();
  return (expected) => {
    if (expected.outcome !== 'success') return expected;
    let wider = made.get(expected);
    if (wider === undefined) made.set(expected, (wider = Object.freeze(alsoAccept(expected, codes(), why()))));
    return wider;
  };
}

/** Per profile: its mayMeet states, and its opaque members' code, as constant widenings. */
const mayMeetOf = new WeakMap<Profile, { states?: (e: Expected) => Expected; opaque?: (e: Expected) => Expected }>();
function widenings(p: Profile) {
  let w = mayMeetOf.get(p);
  if (w === undefined) {
    const states = p.states.filter((s) => p.mayMeet?.includes(s.id));
    const opaque = p.opaque;
    w = {
      ...(states.length ? { states: acceptOnce(() => states.map((s) => s.code), () => states.map((s) => `${s.id}: ${s.source}`).join('; ')) } : {}),
      ...(opaque ? { opaque: acceptOnce(() => [opaque.code], () => opaque.source) } : {}),
    };
    mayMeetOf.set(p, w);
  }
  return w;
}

/** The states a valid payload may meet that the run cannot know (the profile's `mayMeet`): their codes are accepted too. */
function mayMeet(c: Case, expected: Expected): Expected {
  if (expected.outcome !== 'success') return expected;
  const p = profileOf(c.operation);
  const w = widenings(p);
  if (w.states) expected = w.states(expected);
  const input = p.opaque ? sentInput(c) : undefined;
  if (w.opaque && p.opaque && input && p.opaque.members.some((m) => input[m] !== undefined)) expected = w.opaque(expected);
  return expected;
}

/** Per profile: a valid payload whose token may have been bound before this run also accepts the mismatch answer. */
const predatingOf = new WeakMap<Profile, (e: Expected) => Expected>();
const predating = (p: Profile, idem: Idempotency): ((e: Expected) => Expected) => {
  let w = predatingOf.get(p);
  if (w === undefined) predatingOf.set(p, (w = acceptOnce(() => idem.mismatch.codes, () => 'the idempotency token may have been used before this run with other parameters')));
  return w;
};

export function createStateModel(options: StateModelOptions = {}): StateModel {
  // Whether an earlier run (on a target this run did not start) may have sent this very token.
  const mayPredateRun = (token: string): boolean => !options.freshTarget && !(options.tokensCarryNonce && runUniqueToken(token));
  const created = new Map<string, Set<string>>(); // operation/service → instance ids or names (insertion = age)
  const leaving = new Map<string, Set<string>>(); // RegisterInstance/service → deregistered, not confirmed gone
  const evicting = new Set<string>(); // instance keys with a deregistration under way
  const evictingIn = new Map<string, number>(); // RegisterInstance/service → how many of `evicting` (still in `created`)
  const pending = new Map<string, number>(); // RegisterInstance/service → new instances in flight
  const inFlight = new WeakMap<Case, string>(); // a judged case counted in `pending` → its service scope
  const tokens = new Map<string, string>(); // operation/token → params key (insertion = age, REMEMBER_MAX at most)
  const forgotten = createForgotten(); // tokens and Proton names dropped from the maps above: "maybe used"
  const setOf = (m: Map<string, Set<string>>, k: string): Set<string> => {
    let set = m.get(k);
    if (!set) m.set(k, (set = new Set()));
    return set;
  };

  // keys, judge and commit read the same case: its members are worked out once (a raw body is parsed once), and
  // so are the map keys they look up (each a new string to build and hash otherwise, several times a case).
  const read = new WeakMap<Case, Read | null>();
  const members = (c: Case): Read | undefined => {
    let x = read.get(c);
    if (x === undefined) {
      const p = statefulProfile(c.operation);
      const input = p ? sentInput(c) : undefined;
      if (input && p) {
        const m = membersOf(p, input);
        const scope = `${c.operation}/`;
        x = { input, p, m, scope, tokenKey: m.token ? `${scope}${m.token}` : '', svcKey: `${scope}${m.service}` };
      } else x = null;
      read.set(c, x);
    }
    return x ?? undefined;
  };
  // Whether anything evictions() reads changed since it last looked (it runs after every case).
  // Per Cloud Map service: only those are looked at (O(1) per case however many services the run met).
  const changed = new Set<string>();
  const EVICTED_SCOPE = 'RegisterInstance/';

  return {
    keys(c, expected) {
      const x = members(c);
      if (!x) return [];
      const token = x.m.token ? `${x.scope}token/${x.m.token}` : undefined;
      // No case the contract accepts has such an id (test/runner/stateModel.test.ts), and a refused case reads no
      // state: the key would only put every id-less case of a service in one line, a round trip each (issue 11 §6).
      if (x.m.id === '' && expected?.outcome === 'error') return token === undefined ? [] : [token];
      const instance = `${x.svcKey}/${x.m.id}`;
      return token === undefined ? [instance] : [instance, token];
    },

    judge(c, expected) {
      expected = mayMeet(c, expected);
      // Only payloads the contract accepts reach the target's state.
      const x = members(c);
      if (!x || expected.outcome !== 'success') return expected;
      const { input, p, m, tokenKey, svcKey } = x;
      const idem = p.idempotency;
      if (m.token && idem) {
        const used = tokens.get(tokenKey);
        if (used !== undefined && used !== paramsKey(input, idem.tokenMember)) return mismatch(p, idem);
        if (used !== undefined) return expected; // a replay: the original result
        if (forgotten.has(`token/${tokenKey}`)) {
          // Used earlier in this run, maybe, with parameters no longer remembered: a replay, a mismatch or
          // (same name, Proton) a conflict are all possible.
          const codes = [...idem.mismatch.codes, ...expectState(p.key, p.creates!.againState, input).codes];
          return alsoAccept(expected, codes, 'the idempotency token may have been used earlier in this run (forgotten: the run remembers the latest 20,000)');
        }
        if (mayPredateRun(m.token)) expected = predating(p, idem)(expected);
      }
      const existing = created.get(svcKey);
      const again = p.creates!;
      if (again.again === 'update') {
        if (existing?.has(m.id) || leaving.get(svcKey)?.has(m.id) || forgotten.has(`leaving/${svcKey}/${m.id}`) || forgotten.has(`name/${svcKey}/${m.id}`)) {
          // Re-registering updates; while the earlier request (or this run's deregistration) may still be in
          // progress, DuplicateRequest is documented.
          const dup = expectState(p.key, again.againState, input);
          return alsoAccept(expected, dup.codes, dup.source);
        }
        // Certain: registrations the target accepted. Possible on top: new ones in flight on other keys and
        // deregistrations not confirmed; whichever order the target saw them in is correct.
        const certain = existing?.size ?? 0;
        const possible = certain + (pending.get(svcKey) ?? 0) + (leaving.get(svcKey)?.size ?? 0);
        const limit = again.limit;
        if (!limit) return expected;
        if (certain >= limit.count) return expectState(p.key, limit.state, input);
        pending.set(svcKey, (pending.get(svcKey) ?? 0) + 1);
        inFlight.set(c, svcKey);
        if (possible >= limit.count) {
          const atLimit = expectState(p.key, limit.state, input);
          return alsoAccept(expected, atLimit.codes, atLimit.source);
        }
        return expected;
      }
      if (!existing?.has(m.id)) {
        if (!forgotten.has(`name/${svcKey}/${m.id}`)) return expected;
        const maybe = expectState(p.key, again.againState, input);
        return alsoAccept(expected, maybe.codes, 'the name may have been created earlier in this run (forgotten: the run remembers the latest 20,000 per service)');
      }
      const conflict = expectState(p.key, again.againState, input);
      // A token this run has not sent may have been bound to other parameters before it (not a fresh target):
      // the token-mismatch answer is then as correct as the conflict.
      return m.token && idem && mayPredateRun(m.token) && !tokens.has(tokenKey) && conflict.outcome === 'error'
        ? { ...conflict, codes: [...new Set([...conflict.codes, ...idem.mismatch.codes])] }
        : conflict;
    },

    commit(c, outcome) {
      const counted = inFlight.get(c);
      if (counted !== undefined) {
        inFlight.delete(c);
        pending.set(counted, (pending.get(counted) ?? 1) - 1);
      }
      const x = members(c);
      if (!x || outcome.status < 200 || outcome.status >= 300) return;
      const { input, p, m, tokenKey, svcKey } = x;
      if (m.token && p.idempotency && !tokens.has(tokenKey)) {
        tokens.set(tokenKey, paramsKey(input, p.idempotency.tokenMember));
        if (tokens.size > REMEMBER_MAX) for (const oldest of tokens.keys()) { tokens.delete(oldest); forgotten.add(`token/${oldest}`); break; }
      }
      const ids = setOf(created, svcKey);
      ids.add(m.id);
      if (svcKey.startsWith(EVICTED_SCOPE)) changed.add(svcKey);
      // Cloud Map instances are kept few by evictions (far below this); what nothing deletes during a run is bounded here.
      if (ids.size > REMEMBER_MAX) for (const oldest of ids) { ids.delete(oldest); forgotten.add(`name/${svcKey}/${oldest}`); break; }
      leaving.get(svcKey)?.delete(m.id);
    },

    evictions() {
      if (changed.size === 0) return NO_EVICTIONS; // after almost every case: nothing to allocate
      const out: Eviction[] = [];
      const scope = EVICTED_SCOPE;
      // The services whose population changed, in the order they were first registered in.
      const looked: Iterable<string> = changed.size === 1 ? changed : [...created.keys()].filter((k) => changed.has(k));
      for (const svcKey of looked) {
        const ids = created.get(svcKey);
        // Checked after every case: the cheap test first, so a service whose sweep is under way costs nothing.
        if (ids === undefined || ids.size - (evictingIn.get(svcKey) ?? 0) <= KEEP_HIGH) continue;
        const service = svcKey.slice(scope.length);
        // Oldest first (a Set iterates in insertion order): their registrations finished long ago.
        const candidates = [...ids].filter((id) => !evicting.has(`${svcKey}/${id}`));
        if (candidates.length <= KEEP_HIGH) continue;
        for (const id of candidates.slice(0, candidates.length - KEEP_LOW)) {
          const key = `${svcKey}/${id}`;
          evicting.add(key);
          evictingIn.set(svcKey, (evictingIn.get(svcKey) ?? 0) + 1);
          out.push({ service, id, key });
        }
      }
      changed.clear();
      return out;
    },

    held() {
      let n = tokens.size + evicting.size;
      for (const m of [created, leaving]) for (const ids of m.values()) n += ids.size;
      return n;
    },

    evicted(e, result) {
      const svcKey = `RegisterInstance/${e.service}`;
      if (evicting.delete(e.key)) evictingIn.set(svcKey, (evictingIn.get(svcKey) ?? 1) - 1);
      changed.add(svcKey);
      if (result === 'kept') return;
      created.get(svcKey)?.delete(e.id);
      if (result === 'leaving') {
        const ids = setOf(leaving, svcKey);
        ids.add(e.id);
        // Never confirmed (a target without GetOperation, or answers of InstanceNotFound): the oldest are only
        // "maybe leaving" past KEEP_HIGH, so the set stays bounded however long the run.
        if (ids.size > KEEP_HIGH) for (const oldest of ids) { ids.delete(oldest); forgotten.add(`leaving/${svcKey}/${oldest}`); break; }
      }
      else leaving.get(svcKey)?.delete(e.id);
    },
  };
}
