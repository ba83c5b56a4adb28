// The Proton CreateServiceInstance scenario families, each its own property.
import type { Family } from '../family.ts';
import type { ProtonPrepared } from '../types.ts';
import { mismatchFamily } from './mismatch.ts';
import { nameConflictFamily } from './nameConflict.ts';
import { noTokenFamily } from './noToken.ts';
import { readAfterWriteFamily } from './readAfterWrite.ts';
import { replayFamily } from './replay.ts';

export { checkPrepared } from './calls.ts';

// `any`: each family has its own value type; runFamily keeps them apart.
export const PROTON_FAMILIES: readonly Family<ProtonPrepared, any>[] = [
  replayFamily, mismatchFamily, nameConflictFamily, noTokenFamily, readAfterWriteFamily,
];
