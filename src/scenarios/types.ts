// The public shapes of the idempotency and state scenarios: what they take, what a finding carries.
import type { ListingGuard } from '../listingGuard.ts';
import type { Discrepancy } from '../contract/discrepancy.ts';
import type { CloudMapPrepared } from '../profiles/servicediscovery/registerScenarios.ts';
import type { ProtonPrepared } from '../profiles/proton/createScenarios.ts';
import type { ModelPrepared } from '../profiles/scenario.ts';
import type { Call } from '../contract/call.ts';
import type { Profile } from '../profiles/index.ts';
import type { Target } from '../targets/target.ts';

/** What a step's response said, as reports show it. */
export interface StepOutcome {
  status: number;
  code?: string;
  message?: string;
}

/** One request of a scenario run and what came back. Polling shows as its last poll only. */
export interface Step {
  call: Call;
  outcome: StepOutcome;
}

/** A scenario that failed: the Discrepancy (constraint = scenario id) and the minimal run that shows it. */
export interface ScenarioFinding extends Discrepancy {
  kind: 'idempotency' | 'state';
  /** The requests of the smallest failing command sequence fast-check shrank to, in the order sent. */
  steps: Step[];
  seed: number;
  /** fast-check counterexample path of the scenario family's property: `{seed, path}` replays the same commands. */
  path: string;
}

export type { CloudMapPrepared } from '../profiles/servicediscovery/registerScenarios.ts';
export type { ProtonPrepared } from '../profiles/proton/createScenarios.ts';
export type { ModelPrepared } from '../profiles/scenario.ts';

/** What an operation's scenarios create in: its profile's shape (`scenarios.fits`). */
export type Prepared = CloudMapPrepared | ProtonPrepared | ModelPrepared;

export interface PollOptions {
  /** First wait before polling GetOperation, growing ×1.5 up to 250 ms. Default 10 ms. */
  intervalMs?: number;
  /** Give up (a `state:operation-completes` finding) after this long. Default 5 000 ms. */
  timeoutMs?: number;
}

export interface ScenarioOptions {
  operation: string;
  /** The operation's profile, when not the one src/profiles/ holds for it (a profile written elsewhere). */
  profile?: Profile;
  target: Target;
  /** What the scenarios create in, of the shape its profile's `scenarios.fits` accepts (`Prepared` for the committed
   * profiles; a caller-supplied profile names its own); another shape is CF_ERR_USAGE. */
  prepared: unknown;
  /** fast-check seed: the same seed gives the same command sequences and the same ids. */
  seed: number;
  /** fast-check runs per scenario family, capped at `maxRunsPerFamily`. */
  runs: number;
  signal?: AbortSignal;
  /** Prefix of every InstanceId, name and token the scenarios create. Default: `cf` + a hash of seed, operation and
   * service — or, when the target already holds that prefix's first resource (the same seed run before against a
   * target that keeps state), one of a few deterministic variants of it (one Get request per probe). */
  idPrefix?: string;
  poll?: PollOptions;
  /** Default 5: each run is a live command sequence against the target. */
  maxRunsPerFamily?: number;
  /** Called once per request sent (for the runner's request count). */
  onRequest?(): void;
  /** Run filters: a family runs when it checks a kept scenario id; findings on other ids are dropped. */
  keep?: (id: string) => boolean;
  /** Scenario runs in flight at once (default 1: one after another). Families and runs create disjoint ids, so
   * they are independent; a slow target then costs about the longest family, not the sum of all. */
  concurrency?: number;
  /** Keeps the run's population upkeep from removing instances while a listing is walked page by page. */
  listing?: ListingGuard;
  /** The concurrent runs go eagerly (src/scenarios/family.ts RunContext.eager): a target whose timing is free. */
  eager?: boolean;
}
