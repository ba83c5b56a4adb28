// The reference validator: payload + context → Expected, in the order AWS checks a request.
//   1. the body must be a JSON object (protocol:body-not-object);
//   2. model validation (JSON Schema from the model, compiled once): every violation is collected into one
//      error, InvalidInput (Cloud Map) / ValidationException (Proton), AWS-style message; wrong JSON types
//      are deserialization failures: then only they are reported, codes [SerializationException, <validation>];
//   3. documented rules that need only the payload (all collected; the message is the first one's);
//   4. existence of the referenced service (state:service-not-found) when the context describes it;
//   5. documented rules that depend on the service's configuration.
// Choices where AWS is silent (confidence `inferred`):
// - `null` member values count as absent (awsJson); a null required member is "must not be null".
// - Unknown members are ignored, as AWS JSON services do: the payload stays valid, but the success carries
//   confidence `inferred`, since neither model nor reference page says so.
// Hot path: one compiled ajv call and a few loops over the attributes; a valid payload returns a shared
// frozen success value (no allocation).
import { HarnessError } from '../errors.ts';
import { NOT_FOUND_CODE, VALIDATION_CODE } from '../rules/statuses.ts';
import { BODY_NOT_OBJECT, MALFORMED_JSON, UNKNOWN_OPERATION, resolveCodes, type ProtocolExpectation } from '../rules/protocol.ts';
import type { Rule } from '../rules/index.ts';
import { rulesFor, statusesFor } from '../profiles/index.ts';
import { DEFAULT_MODELS_DIR, findOperation, type OperationRef } from '../model/load.ts';
import type { ServiceModel } from '../contract/model.ts';
import { operationKey, type OperationKey } from '../contract/operation.ts';
import { compileFor, type CompiledSchema } from '../schema/validators.ts';
import type { Confidence, Expected, ExpectedError, ExpectedSuccess, Violation } from '../contract/expected.ts';
import type { OracleContext } from '../contract/context.ts';
import { serializationMessage, validationMessage } from './messages.ts';
import { stateOf, type StateExpectation } from './state.ts';
import { mapErrors } from './violations.ts';

export const SERIALIZATION_CODE = 'SerializationException';
export const SERVICE_NOT_FOUND = 'state:service-not-found';
export type ProtocolId = 'protocol:malformed-json' | 'protocol:unknown-operation' | 'protocol:body-not-object';

const PROTOCOL: Record<ProtocolId, ProtocolExpectation> = {
  'protocol:malformed-json': MALFORMED_JSON,
  'protocol:unknown-operation': UNKNOWN_OPERATION,
  'protocol:body-not-object': BODY_NOT_OBJECT,
};

/** ServiceId may be the service ID or its ARN (`arn:…:service/<id>`), on either side. */
export const sameCloudMapService = (given: string, known: string): boolean =>
  given === known || given.endsWith(`:service/${known}`) || known.endsWith(`:service/${given}`);

/**
 * Does the service the payload names exist, per the context? undefined: the context does not describe
 * it (existence is not evaluated). Cloud Map: ctx.cloudMap.service non-null and ServiceId naming
 * ctx.cloudMap.serviceId (ID or ARN); Proton: ctx.proton.serviceExists and serviceName equal to it.
 */
const EXISTS: Readonly<Record<string, (p: Readonly<Record<string, unknown>>, ctx: OracleContext) => boolean | undefined>> = {
  servicediscovery: (p, ctx) => {
    const c = ctx.cloudMap;
    return c ? c.service !== null && sameCloudMapService(p.ServiceId as string, c.serviceId) : undefined;
  },
  proton: (p, ctx) => {
    const c = ctx.proton;
    return c ? c.serviceExists && p.serviceName === c.serviceName : undefined;
  },
};

