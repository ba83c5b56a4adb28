// The hand-written profiles: one file per operation under src/profiles/<service>/<Operation>.ts, listed here.
import type { Profile } from './profile.ts';
import { createServiceInstance } from './proton/CreateServiceInstance.ts';
import { deregisterInstance } from './servicediscovery/DeregisterInstance.ts';
import { registerInstance } from './servicediscovery/RegisterInstance.ts';

export const HAND_WRITTEN: readonly Profile[] = [registerInstance, deregisterInstance, createServiceInstance];
