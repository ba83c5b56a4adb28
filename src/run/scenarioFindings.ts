// Idempotency and state scenarios inside a run: pick a prepared service per operation, run the scenario
// families, turn their findings into report findings (the request is the minimal step list).
import { HarnessError } from '../errors.ts';
import { profileOf } from '../profiles/index.ts';
import type { Finding } from '../report/types.ts';
import { findingId } from '../report/findingId.ts';
import { runScenarios, type ScenarioFinding } from '../scenarios/index.ts';
import type { Target } from '../targets/target.ts';
import type { Binding } from './binding.ts';
import { gates, type Gate, type Reproduce } from './findings.ts';
import { rememberingOutcomes, stepAnswers } from './stepAnswers.ts';
import type { NamedContext } from '../generate/index.ts';
import { defaultPrefix } from '../scenarios/ids.ts';
import { bindingPairs } from './binding.ts';
import { maskDeep } from './mask.ts';
import type { ListingGuard } from '../listingGuard.ts';

export interface ScenarioRun {
  operation: string;
  target: Target;
  binding: Binding;
  contexts: NamedContext[];
  seed: number;
  runs: number;
  signal?: AbortSignal;
  /** Run filters (src/run/filters.ts). */
  keep?: (id: string) => boolean;
  /** Scenario runs in flight at once (the run's --concurrency). */
  concurrency?: number;
  /** The population upkeep's guard of the target's listings (src/listingGuard.ts). */
  listing?: ListingGuard;
  /** Screening runs go eagerly (src/scenarios/types.ts): not against a recording or builtin. */
  eager?: boolean;
}

/** The world the scenarios run in: the profile says which context and what is prepared there (its placeholder
 * bound to what the target calls it, through the binding map the profile's resource reference names). */
function preparedFor(r: Pick<ScenarioRun, 'operation' | 'binding' | 'contexts'>) {
  const profile = profileOf(r.operation);
  if (!profile.scenarios) throw new HarnessError('CF_ERR_UNKNOWN_OPERATION', `no idempotency/state scenarios for operation '${r.operation}'`);
  const map = profile.reference ? r.binding[profile.reference.binding] : undefined;
  return profile.scenarios.prepare(r.contexts, (placeholder) => map?.get(placeholder) ?? placeholder);
}

/** Where the operation's scenarios create (the scope of its prepared world: a Cloud Map service id), if they run. */
export function scenarioScope(r: Pick<ScenarioRun, 'operation' | 'binding' | 'contexts'>): string | undefined {
  const subject = profileOf(r.operation).scenarios;
  const chosen = subject ? preparedFor(r) : undefined;
  return chosen && subject ? subject.scope(chosen.prepared) : undefined;
}

/** A scenario failure and the answers its steps showed (to list it under a root cause it is a consequence of). */
export type AnsweredScenarioFinding = ScenarioFinding & { answers: string[] };

export async function scenarioFindings(r: ScenarioRun): Promise<AnsweredScenarioFinding[]> {
  const chosen = preparedFor(r);
  if (!chosen) return [];
  const { prepared, placeholder } = chosen;
  // Ids from the seed and the placeholder (not the target's id for it), with the run nonce in them: fresh on
  // a target that keeps an earlier run's instances and tokens, and the seed's ids again in what is written.
  const plain = defaultPrefix(r.seed, `${r.operation}/${placeholder}`);
  const idPrefix = r.binding.nonce ? r.binding.nonce.apply(plain) : undefined;
  const { target, outcomeOf } = rememberingOutcomes(r.target);
  const found = await runScenarios({
    operation: r.operation, target, prepared, seed: r.seed, runs: r.runs,
    ...(idPrefix ? { idPrefix } : {}), ...(r.signal ? { signal: r.signal } : {}), ...(r.keep ? { keep: r.keep } : {}), ...(r.concurrency ? { concurrency: r.concurrency } : {}), ...(r.listing ? { listing: r.listing } : {}), ...(r.eager ? { eager: true } : {}),
  });
  const pairs: Array<[string, string]> = [...(idPrefix ? [[idPrefix, plain] as [string, string]] : []), ...bindingPairs(r.binding)];
  // Answers read from the steps as sent (their calls are the keys of the outcomes), then masked with them.
  return found.map((f) => maskDeep({ ...f, answers: stepAnswers(f.steps, outcomeOf) }, pairs));
}

export function scenarioToFinding(s: ScenarioFinding, gate: Gate, reproduce: Reproduce): Finding {
  const id = findingId(s.operation, s.kind, s.constraint, s.actual.code);
  const { steps, seed, path, ...d } = s;
  return {
    ...d, id, count: 1, request: { steps }, context: {}, seed, path, shrinkSteps: 0,
    gating: gates(s, gate), baselined: false,
    reproduce: reproduce({ operation: s.operation, kind: s.kind, id }),
  };
}