export interface OperationOracle {
  /** The operation's name in its model (what reports show). */
  readonly operation: string;
  /** `service#Operation`: what the per-operation tables are keyed by. */
  readonly key: OperationKey;
  readonly service: ServiceModel;
  readonly validationCode: string;
  readonly notFoundCode: string;
  readonly input: CompiledSchema;
  expect(payload: unknown, context?: OracleContext): Expected;
  /** Both documented statuses of a code (model httpError, API reference page), deduplicated. */
  statuses(code: string): number[];
  /** The error a state expectation produces for this payload. */
  stateError(state: StateExpectation, payload: Readonly<Record<string, unknown>>): ExpectedError;
}

const EMPTY_CONTEXT: OracleContext = Object.freeze({});
const freezeSuccess = (source: string, confidence: Confidence): ExpectedSuccess => Object.freeze({ outcome: 'success', source, confidence });

function buildOracle({ name: operation, key, service }: OperationRef, modelOnly = false): OperationOracle {
  const input = compileFor(service, operation, 'input');
  const validate = input.validate;
  const sites = input.sites;
  const validationCode = VALIDATION_CODE[service.service] ?? 'ValidationException';
  const notFoundCode = NOT_FOUND_CODE[service.service] ?? 'ResourceNotFoundException';
  const rules = modelOnly ? [] : rulesFor(key);
  const independent: readonly Rule[] = rules.filter((r) => !r.needs);
  const dependent: readonly Rule[] = rules.filter((r) => r.needs);
  const exists = modelOnly ? undefined : EXISTS[service.service];
  const notFound = modelOnly ? undefined : stateOf(key, SERVICE_NOT_FOUND);
  const base = `model ${service.service} ${operation} (${service.provenance.format} ${service.provenance.file})`;
  const success = freezeSuccess(rules.length ? `${base} + documented rules` : base, 'documented');
  const successUnknownMembers = freezeSuccess(`${base}; unknown members ignored (AWS JSON convention)`, 'inferred');

  const statusCache = new Map<string, number[]>();
  const statuses = (code: string): number[] => {
    let s = statusCache.get(code);
    if (!s) {
      const shape = service.shapes[code];
      const modelStatus = shape?.type === 'structure' ? shape.error?.httpStatus : undefined;
      s = statusesFor(service.service, code, modelStatus);
      statusCache.set(code, s);
    }
    return s.slice();
  };
  const statusesOf = (codes: readonly string[]): number[] => {
    if (codes.length === 1) return statuses(codes[0]!);
    const all = new Set<number>();
    for (const c of codes) for (const s of statuses(c)) all.add(s);
    return [...all].sort((a, b) => a - b);
  };

  const error = (codes: string[], violations: Violation[], message: string): ExpectedError => {
    const sources = [...new Set(violations.map((v) => v.source))];
    return {
      outcome: 'error',
      codes,
      statuses: statusesOf(codes),
      violations,
      message,
      source: sources.join('; '),
      confidence: violations.every((v) => v.confidence === 'documented') ? 'documented' : 'inferred',
    };
  };

  const ruleError = (found: Violation[]): ExpectedError => error([...new Set(found.map((v) => v.code))], found, found[0]!.message);

  const runRules = (list: readonly Rule[], payload: Readonly<Record<string, unknown>>, ctx: OracleContext): Violation[] | undefined => {
    let found: Violation[] | undefined;
    for (const r of list) {
      const v = r.check(payload, ctx);
      if (v) (found ??= []).push({ constraint: r.id, path: v.path, message: v.message, code: r.code, source: r.source, confidence: r.confidence });
    }
    return found;
  };

  const stateError = (st: StateExpectation, p: Readonly<Record<string, unknown>>): ExpectedError => {
    const message = st.message(p);
    return error([st.code], [{ constraint: st.id, path: st.path, message, code: st.code, source: st.source, confidence: st.confidence }], message);
  };

  function expect(payload: unknown, context: OracleContext = EMPTY_CONTEXT): Expected {
    if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
      return protocolError(PROTOCOL['protocol:body-not-object'], validationCode, statusesOf);
    }
    let unknownMembers = false;
    if (!validate(payload)) {
      const m = mapErrors(validate.errors!, sites, payload, validationCode, SERIALIZATION_CODE, input.locate);
      unknownMembers = m.unknownMembers;
      if (m.mapped.length > 0) {
        const typed = m.mapped.filter((x) => x.site.kind === 'type');
        if (typed.length > 0) {
          // Deserialization fails before validation: only the type mismatches are reported.
          const first = typed[0]!;
          return error([SERIALIZATION_CODE, validationCode], typed.map((x) => x.violation), serializationMessage(first.value, first.site.shapeType));
        }
        const fragments = [...new Set(m.mapped.map((x) => x.violation.message))];
        return error([validationCode], m.mapped.map((x) => x.violation), validationMessage(fragments));
      }
    }
    const p = payload as Readonly<Record<string, unknown>>;
    const broken = runRules(independent, p, context);
    if (broken) return ruleError(broken);
    if (exists && notFound && exists(p, context) === false) return stateError(notFound, p);
    const brokenDependent = runRules(dependent, p, context);
    if (brokenDependent) return ruleError(brokenDependent);
    return unknownMembers ? successUnknownMembers : success;
  }

  return { operation, key, service, validationCode, notFoundCode, input, expect, statuses, stateError };
}

