// What the target already holds, as far as this run can know: the runner's own model of the documented
// state semantics, so a valid payload is judged against the state it meets. Two valid cases may share an
// InstanceId, a Proton name or an idempotency token (boundary generators make short ids often); the
// contract then says "update", "conflict" or "same result", not plain "success". Pure: no I/O.
//
// Use: `keys` before sending (requests sharing a key go one after another), `judge` once the earlier ones
// are done, `commit` with the answer: only what the target accepted becomes state.
import type { Case } from '../generate/case.ts';
import type { Expected, ExpectedError } from '../oracle/expected.ts';
import { expectState } from '../oracle/index.ts';
import type { Outcome } from '../protocol/outcome.ts';

const CLOUD_MAP_INSTANCE_LIMIT = 1000; // Cloud Map quotas: instances per service (DESIGN)
const PROTON_IDEMPOTENCY = 'Proton user guide "Ensuring Idempotency" (documented for Proton create APIs, inferred here)';
const TOKEN_MISMATCH = 'idempotency:token-mismatch';

export interface StateModel {
  /** The state a case touches (instance, name, token): requests sharing one must not overlap in flight. */
  keys(c: Case): string[];
  /** The expectation for `c` given what earlier accepted requests created. */
  judge(c: Case, expected: Expected): Expected;
  /** Records what an accepted (2xx) request created. */
  commit(c: Case, outcome: Outcome): void;
}

export interface StateModelOptions {
  /** The target was started by this run (builtin): a token this run has not sent is certainly unused.
   * Otherwise an earlier run may have bound it to other parameters, and the documented answer to that
   * (a token-mismatch error) is also correct. */
  freshTarget?: boolean;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
// A valid raw body (odd whitespace, escapes) is its input written out: it meets and makes state like it.
const objectInput = (c: Case): Record<string, unknown> | undefined =>
  (c.rawBody === undefined || c.kind === 'valid') && typeof c.input === 'object' && c.input !== null && !Array.isArray(c.input) ? c.input as Record<string, unknown> : undefined;
// A stable key of the parameters an idempotency token is bound to (the payload without the token).
const paramsKey = (input: Record<string, unknown>, tokenMember: string): string => {
  const rest: Record<string, unknown> = {};
  for (const k of Object.keys(input).sort()) if (k !== tokenMember) rest[k] = input[k];
  return JSON.stringify(rest);
};
const mismatch = (codes: string[], statuses: number[], source: string, message: string): ExpectedError => ({
  outcome: 'error', codes, statuses, violations: [{ constraint: TOKEN_MISMATCH, path: '', message, code: codes[0], source, confidence: 'inferred' }],
  message, source, confidence: 'inferred',
});
const alsoAccept = (expected: Expected, codes: readonly string[], why: string): Expected =>
  expected.outcome !== 'success' ? expected
    : { ...expected, alsoAcceptable: { codes: [...new Set([...(expected.alsoAcceptable?.codes ?? []), ...codes])], why } };

interface Member { service: string; id: string; token?: string }
// Which members a case's state hangs on, per operation (Proton: an empty clientToken is no token).
const MEMBERS: Record<string, (i: Record<string, unknown>) => Member> = {
  RegisterInstance: (i) => ({ service: str(i.ServiceId) ?? '', id: str(i.InstanceId) ?? '', token: str(i.CreatorRequestId) || undefined }),
  CreateServiceInstance: (i) => ({ service: str(i.serviceName) ?? '', id: str(i.name) ?? '', token: str(i.clientToken) || undefined }),
};
const TOKEN_MEMBER: Record<string, string> = { RegisterInstance: 'CreatorRequestId', CreateServiceInstance: 'clientToken' };

export function createStateModel(options: StateModelOptions = {}): StateModel {
  const created = new Map<string, Set<string>>(); // operation/service → instance ids or names
  const tokens = new Map<string, string>(); // operation/token → params key

  const members = (c: Case) => {
    const input = objectInput(c);
    const of = MEMBERS[c.operation];
    return input && of ? { input, m: of(input), scope: `${c.operation}/` } : undefined;
  };

  return {
    keys(c) {
      const x = members(c);
      if (!x) return [];
      return [`${x.scope}${x.m.service}/${x.m.id}`, ...(x.m.token ? [`${x.scope}token/${x.m.token}`] : [])];
    },

    judge(c, expected) {
      // Only payloads the contract accepts reach the target's state.
      const x = members(c);
      if (!x || expected.outcome !== 'success') return expected;
      const { input, m, scope } = x;
      if (m.token) {
        const used = tokens.get(`${scope}${m.token}`);
        if (used !== undefined && used !== paramsKey(input, TOKEN_MEMBER[c.operation])) {
          return c.operation === 'RegisterInstance'
            // Undocumented for Cloud Map; a conflict-class refusal is the AWS-wide convention.
            ? mismatch(['DuplicateRequest', 'ResourceInUse'], [400, 409], 'CreatorRequestId reused with other parameters: undocumented (inferred: a conflict-class error)', 'CreatorRequestId was already used with different parameters')
            : mismatch(['ValidationException'], [400], PROTON_IDEMPOTENCY, 'IdempotentParameterMismatch: clientToken was already used with different parameters');
        }
        if (used !== undefined) return expected; // a replay: the original result
        if (!options.freshTarget) {
          expected = alsoAccept(expected, c.operation === 'RegisterInstance' ? ['DuplicateRequest', 'ResourceInUse'] : ['ValidationException'],
            'the idempotency token may have been used before this run with other parameters');
        }
      }
      const existing = created.get(`${scope}${m.service}`);
      if (c.operation === 'RegisterInstance') {
        if (existing?.has(m.id)) {
          // Re-registering updates; while the earlier request may still be in progress, DuplicateRequest is documented.
          const dup = expectState('RegisterInstance', 'state:duplicate-request', input);
          return alsoAccept(expected, dup.codes, dup.source);
        }
        if ((existing?.size ?? 0) >= CLOUD_MAP_INSTANCE_LIMIT) return expectState('RegisterInstance', 'state:instance-limit', input);
        return expected;
      }
      return existing?.has(m.id) ? expectState('CreateServiceInstance', 'state:name-conflict', input) : expected;
    },

    commit(c, outcome) {
      const x = members(c);
      if (!x || outcome.status < 200 || outcome.status >= 300) return;
      const { input, m, scope } = x;
      if (m.token && !tokens.has(`${scope}${m.token}`)) tokens.set(`${scope}${m.token}`, paramsKey(input, TOKEN_MEMBER[c.operation]));
      let set = created.get(`${scope}${m.service}`);
      if (!set) created.set(`${scope}${m.service}`, (set = new Set()));
      set.add(m.id);
    },
  };
}
