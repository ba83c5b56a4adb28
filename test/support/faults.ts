// Fault injection for the idempotency and state scenarios: `send => send` wrappers that turn a correct
// target (the builtin emulator through createHttpTarget) into one that deviates in exactly one idempotency
// or state behaviour. Each factory returns a fresh wrapper with its own memory (tokens seen, first
// attributes, requests in flight), so a test gets a clean deviation.
import type { Outcome } from '../../src/contract/outcome.ts';
import { classOf } from '../../src/protocol/errorClasses.ts';
import type { Call } from '../../src/contract/call.ts';
import type { Send, SendWrapper } from '../../src/targets/target.ts';

type Input = Record<string, unknown>;
const inputOf = (call: Call): Input => (call.input !== null && typeof call.input === 'object' ? (call.input as Input) : {});
const ok = (o: Outcome): boolean => o.status >= 200 && o.status < 300;
const bodyOf = (o: Outcome): Input => (o.body !== null && typeof o.body === 'object' ? (o.body as Input) : {});
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const instanceKey = (i: Input): string => `${String(i.ServiceId)}\u0000${String(i.InstanceId)}`;

/** An answer the wrapped target never gave. */
export function fakeOutcome(status: number, body: unknown, code?: string, message?: string): Outcome {
  const errorClass = classOf(code);
  return {
    status, body, headers: {}, latencyMs: 0,
    ...(code !== undefined ? { code } : {}), ...(errorClass !== undefined ? { errorClass } : {}), ...(message !== undefined ? { message } : {}),
  };
}

/** A stable text of a payload without its token: what a token's parameters are compared by. */
function paramsKey(input: Input, token: string): string {
  const sorted = (v: unknown): unknown =>
    (v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v as Input).sort().map((k) => [k, sorted((v as Input)[k])]))
      : Array.isArray(v) ? v.map(sorted) : v);
  const { [token]: _, ...rest } = input;
  return JSON.stringify(sorted(rest));
}

/** Calls `hit` for a 2xx answer to `operation` whose token was seen on an earlier 2xx: a replay. */
function onReplay(operation: string, token: string, hit: (o: Outcome, input: Input) => Outcome): SendWrapper {
  return (send) => {
    const seen = new Set<string>();
    return async (call, options) => {
      const out = await send(call, options);
      const t = str(inputOf(call)[token]);
      if (call.operation !== operation || !ok(out) || !t) return out;
      if (!seen.has(t)) {
        seen.add(t);
        return out;
      }
      return hit(out, inputOf(call));
    };
  };
}

/** A token reused with other parameters: the target honours the token and ignores the new parameters. */
function ignoreMismatch(operation: string, token: string): SendWrapper {
  return (send) => {
    const first = new Map<string, Input>();
    return (call, options) => {
      const input = inputOf(call);
      const t = str(input[token]);
      if (call.operation !== operation || !t) return send(call, options);
      const prior = first.get(t);
      if (!prior) first.set(t, input);
      else if (paramsKey(prior, token) !== paramsKey(input, token)) return send({ ...call, input: prior }, options);
      return send(call, options);
    };
  };
}

/** Rewrites the 2xx body of `operation`. */
const rewrite = (operation: string, edit: (body: Input, call: Call) => Input): SendWrapper => (send) => async (call, options) => {
  const out = await send(call, options);
  return call.operation === operation && ok(out) ? { ...out, body: edit(bodyOf(out), call) } : out;
};

// ---- Cloud Map ------------------------------------------------------------------------------------

/** A replay (same CreatorRequestId and parameters) returns a NEW OperationId. */
export const replayNewOperationId = (): SendWrapper => {
  let n = 0;
  return onReplay('RegisterInstance', 'CreatorRequestId', (o) => ({ ...o, body: { ...bodyOf(o), OperationId: `${String(bodyOf(o).OperationId)}-again${++n}` } }));
};

/** A replay registers a second instance: from then on ListInstances lists that instance twice. */
export const replayDuplicatesInstance = (): SendWrapper => (send) => {
  const doubled = new Set<string>();
  const replays = onReplay('RegisterInstance', 'CreatorRequestId', (o, input) => {
    doubled.add(instanceKey(input));
    return o;
  })(send);
  return async (call, options) => {
    const out = await replays(call, options);
    if (call.operation !== 'ListInstances' || !ok(out)) return out;
    const body = bodyOf(out);
    const list = Array.isArray(body.Instances) ? (body.Instances as Input[]) : [];
    const sid = String(inputOf(call).ServiceId);
    const extra = list.filter((i) => doubled.has(`${sid}\u0000${String(i.Id)}`));
    return { ...out, body: { ...body, Instances: [...list, ...extra] } };
  };
};

/** A CreatorRequestId reused with other parameters is accepted (the original request is answered again). */
export const tokenMismatchAccepted = (): SendWrapper => ignoreMismatch('RegisterInstance', 'CreatorRequestId');