function protocolError(e: ProtocolExpectation, validationCode: string, statusesOf: (codes: readonly string[]) => number[]): ExpectedError {
  const codes = resolveCodes(e.codes, validationCode);
  return {
    outcome: 'error',
    codes,
    statuses: statusesOf(codes),
    violations: [{ constraint: e.id, path: '', message: e.message, code: codes[0]!, source: e.source, confidence: e.confidence }],
    message: e.message,
    source: e.source,
    confidence: e.confidence,
  };
}

const oracles = new Map<string, OperationOracle>();

/**
 * The compiled oracle of an operation, named `service#Operation` or by a bare name only one model defines
 * (built once per operation and models directory). An ambiguous bare name (CreateService) is a coded error.
 */
export function oracleFor(operation: string, dir: string = DEFAULT_MODELS_DIR): OperationOracle {
  const asked = `${dir}|${operation}`;
  let o = oracles.get(asked);
  if (!o) {
    const ref = findOperation(operation, dir);
    const resolved = `${dir}|${ref.key}`;
    o = oracles.get(resolved) ?? buildOracle(ref);
    oracles.set(resolved, o);
    oracles.set(asked, o);
  }
  return o;
}

/**
 * The oracle of any operation of an already loaded model, from its model constraints alone (no documented
 * rules, no service existence): what the generic path (any awsJson model) is judged by. Not cached here.
 */
export const modelOracle = (service: ServiceModel, operation: string): OperationOracle =>
  buildOracle({ name: operation, key: operationKey(service.service, operation), service, operation: service.operations[operation]! }, true);

// The default models directory's oracles by the name asked: `expect` runs once per case, without building oracleFor's key.
const defaultOracles = new Map<string, OperationOracle>();

/** What a target must answer to `payload` sent as `operation` in `context`. */
export function expect(operation: string, payload: unknown, context?: OracleContext): Expected {
  let o = defaultOracles.get(operation);
  if (o === undefined) defaultOracles.set(operation, (o = oracleFor(operation)));
  return o.expect(payload, context);
}

/** Expectation for a request that never reaches the operation's model (malformed JSON, unknown target, non-object body). */
export function expectProtocol(operation: string, id: ProtocolId): ExpectedError {
  const o = oracleFor(operation);
  const statusesOf = (codes: readonly string[]) => [...new Set(codes.flatMap((c) => o.statuses(c)))].sort((a, b) => a - b);
  return protocolError(PROTOCOL[id], o.validationCode, statusesOf);
}

/**
 * Expectation for a state the context cannot describe (state:duplicate-request, state:instance-limit,
 * state:name-conflict, or state:service-not-found), for the emulator and the state checks.
 */
export function expectState(operation: string, id: string, payload: Readonly<Record<string, unknown>> = {}): ExpectedError {
  const o = oracleFor(operation);
  const st = stateOf(o.key, id);
  if (!st) throw new HarnessError('CF_ERR_USAGE', `no state expectation '${id}' for ${operation}`);
  return o.stateError(st, payload);
}
