// The emulator without a socket: state for both services, the route tables, the validator and the
// pipeline, wired once. `startEmulator` (index.ts) puts it behind node:http.
import { givenModels, loadServiceModel, SERVICES } from '../model/load.ts';
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
import { mockRoutes } from './mock.ts';

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
  /** Models of other services, served by the stateless mock (default: those given with --model, src/model/load.ts). */
  models?: readonly ServiceModel[];
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

/** The message member most of the model's error shapes name (AWS JSON services mostly say `message`). */
function messageKeyOf(m: ServiceModel): JsonProtocol['messageKey'] {
  let upper = 0;
  let lower = 0;
  for (const s of Object.values(m.shapes)) {
    if (s.type !== 'structure' || !s.error) continue;
    if (Object.hasOwn(s.members, 'Message')) upper++;
    else if (Object.hasOwn(s.members, 'message')) lower++;
  }
  return upper > lower ? 'Message' : 'message';
}

export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const seed = options.seed ?? 0;
  const statusSource = options.statusSource ?? 'model';
  const cloudMapModel = loadServiceModel('servicediscovery', options.modelsDir);
  const protonModel = loadServiceModel('proton', options.modelsDir);
  // Another service's model (--model) has no hand-written behaviour: every operation is the mock's (mock.ts).
  const others = (options.models ?? givenModels()).filter((m) => !(SERVICES as readonly string[]).includes(m.service));
  const validate = options.validator ?? referenceValidator({ servicediscovery: cloudMapModel, proton: protonModel }, options.modelsDir, others);

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
      statusOf: statusTable(cloudMapModel, statusSource), routes: { ...mockRoutes(cloudMapModel), ...cloudMapRoutes, ...cloudMapListRoutes }, state: () => state.cloudMap,
    }),
    api({
      service: 'proton', prefix: protonModel.targetPrefix, protocol: protocolOf(protonModel, 'message'), validated: true,
      statusOf: statusTable(protonModel, statusSource), routes: { ...mockRoutes(protonModel), ...protonRoutes, ...protonListRoutes }, state: () => state.proton,
    }),
    ...others.map((m) => api({
      service: m.service, prefix: m.targetPrefix, protocol: protocolOf(m, messageKeyOf(m)), validated: true,
      statusOf: statusTable(m, statusSource), routes: mockRoutes(m), state: () => undefined,
    })),
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
