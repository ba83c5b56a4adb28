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

export function loadServiceModel(service: string, dir: string = DEFAULT_MODELS_DIR): ServiceModel {
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
  const keyed = splitOperationKey(name);
  if (keyed) {
    const ref = (SERVICES as readonly string[]).includes(keyed.service) ? refIn(loadServiceModel(keyed.service, dir), keyed.operation) : undefined;
    if (ref) return ref;
    throw new HarnessError('CF_ERR_UNKNOWN_OPERATION', `unknown operation '${name}' (services: ${SERVICES.join(', ')})`);
  }
  const found = SERVICES.flatMap((s) => refIn(loadServiceModel(s, dir), name) ?? []);
  if (found.length === 1) return found[0]!;
  if (found.length > 1) throw new HarnessError('CF_ERR_UNKNOWN_OPERATION', `operation '${name}' is ambiguous: name one of ${found.map((f) => f.key).join(', ')}`);
  throw new HarnessError('CF_ERR_UNKNOWN_OPERATION', `unknown operation '${name}' (known: ${SERVICES.flatMap((s) => Object.keys(loadServiceModel(s, dir).operations)).join(', ')})`);
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
