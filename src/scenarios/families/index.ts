// The generic scenario families by name (src/profiles/scenario.ts FamilyName): a profile lists the ones that
// apply to its operation, in run order.
import type { FamilyName } from '../../profiles/scenario.ts';
import type { Env, Family } from '../family.ts';
import { againFamily } from './again.ts';
import { concurrentFamily } from './concurrent.ts';
import { mismatchFamily } from './mismatch.ts';
import { noTokenFamily } from './noToken.ts';
import { readAfterWriteFamily } from './readAfterWrite.ts';
import { replayFamily } from './replay.ts';
import { replayAnswerFamily } from './replayAnswer.ts';

type Of = Pick<Env<unknown>, 'profile' | 'subject'>;

// `any`: each family has its own value type; runFamily keeps them apart.
const FAMILIES: Record<FamilyName, (o: Of) => Family<unknown, any>> = { // eslint-disable-line @typescript-eslint/no-explicit-any
  replay: () => replayFamily,
  mismatch: () => mismatchFamily,
  noToken: noTokenFamily,
  again: againFamily,
  readAfterWrite: () => readAfterWriteFamily,
  concurrent: () => concurrentFamily,
  replayAnswer: () => replayAnswerFamily,
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const familiesOf = (o: Of): readonly Family<unknown, any>[] => o.subject.families.map((name) => FAMILIES[name](o));
