// Generators: valid and invalid cases per operation and context, per-id targets, coverage contexts, and
// the deterministic case stream a run consumes.
export type { Case } from '../contract/case.ts';
export { valid, UNKNOWN_MEMBER } from './valid.ts';
export { invalid, type InvalidOptions } from './invalid.ts';
export { sequenceTargets, targets, type SequenceCases, type Target } from './targets.ts';
export { coverageContexts, type NamedContext } from './contexts.ts';
export { plan, planned, caseId, caseSeed, generateCase, type Plan, type PlanItem, type PlanOptions } from './plan.ts';
export { inShard, scenarioShard, type Shard } from './shard.ts';
export { GENERATED_OPERATIONS } from './registry.ts';
export { classString, ClassStringArbitrary, type ClassStringSpec } from './strings/classString.ts';
