// The emulator without a socket: state for both services, the route tables, the validator and the
// pipeline, wired once. `startEmulator` (index.ts) puts it behind node:http.
import { loadServiceModel } from '../model/load.ts';
import type { ServiceModel } from '../contract/model.ts';
import { systemClock, type Clock } from './clock.ts';
import { createIds } from './ids.ts';
import { api, createPipeline, type Handle, type Validator } from './pipeline.ts';
import { statusTable, type JsonProtocol, type StatusSource } from './respond.ts';
import { cloudMapRoutes } from './routes/cloudmap.ts';
import { emulatorRoutes, type EmulatorControl } from './routes/emulator.ts';
import { protonRoutes } from './routes/proton.ts';
import { cloudMapListRoutes, protonListRoutes } from './routes/listing.ts';
import { CloudMapState } from './state/cloudmap.ts';
import { ProtonState } from './state/proton.ts';
import type { StateOptions } from './types.ts';
import { referenceValidator } from './validate.ts';

export interface EmulatorOptions {
  /** How long Cloud Map operations and Proton deployments take to complete (default 10 ms). */
  operationDelayMs?: number;
  clock?: Clock;
  /** Seed of the id generator: the same seed and calls give the same ids (default 0). */
  seed?: string | number;
  /** Error statuses from the model's httpError (default) or the API reference pages (400 for client errors). */
  statusSource?: StatusSource;
  region?: string;
  accountId?: string;
  /** Cloud Map instances per service (default 1,000, the documented quota). */
  instanceLimit?: number;
  /** Replaces the reference validator (tests). */
  validator?: Validator;
  /** Directory of the normalized models (default: the project's models/). */
  modelsDir?: string;
}

export interface Emulator {
  handle: Handle;
  /** Forgets every resource and restarts the id sequence from the seed. */
  reset(): void;
  readonly cloudMap: CloudMapState;
  readonly proton: ProtonState;
}

export const DEFAULT_OPERATION_DELAY_MS = 10;
/** The X-Amz-Target prefix of the emulator's own extension operations (routes/emulator.ts). */
export const EMULATOR_TARGET_PREFIX = 'ContractFuzzEmulator';

const protocolOf = (m: ServiceModel, messageKey: JsonProtocol['messageKey']): JsonProtocol => ({
  contentType: m.protocol === 'awsJson1_0' ? 'application/x-amz-json-1.0' : 'application/x-amz-json-1.1',
  messageKey,
});

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const seed = options.seed ?? 0;
  const statusSource = options.statusSource ?? 'model';
  const cloudMapModel = loadServiceModel('servicediscovery', options.modelsDir);
  const protonModel = loadServiceModel('proton', options.modelsDir);
  const validate = options.validator ?? referenceValidator({ servicediscovery: cloudMapModel, proton: protonModel });

  const fresh = () => {
    const o: StateOptions = {
      clock: options.clock ?? systemClock,
      ids: createIds(seed),
      operationDelayMs: options.operationDelayMs ?? DEFAULT_OPERATION_DELAY_MS,
      region: options.region ?? 'us-east-1',
      accountId: options.accountId ?? '123456789012',
    };
    return { cloudMap: new CloudMapState({ ...o, instanceLimit: options.instanceLimit }), proton: new ProtonState(o) };
  };
  let state = fresh();
  const control: EmulatorControl = {
    get cloudMap() { return state.cloudMap; },
    get proton() { return state.proton; },
    reset: () => { state = fresh(); },
  };

  const handle = createPipeline([
    api({
      service: 'servicediscovery', prefix: cloudMapModel.targetPrefix, protocol: protocolOf(cloudMapModel, 'Message'), validated: true,
      statusOf: statusTable(cloudMapModel, statusSource), routes: { ...cloudMapRoutes, ...cloudMapListRoutes }, state: () => state.cloudMap,
    }),
    api({
      service: 'proton', prefix: protonModel.targetPrefix, protocol: protocolOf(protonModel, 'message'), validated: true,
      statusOf: statusTable(protonModel, statusSource), routes: { ...protonRoutes, ...protonListRoutes }, state: () => state.proton,
    }),
    api({
      service: 'emulator', prefix: EMULATOR_TARGET_PREFIX, protocol: { contentType: 'application/x-amz-json-1.1', messageKey: 'message' }, validated: false,
      statusOf: statusTable(undefined, statusSource), routes: emulatorRoutes, state: () => control,
    }),
  ], validate);

  return {
    handle,
    reset: control.reset,
    get cloudMap() { return state.cloudMap; },
    get proton() { return state.proton; },
  };
}
