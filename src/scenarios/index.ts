// Model-based idempotency and state scenarios (fast-check commands and scheduler) against any Target.
export { runScenarios, DEFAULT_MAX_RUNS_PER_FAMILY, FAMILY_REQUEST_BUDGET } from './run.ts';
export { SCENARIOS, scenarioOf, scenariosOf } from './catalogue.ts';
export type { Scenario } from './catalogue.ts';
export { defaultPrefix } from './ids.ts';
export type {
  CloudMapPrepared, ModelPrepared, PollOptions, Prepared, ProtonPrepared, ScenarioFinding, ScenarioOptions, Step, StepOutcome,
} from './types.ts';
