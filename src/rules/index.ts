// Documented rules as data, per operation. An operation's rules are checked in this order: the
// service-independent ones (no `needs`) right after model validation, the service-dependent ones after the
// referenced service is known to exist.
import { cloudMapAttributeRules, cloudMapModelBacked } from './cloudmap-attributes.ts';
import { cloudMapServiceRules } from './cloudmap-service.ts';
import { protonModelBacked, protonRules } from './proton.ts';
import type { OperationKey } from '../contract/operation.ts';
import type { ModelBackedStatement, Rule } from './rule.ts';

export type { ModelBackedStatement, Rule, RuleNeeds, RuleViolation } from './rule.ts';
export * from './cloudmap-attributes.ts';
export * from './cloudmap-service.ts';
export { protonRules, protonModelBacked, SEED_002 } from './proton.ts';
export * from './statuses.ts';
export * from './protocol.ts';
export { charLength } from './chars.ts';

// Keyed `service#Operation`: a bare name could be another service's operation of the same name.
const RULES: Readonly<Record<OperationKey, readonly Rule[]>> = {
  'servicediscovery#RegisterInstance': [...cloudMapAttributeRules, ...cloudMapServiceRules],
  'proton#CreateServiceInstance': protonRules,
};

const MODEL_BACKED: Readonly<Record<OperationKey, readonly ModelBackedStatement[]>> = {
  'servicediscovery#RegisterInstance': cloudMapModelBacked,
  'proton#CreateServiceInstance': protonModelBacked,
};

/** Every documented rule of an operation (empty for operations without any). */
export const rulesFor = (operation: OperationKey): readonly Rule[] => RULES[operation] ?? [];

/** Documented statements the model already enforces, with the constraint id that does. */
export const modelBackedFor = (operation: OperationKey): readonly ModelBackedStatement[] => MODEL_BACKED[operation] ?? [];
