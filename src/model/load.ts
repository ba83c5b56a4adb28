// Loads the project's normalized models (models/<service>/model.json). Read once per process, cached.
import { join } from 'node:path';
import { HarnessError, isHarnessError } from '../errors.ts';
import { PACKAGE_ROOT } from '../packageRoot.ts';
import { readRegularFile } from '../schemas/read.ts';
import { checkModel } from './check.ts';
import type { OperationModel, ServiceModel } from '../contract/model.ts';
import { operationKey, splitOperationKey, type OperationKey } from '../contract/operation.ts';

export const SERVICES = ['servicediscovery', 'proton'] as const;
export type ServiceName = (typeof SERVICES)[number];

/** The two operations this tool fuzzes, and the service each belongs to. */
export const FUZZED_OPERATIONS = {
  RegisterInstance: 'servicediscovery',
  CreateServiceInstance: 'proton',
} as const satisfies Record<string, ServiceName>;
export type FuzzedOperation = keyof typeof FUZZED_OPERATIONS;

export const DEFAULT_MODELS_DIR = join(PACKAGE_ROOT, 'models');

const cache = new Map<string, ServiceModel>();
/** Models given on the command line (`--model FILE`), by service: they join (or stand in for) the committed ones. */
const given = new Map<string, ServiceModel>();

/** Makes `model` known to every lookup of this process (`--model FILE`); one of a committed service replaces it. */
export function useModel(model: ServiceModel): void {
  given.set(model.service, model);
  answered.clear(); // a given model may stand in for a committed one: earlier answers may be stale
}

/** The models given with --model, in the order given. */
export const givenModels = (): ServiceModel[] => [...given.values()];

/** The services operations are looked up in: the committed ones, then those given with --model. */
export const knownServices = (): string[] => [...new Set([...SERVICES, ...given.keys()])];

export function loadServiceModel(service: string, dir: string = DEFAULT_MODELS_DIR): ServiceModel {
  const mine = dir === DEFAULT_MODELS_DIR ? given.get(service) : undefined;
  if (mine) return mine;
  const file = join(dir, service, 'model.json');
  const hit = cache.get(file);
  if (hit) return hit;
  let doc: unknown;
  try {
    doc = JSON.parse(readRegularFile(file, 'model', 'CF_ERR_MODEL_LOAD'));
  } catch (e) {
    throw isHarnessError(e) ? e : new HarnessError('CF_ERR_MODEL_LOAD', `cannot load model ${file}: ${(e as Error).message.split('\n')[0]}`);
  }
  if (!doc || typeof doc !== 'object' || !('operations' in doc) || !('shapes' in doc)) {
    throw new HarnessError('CF_ERR_MODEL_FORMAT', `${file} is not a normalized contract-fuzz model (run 'contract-fuzz models import')`);
  }
  const model = checkModel(doc, file);
  cache.set(file, model);
  return model;
}

export interface OperationRef {
  service: ServiceModel;
  operation: OperationModel;
  /** The operation's own name in its model ("CreateService"). */
  name: string;
  /** `service#Operation`: what every lookup keys on. */
  key: OperationKey;
}

const refIn = (service: ServiceModel, name: string): OperationRef | undefined =>
  Object.hasOwn(service.operations, name) ? { service, operation: service.operations[name]!, name, key: operationKey(service.service, name) } : undefined;

/**
 * Finds `service#Operation`, or a bare name that exactly one of the project's models defines. An unknown name,
 * and a bare name two services share (CreateService), is a usage error naming the candidates: never a guess.
 */
export function findOperation(name: string, dir: string = DEFAULT_MODELS_DIR): OperationRef {
  const memo = `${dir}\u0000${name}`;
  const hit = answered.get(memo);
  if (hit) return hit;
  const ref = lookUp(name, dir);
  answered.set(memo, ref);
  return ref;
}

// What findOperation answered, per (models folder, name): the checks ask for every case (the output validator),
// and the lookup itself (known services, the model file's path, a fresh ref) cost microseconds each time.
// Models are cached for the process too (loadServiceModel), so an answer only changes when useModel adds one.
const answered = new Map<string, OperationRef>();

function lookUp(name: string, dir: string): OperationRef {
  const services = knownServices();
  const keyed = splitOperationKey(name);
  if (keyed) {
    const ref = services.includes(keyed.service) ? refIn(loadServiceModel(keyed.service, dir), keyed.operation) : undefined;
    if (ref) return ref;
    throw new HarnessError('CF_ERR_UNKNOWN_OPERATION', `unknown operation '${name}' (services: ${services.join(', ')}${given.size ? '' : '; another service\'s model: --model FILE'})`);
  }
  const found = services.flatMap((s) => refIn(loadServiceModel(s, dir), name) ?? []);
  if (found.length === 1) return found[0]!;
  if (found.length > 1) throw new HarnessError('CF_ERR_UNKNOWN_OPERATION', `operation '${name}' is ambiguous: name one of ${found.map((f) => f.key).join(', ')}`);
  throw new HarnessError('CF_ERR_UNKNOWN_OPERATION', `unknown operation '${name}' (known: ${services.flatMap((s) => Object.keys(loadServiceModel(s, dir).operations)).join(', ')})`);
}

/** `service#*`: every operation of that service's model, as `service#Operation` keys in name order. */
export function operationsOfService(pattern: string, dir: string = DEFAULT_MODELS_DIR): OperationKey[] {
  const service = pattern.slice(0, -2);
  if (!knownServices().includes(service)) {
    throw new HarnessError('CF_ERR_UNKNOWN_OPERATION', `unknown service '${service}' in '${pattern}' (services: ${knownServices().join(', ')})`);
  }
  return Object.keys(loadServiceModel(service, dir).operations).sort().map((op) => operationKey(service, op));
}

export const isFuzzedOperation = (name: string): name is FuzzedOperation => Object.hasOwn(FUZZED_OPERATIONS, name);

/**
 * The fuzzed operation `--operation` names, as `service#Operation` or a bare name where only one model defines it;
 * answers the bare name reports show. Ambiguous, unknown or not fuzzed: one line (CF_ERR_UNKNOWN_OPERATION, exit 2).
 */
export function fuzzedOperation(name: string, dir: string = DEFAULT_MODELS_DIR): FuzzedOperation {
  const fuzzed = Object.entries(FUZZED_OPERATIONS).map(([op, service]) => operationKey(service, op));
  const ref = findOperation(name, dir); // unknown or ambiguous: its own one line
  if (!fuzzed.includes(ref.key)) throw new HarnessError('CF_ERR_UNKNOWN_OPERATION', `operation '${ref.key}' is not fuzzed (use ${fuzzed.join(', ')}, their bare names, or all)`);
  return ref.name as FuzzedOperation;
}

/** The service an operation belongs to: a fuzzed operation's, else the one model that defines it; an unknown or
 * ambiguous name is a coded error (CF_ERR_UNKNOWN_OPERATION), never a guess. */
export const serviceOf = (operation: string): ServiceName =>
  (isFuzzedOperation(operation) ? FUZZED_OPERATIONS[operation] : (findOperation(operation).service.service as ServiceName));

/** The `service#Operation` key of an operation named keyed or by an unambiguous bare name (what per-operation tables key on). */
export const keyOf = (operation: string, dir: string = DEFAULT_MODELS_DIR): OperationKey => findOperation(operation, dir).key;
