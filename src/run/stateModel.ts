// What the target already holds, as far as this run can know: the runner's own model of the documented
// state semantics, so a valid payload is judged against the state it meets. Two valid cases may share an
// InstanceId, a Proton name or an idempotency token (boundary generators make short ids often); the
// contract then says "update", "conflict" or "same result", not plain "success". Pure: no I/O.
import type { Case } from '../generate/case.ts';
import type { Expected, ExpectedError } from '../oracle/expected.ts';
import { expectState } from '../oracle/index.ts';

const CLOUD_MAP_INSTANCE_LIMIT = 1000; // Cloud Map quotas: instances per service (DESIGN)
const PROTON_IDEMPOTENCY = 'Proton user guide "Ensuring Idempotency" (documented for Proton create APIs, inferred here)';

interface TokenUse { params: string }

export interface StateModel {
  /** Judges `expected` against the state and records the case as (about to be) applied. Returns the
   * adjusted expectation and the keys whose requests must not overlap in flight. */
  apply(c: Case, expected: Expected): { expected: Expected; keys: string[] };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
// A stable key of the parameters an idempotency token is bound to (the payload without the token).
const paramsKey = (input: Record<string, unknown>, tokenMember: string): string => {
  const rest: Record<string, unknown> = {};
  for (const k of Object.keys(input).sort()) if (k !== tokenMember) rest[k] = input[k];
  return JSON.stringify(rest);
};

const mismatch = (codes: string[], statuses: number[], source: string, confidence: 'documented' | 'inferred', message: string, constraint: string): ExpectedError => ({
  outcome: 'error', codes, statuses, violations: [{ constraint, path: '', message, code: codes[0], source, confidence }],
  message, source, confidence,
});
const TOKEN_MISMATCH = 'idempotency:token-mismatch';

export interface StateModelOptions {
  /** The target was started by this run (builtin): a token this run has not sent is certainly unused.
   * Otherwise an earlier run may have bound it to other parameters, and the documented answer to that
   * (a token-mismatch error) is also correct. */
  freshTarget?: boolean;
}

export function createStateModel(options: StateModelOptions = {}): StateModel {
  /** Adds "the token may predate this run" to a success expectation on a target that is not fresh. */
  const mayPredate = (expected: Expected, codes: string[]): Expected =>
    options.freshTarget || expected.outcome !== 'success' ? expected
      : { ...expected, alsoAcceptable: { codes: [...new Set([...(expected.alsoAcceptable?.codes ?? []), ...codes])], why: 'the idempotency token may have been used before this run with other parameters' } };
  const instances = new Map<string, Set<string>>(); // serviceId → instance ids
  const cmTokens = new Map<string, TokenUse>(); // CreatorRequestId → params
  const names = new Map<string, TokenUse & { token?: string }>(); // serviceName/name → creation
  const prTokens = new Map<string, TokenUse>(); // clientToken → params

  function cloudMap(c: Case, expected: Expected, input: Record<string, unknown>) {
    const serviceId = str(input.ServiceId) ?? '';
    const instanceId = str(input.InstanceId) ?? '';
    const token = str(input.CreatorRequestId);
    const keys = [`cm:${serviceId}:${instanceId}`];
    const params = paramsKey(input, 'CreatorRequestId');
    if (token) {
      keys.push(`cm-token:${token}`);
      const used = cmTokens.get(token);
      // Same token, other parameters: undocumented; a conflict-class refusal is the AWS-wide convention.
      if (used && used.params !== params) return { keys, expected: mismatch(['DuplicateRequest', 'ResourceInUse'], [400, 409], 'CreatorRequestId reused with other parameters: undocumented (inferred: a conflict-class error)', 'inferred', 'CreatorRequestId was already used with different parameters', TOKEN_MISMATCH) };
      if (used) return { keys, expected };
      cmTokens.set(token, { params });
      expected = mayPredate(expected, ['DuplicateRequest', 'ResourceInUse']);
    }
    let set = instances.get(serviceId);
    if (!set) instances.set(serviceId, (set = new Set()));
    if (set.has(instanceId)) {
      // Re-registering updates; while the earlier request may still be in progress, DuplicateRequest is documented.
      const dup = expectState('RegisterInstance', 'state:duplicate-request', input);
      const codes = [...new Set([...(expected.outcome === 'success' ? expected.alsoAcceptable?.codes ?? [] : []), ...dup.codes])];
      return { keys, expected: { ...expected, alsoAcceptable: { codes, why: dup.source } } as Expected };
    }
    if (set.size >= CLOUD_MAP_INSTANCE_LIMIT) return { keys, expected: expectState('RegisterInstance', 'state:instance-limit', input) };
    set.add(instanceId);
    return { keys, expected };
  }

  function proton(c: Case, expected: Expected, input: Record<string, unknown>) {
    const key = `${str(input.serviceName)}/${str(input.name)}`;
    // An empty clientToken is treated as no token (min length 0; no idempotency can hang on "").
    const token = str(input.clientToken) || undefined;
    const keys = [`pr:${key}`];
    const params = paramsKey(input, 'clientToken');
    if (token) {
      keys.push(`pr-token:${token}`);
      const used = prTokens.get(token);
      if (used && used.params !== params) return { keys, expected: mismatch(['ValidationException'], [400], PROTON_IDEMPOTENCY, 'inferred', 'IdempotentParameterMismatch: clientToken was already used with different parameters', TOKEN_MISMATCH) };
      if (used) return { keys, expected };
      prTokens.set(token, { params });
      expected = mayPredate(expected, ['ValidationException']);
    }
    if (names.has(key)) return { keys, expected: expectState('CreateServiceInstance', 'state:name-conflict', input) };
    names.set(key, { params, token });
    return { keys, expected };
  }

  return {
    apply(c, expected) {
      // Only payloads the contract accepts reach the target's state.
      if (expected.outcome !== 'success' || typeof c.input !== 'object' || c.input === null) return { expected, keys: [] };
      const input = c.input as Record<string, unknown>;
      if (c.operation === 'RegisterInstance') return cloudMap(c, expected, input);
      if (c.operation === 'CreateServiceInstance') return proton(c, expected, input);
      return { expected, keys: [] };
    },
  };
}
