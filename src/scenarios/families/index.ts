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

/** A family of any value type (`any`: each family has its own; runFamily keeps them apart). */
export type AnyFamily = Family<unknown, any>;

const FAMILIES: Record<FamilyName, (o: Of) => AnyFamily> = {
  replay: () => replayFamily,
  mismatch: () => mismatchFamily,
  noToken: noTokenFamily,
  again: againFamily,
  readAfterWrite: () => readAfterWriteFamily,
  concurrent: () => concurrentFamily,
  replayAnswer: () => replayAnswerFamily,
};

export const familiesOf = (o: Of): readonly AnyFamily[] => o.subject.families.map((name) => FAMILIES[name](o));
