// The profiles of every operation: the hand-written ones, and one derived from the model for any other
// operation of a committed model. A name no model defines, or a bare name two services share, is a coded
// error (CF_ERR_UNKNOWN_OPERATION): never a guess, never an empty profile.
import type { OperationKey } from '../contract/operation.ts';
import { findOperation } from '../model/load.ts';
import { derivedProfile } from './derived.ts';
import type { Profile } from './profile.ts';
import type { ModelBackedStatement, Rule } from '../rules/rule.ts';
import { HAND_WRITTEN } from './handWritten.ts';
import { SERVICEDISCOVERY_DERIVED_RULES } from './servicediscovery/documentedRules.ts';

/** Documented rules of operations whose profile is derived (the model says nothing of them). */
const DERIVED_RULES: Readonly<Record<OperationKey, readonly Rule[]>> = { ...SERVICEDISCOVERY_DERIVED_RULES };

export type { Creates, DocumentedError, Idempotency, Profile, ResourceReference, StateExpectation } from './profile.ts';
export { derivedProfile } from './derived.ts';

export { HAND_WRITTEN };
export { statusesFor } from './statuses.ts';

const byKey = new Map<string, Profile>(HAND_WRITTEN.map((p) => [p.key, p]));
const derived = new Map<string, Profile>();
const named = new Map<string, Profile>(); // any name already resolved → its profile

/** The profile of `service#Operation` or of a bare name only one model defines. */
export function profileOf(name: string): Profile {
  const hit = byKey.get(name) ?? named.get(name);
  if (hit) return hit;
  const ref = findOperation(name); // unknown or ambiguous: its own one line
  const rules = DERIVED_RULES[ref.key];
  const p = byKey.get(ref.key) ?? derived.get(ref.key) ?? (rules ? { ...derivedProfile(ref), rules } : derivedProfile(ref));
  if (p.origin === 'derived') derived.set(ref.key, p);
  named.set(name, p);
  return p;
}

/** The hand-written profile of `key`, if there is one (no model is read). */
export const handWrittenProfile = (key: OperationKey): Profile | undefined => byKey.get(key);

/** Every documented rule of an operation, from its profile (empty for operations without any). */
export const rulesFor = (operation: OperationKey): readonly Rule[] => profileOf(operation).rules ?? [];

/** Documented statements the model already enforces, with the constraint id that does. */
export const modelBackedFor = (operation: OperationKey): readonly ModelBackedStatement[] => profileOf(operation).modelBacked ?? [];

/** Whether `name` has a profile (an operation of a committed model, named unambiguously). */
export function hasProfile(name: string): boolean {
  try {
    profileOf(name);
    return true;
  } catch {
    return false;
  }
}
