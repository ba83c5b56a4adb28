// The Cloud Map RegisterInstance scenario families, each its own property.
import type { Family } from '../family.ts';
import type { CloudMapPrepared } from '../types.ts';
import { concurrentFamily } from './concurrent.ts';
import { mismatchFamily } from './mismatch.ts';
import { noTokenFamily } from './noToken.ts';
import { replayFamily } from './replay.ts';
import { reregisterFamily } from './reregister.ts';

export { checkPrepared } from './calls.ts';

// `any`: each family has its own value type; runFamily keeps them apart.
export const CLOUD_MAP_FAMILIES: readonly Family<CloudMapPrepared, any>[] = [
  replayFamily, mismatchFamily, concurrentFamily, reregisterFamily, noTokenFamily,
];
