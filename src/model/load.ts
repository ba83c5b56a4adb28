// Loads the project's normalized models (models/<service>/model.json). Read once per process, cached.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HarnessError } from '../errors.ts';
import { PACKAGE_ROOT } from '../packageRoot.ts';
import type { OperationModel, ServiceModel } from './types.ts';

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
  let model: ServiceModel;
  try {
    model = JSON.parse(readFileSync(file, 'utf8')) as ServiceModel;
  } catch (e) {
    throw new HarnessError('CF_ERR_MODEL_LOAD', `cannot load model ${file}: ${(e as Error).message}`);
  }
  if (!model || typeof model !== 'object' || !model.operations || !model.shapes) {
    throw new HarnessError('CF_ERR_MODEL_FORMAT', `${file} is not a normalized contract-fuzz model (run 'contract-fuzz models import')`);
  }
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
    const operation = service.operations[name];
    if (operation) return { service, operation };
  }
  throw new HarnessError('CF_ERR_UNKNOWN_OPERATION', `unknown operation '${name}' (known: ${SERVICES.flatMap((s) => Object.keys(loadServiceModel(s, dir).operations)).join(', ')})`);
}

export const isFuzzedOperation = (name: string): name is FuzzedOperation => name in FUZZED_OPERATIONS;

/** The service a fuzzed operation belongs to (Cloud Map for anything else the harness calls by name). */
export const serviceOf = (operation: string): ServiceName => (isFuzzedOperation(operation) ? FUZZED_OPERATIONS[operation] : 'servicediscovery');