/** A RegisterInstance while another for the same instance is in flight gets HTTP 500. */
export const concurrentServerError = (): SendWrapper => (send) => {
  const inFlight = new Map<string, number>();
  return async (call, options) => {
    if (call.operation !== 'RegisterInstance') return send(call, options);
    const key = instanceKey(inputOf(call));
    const n = inFlight.get(key) ?? 0;
    if (n > 0) return fakeOutcome(500, { __type: 'InternalFailure', Message: 'lock conflict' }, 'InternalFailure', 'lock conflict');
    inFlight.set(key, n + 1);
    try {
      return await send(call, options);
    } finally {
      inFlight.set(key, (inFlight.get(key) ?? 1) - 1);
    }
  };
};

/** Re-registering does not update: GetInstance keeps showing the attributes of the first registration. */
export const reregisterNotUpdated = (): SendWrapper => (send) => {
  const first = new Map<string, unknown>();
  return async (call, options) => {
    const out = await send(call, options);
    if (!ok(out)) return out;
    const input = inputOf(call);
    if (call.operation === 'RegisterInstance' && !first.has(instanceKey(input))) first.set(instanceKey(input), input.Attributes);
    if (call.operation !== 'GetInstance' || !first.has(instanceKey(input))) return out;
    const body = bodyOf(out);
    return { ...out, body: { ...body, Instance: { ...(body.Instance as Input), Attributes: first.get(instanceKey(input)) } } };
  };
};

/** GetInstance loses every custom (non AWS_*) attribute. */
export const customAttributesLost = (): SendWrapper => rewrite('GetInstance', (body) => {
  const instance = (body.Instance ?? {}) as Input;
  const attributes = Object.fromEntries(Object.entries((instance.Attributes ?? {}) as Input).filter(([k]) => k.startsWith('AWS_')));
  return { ...body, Instance: { ...instance, Attributes: attributes } };
});

/** GetOperation reports registrations as DEREGISTER_INSTANCE operations. */
export const operationWrongType = (): SendWrapper =>
  rewrite('GetOperation', (body) => ({ ...body, Operation: { ...(body.Operation as Input), Type: 'DEREGISTER_INSTANCE' } }));

// ---- Proton ---------------------------------------------------------------------------------------

/** A replay (same clientToken and parameters) returns an instance with another arn. */
export const protonReplayNewArn = (): SendWrapper => onReplay('CreateServiceInstance', 'clientToken', (o) => {
  const body = bodyOf(o);
  const instance = body.serviceInstance as Input;
  return { ...o, body: { ...body, serviceInstance: { ...instance, arn: `${String(instance.arn)}-2` } } };
});

/** A clientToken reused with other parameters is accepted (the original instance is returned). */
export const protonMismatchAccepted = (): SendWrapper => ignoreMismatch('CreateServiceInstance', 'clientToken');

/** An existing name is accepted: 200 with a made-up instance instead of ConflictException. */
export const protonExistingNameAccepted = (): SendWrapper => (send) => async (call, options) => {
  const out = await send(call, options);
  if (call.operation !== 'CreateServiceInstance' || out.code !== 'ConflictException') return out;
  const i = inputOf(call);
  const serviceInstance = {
    name: i.name, serviceName: i.serviceName, arn: `arn:aws:proton:us-east-1:123456789012:service/${String(i.serviceName)}/service-instance/${String(i.name)}`,
    createdAt: 1_700_000_000, environmentName: 'default', templateName: 'emulator-template', templateMajorVersion: '1', templateMinorVersion: '0',
    deploymentStatus: 'IN_PROGRESS', lastDeploymentAttemptedAt: 1_700_000_000, lastDeploymentSucceededAt: 1_700_000_000,
  };
  return fakeOutcome(200, { serviceInstance });
};

/** GetServiceInstance reports another templateMinorVersion than the instance has. */
export const protonStaleRead = (): SendWrapper => rewrite('GetServiceInstance', (body) => {
  const instance = body.serviceInstance as Input;
  return { ...body, serviceInstance: { ...instance, templateMinorVersion: String(Number(instance.templateMinorVersion ?? 0) + 1) } };
});

// ---- both -----------------------------------------------------------------------------------------

/** A request without its idempotency token is rejected (the target treats the optional token as required). */
export const noTokenRejected = (): SendWrapper => (send: Send): Send => async (call, options) => {
  const input = inputOf(call);
  if (call.operation === 'RegisterInstance' && input.CreatorRequestId === undefined) {
    return fakeOutcome(400, { __type: 'InvalidInput', Message: 'CreatorRequestId is required' }, 'InvalidInput', 'CreatorRequestId is required');
  }
  if (call.operation === 'CreateServiceInstance' && input.clientToken === undefined) {
    return fakeOutcome(400, { message: 'clientToken is required' }, 'ValidationException', 'clientToken is required');
  }
  return send(call, options);
};
