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

/** What seed 002 states of `member` (its Request Parameters section), and the model constraint enforcing it. */
const stated = (member: string, says: string, kind: 'length' | 'pattern' | 'size'): ModelBackedStatement =>
  ({ operation: OP, says: `${member} ${says}`, source: `${SEED_002} (Request Parameters: ${member})`, constraint: `${member}#${kind}` });

const NAME_PATTERN = 'pattern [0-9A-Za-z]+[0-9A-Za-z_\\-]*';
const VERSION_PATTERN = 'pattern (0|([1-9]{1}\\d*))';

/** What seed 002 documents, mapped to the model constraint that enforces it. */
export const protonModelBacked: readonly ModelBackedStatement[] = [
  stated('name', 'required, 1–100 characters', 'length'),
  stated('name', NAME_PATTERN, 'pattern'),
  stated('serviceName', 'required, 1–100 characters', 'length'),
  stated('serviceName', NAME_PATTERN, 'pattern'),
  stated('spec', 'required, 1–51,200 characters', 'length'),
  stated('templateMajorVersion', '1–20 characters', 'length'),
  stated('templateMajorVersion', VERSION_PATTERN, 'pattern'),
  stated('templateMinorVersion', '1–20 characters', 'length'),
  stated('templateMinorVersion', VERSION_PATTERN, 'pattern'),
  stated('tags', '0–50 items', 'size'),
  stated('clientToken', '0–64 characters', 'length'),
  stated('clientToken', 'pattern [!-~]*', 'pattern'),
];
