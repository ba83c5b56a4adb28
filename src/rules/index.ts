// Documented rules as data, each with its source. Which operation they belong to is its profile's word
// (src/profiles/: `rules`, `modelBacked`); rulesFor there. An operation's rules are checked in this order: the
// service-independent ones (no `needs`) right after model validation, the service-dependent ones after the
// referenced service is known to exist.

export type { ModelBackedStatement, Rule, RuleNeeds, RuleViolation } from './rule.ts';
export * from './cloudmap-attributes.ts';
export * from './cloudmap-service.ts';
export { protonRules, protonModelBacked, SEED_002 } from './proton.ts';
export * from './statuses.ts';
export * from './protocol.ts';
export { charLength } from './chars.ts';
