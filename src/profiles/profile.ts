// One profile per operation: everything operation-specific, written once (issue 10 §3). The oracle's state
// expectations, the runner's state model, the binding's nonce and prerequisite members and the scenario
// catalogue's idempotency entries all read it. Data only: a profile imports nothing above the vocabulary.
import type { NamedContext } from '../contract/context.ts';
import type { Confidence } from '../contract/expected.ts';
import type { OperationKey } from '../contract/operation.ts';
import type { OperationPlan } from '../../properties/types.ts';
import type { ModelBackedStatement, Rule } from '../rules/rule.ts';
import type { Prerequisite, RecipeCall } from './recipe.ts';
import type { CreateUndo } from './undo.ts';
import type { ScenarioSubject } from './scenario.ts';

/** An error that depends on what exists at the target, not on the payload alone. */
export interface StateExpectation {
  /** `state:<name>`, stable. */
  id: string;
  operation: string;
  /** Payload member the state concerns. */
  path: string;
  says: string;
  code: string;
  source: string;
  confidence: Confidence;
  /** The reference emulator's message (wording inferred: AWS documents none). */
  message(payload: Readonly<Record<string, unknown>>): string;
}

/** The member naming the resource an operation needs to exist, and the binding map holding the real one. */
export interface ResourceReference {
  member: string;
  binding: 'serviceIds' | 'serviceNames';
  /** How the target says it does not exist (a state expectation id of this profile). */
  notFound: string;
}

/** Which member is the idempotency token and what replay and mismatch mean. */
export interface Idempotency {
  tokenMember: string;
  /** A replay (same token, same parameters) answers as the original request did. */
  replay: string;
  mismatch: { codes: readonly string[]; says: string; source: string; confidence: Confidence; message: string };
  /** How long the service remembers a token (absent: for the whole run). */
  ttlMs?: number;
}

/** The state a successful call creates: one item per (scope, id), and what a second create of the same id means. */
export interface Creates {
  /** Member naming the container (a service) the created item lives in. */
  scopeMember: string;
  /** Member naming the created item. */
  idMember: string;
  /** `update`: a re-create updates it (Cloud Map); `conflict`: a re-create without the original token is refused (Proton). */
  again: 'update' | 'conflict';
  /** The state expectation a re-create meets (in progress / conflict). */
  againState: string;
  /** A quota on items per scope, and the state expectation past it. */
  limit?: { count: number; state: string };
  /** The call removing one created item (slots `{scope}` and `{id}`): cleanup in a service the user named, and
   * the run's population upkeep. */
  undo?: RecipeCall;
}

/** An error the operation's API reference page lists, with the HTTP status the page prints. The model's
 * httpError status is the other documented one; the model says it (src/profiles/statuses.ts reads both). */
export interface DocumentedError {
  code: string;
  page: number;
  source: string;
}

export interface Profile {
  key: OperationKey;
  service: string;
  operation: string;
  /** `documented`: written by hand from the sources; `inferred`: derived from the model alone. */
  origin: 'hand-written' | 'derived';
  /** Its documented rules (data in src/rules/, with their sources), in the order the oracle checks them. */
  rules?: readonly Rule[];
  /** Documented statements the model already enforces, with the constraint id that does. */
  modelBacked?: readonly ModelBackedStatement[];
  /** The errors its API reference page documents (DESIGN "HTTP status: the sources disagree"). */
  errors?: readonly DocumentedError[];
  reference?: ResourceReference;
  /** Coverage contexts: the worlds (a service of each configuration, a missing one) that together make every
   * constraint id reachable; placeholders the prerequisites bind. Absent: one empty context. */
  contexts?: () => NamedContext[];
  /** What the referenced resource is created with on a target, and removed with after the run. */
  prerequisite?: Prerequisite;
  idempotency?: Idempotency;
  creates?: Creates;
  /** The JUnit plan: the properties (properties/<Operation>.ts) a testsuite lists, scenarios included. Absent:
   * the per-case properties only. */
  junit?: OperationPlan;
  /** A model-only create-like operation (derived): how each of its successes is undone after the run, or why it
   * cannot be (src/profiles/undo.ts; inferred). */
  createUndo?: CreateUndo;
  /** Its idempotency and state scenarios (src/scenarios/ runs the generic families it names). Absent: none. Each
   * operation prepares its own shape of world (a Cloud Map service, a Proton service): `fits` tells it. */
  scenarios?: ScenarioSubject<unknown>;
  /** Members naming what a call creates or the token its result is bound to: the run nonce goes into them. */
  nonceMembers: readonly string[];
  states: readonly StateExpectation[];
  /** States a valid payload may meet because the run cannot know them (an instance it never registered): their
   * codes are accepted besides success. */
  mayMeet?: readonly string[];
  /** Members only the service can issue (pagination tokens): a valid-looking value it never issued may be refused
   * with `code`, which is then accepted besides success. */
  opaque?: { members: readonly string[]; code: string; source: string };
}

export const str = (v: unknown): string => (typeof v === 'string' ? v : String(v));
