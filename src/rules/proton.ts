// Proton CreateServiceInstance: documented statements about the request shape that the model misses.
//
// Seed 002 (the API reference page) states, per member, exactly the facts the model carries: required
// name/serviceName/spec; lengths name/serviceName 1–100, spec 1–51,200, templateMajor/MinorVersion 1–20,
// clientToken 0–64, tags 0–50 items; patterns `[0-9A-Za-z]+[0-9A-Za-z_\-]*`, `(0|([1-9]{1}\d*))`,
// `[!-~]*` (the page prints them without the model's ^…$ anchors: same meaning as the anchored model
// pattern). So there is no rule to add: the array is empty on purpose, and the checks below pin that the
// model still says what the page says (test/rules/proton.test.ts).
//
// Considered and left out:
// - templateMajorVersion/templateMinorVersion docs ("To create a new minor version ..., include a major
//   Version") are copied from the template-version APIs; they state no constraint on this request.
// - spec is YAML (Smithy mediaType application/yaml); what the service answers for non-YAML or a spec that
//   breaks the template schema depends on the template: not documented, not a rule.
// - idempotency (clientToken) semantics belong to the idempotency checks, not here.
import type { ModelBackedStatement, Rule } from './rule.ts';

export const SEED_002 = 'seeds/002_c7cd0fce7ab6d58d.txt';
const OP = 'CreateServiceInstance';

export const protonRules: readonly Rule[] = [];

const page = (section: string) => `${SEED_002} (Request Parameters: ${section})`;

/** What seed 002 documents, mapped to the model constraint that enforces it. */
export const protonModelBacked: readonly ModelBackedStatement[] = [
  { operation: OP, says: 'name required, 1–100 characters', source: page('name'), constraint: 'name#length' },
  { operation: OP, says: 'name pattern [0-9A-Za-z]+[0-9A-Za-z_\\-]*', source: page('name'), constraint: 'name#pattern' },
  { operation: OP, says: 'serviceName required, 1–100 characters', source: page('serviceName'), constraint: 'serviceName#length' },
  { operation: OP, says: 'serviceName pattern [0-9A-Za-z]+[0-9A-Za-z_\\-]*', source: page('serviceName'), constraint: 'serviceName#pattern' },
  { operation: OP, says: 'spec required, 1–51,200 characters', source: page('spec'), constraint: 'spec#length' },
  { operation: OP, says: 'templateMajorVersion 1–20 characters', source: page('templateMajorVersion'), constraint: 'templateMajorVersion#length' },
  { operation: OP, says: 'templateMajorVersion pattern (0|([1-9]{1}\\d*))', source: page('templateMajorVersion'), constraint: 'templateMajorVersion#pattern' },
  { operation: OP, says: 'templateMinorVersion 1–20 characters', source: page('templateMinorVersion'), constraint: 'templateMinorVersion#length' },
  { operation: OP, says: 'templateMinorVersion pattern (0|([1-9]{1}\\d*))', source: page('templateMinorVersion'), constraint: 'templateMinorVersion#pattern' },
  { operation: OP, says: 'tags 0–50 items', source: page('tags'), constraint: 'tags#size' },
  { operation: OP, says: 'clientToken 0–64 characters', source: page('clientToken'), constraint: 'clientToken#length' },
  { operation: OP, says: 'clientToken pattern [!-~]*', source: page('clientToken'), constraint: 'clientToken#pattern' },
];
