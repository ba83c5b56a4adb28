// The JUnit plans of the hand-written operations are read through their profiles (src/profiles/: `junit`).
export { perCase } from './common.ts';
export type { OperationPlan, Property } from './types.ts';
