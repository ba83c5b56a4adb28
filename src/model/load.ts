// Loads the project's normalized models (models/<service>/model.json). Read once per process, cached.
import { join } from 'node:path';
import { HarnessError, isHarnessError } from '../errors.ts';
import { PACKAGE_ROOT } from '../packageRoot.ts';
import { readRegularFile } from '../schemas/read.ts';
import { checkModel } from './check.ts';
import type { OperationModel, ServiceModel } from '../contract/model.ts';

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
}

/** Finds an operation by name across the project's models; unknown names are a usage error. */
export function findOperation(name: string, dir: string = DEFAULT_MODELS_DIR): OperationRef {
  for (const s of SERVICES) {
    const service = loadServiceModel(s, dir);
    const operation = Object.hasOwn(service.operations, name) ? service.operations[name] : undefined;
    if (operation) return { service, operation };
  }
  throw new HarnessError('CF_ERR_UNKNOWN_OPERATION', `unknown operation '${name}' (known: ${SERVICES.flatMap((s) => Object.keys(loadServiceModel(s, dir).operations)).join(', ')})`);
}

export const isFuzzedOperation = (name: string): name is FuzzedOperation => Object.hasOwn(FUZZED_OPERATIONS, name);

/** The service a fuzzed operation belongs to (Cloud Map for anything else the harness calls by name). */
export const serviceOf = (operation: string): ServiceName => (isFuzzedOperation(operation) ? FUZZED_OPERATIONS[operation] : 'servicediscovery');
