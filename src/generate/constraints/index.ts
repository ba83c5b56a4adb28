// Every model constraint of an operation's input as a target: one factory per constraint kind, applied to
// every site the model walk finds. The ids follow src/contract/constraint.ts (`<path>#<kind>`).
import type { ServiceModel } from '../../contract/model.ts';
import type { Site } from '../model/sites.ts';
import { enumTarget } from './enum.ts';
import { lengthTarget } from './length.ts';
import type { ModelTarget } from './mutation.ts';
import { patternTarget } from './pattern.ts';
import { rangeTarget } from './range.ts';
import { requiredTarget } from './required.ts';
import { sizeTarget } from './size.ts';
import { typeTarget } from './type.ts';

export type { ModelTarget, Mutation } from './mutation.ts';

export function modelTargets(model: ServiceModel, sites: readonly Site[]): ModelTarget[] {
  const out: ModelTarget[] = [];
  for (const site of sites) {
    for (const t of [requiredTarget(site), typeTarget(site), lengthTarget(site), patternTarget(site), enumTarget(site), rangeTarget(site), sizeTarget(model, site)]) {
      if (t) out.push(t);
    }
  }
  return out;
}
