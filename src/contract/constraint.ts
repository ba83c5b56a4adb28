// The catalogue entry for one constraint or rule an operation's contract holds. Coverage tables,
// reports and generators all speak in these ids.
//
// Id scheme (stable: reports, baselines and fixtures key on it):
//   model constraints  <path>#<kind>
//     path: top-level member as in the model ("InstanceId", "tags"); map key/value "Attributes{key}",
//           "Attributes{value}"; list member "tags[]"; member of a listed structure "tags[].key".
//     kind: required | type | length | pattern | enum | range | size (list/map entry count)
//   documented rules   rule:<name>            e.g. "rule:custom-attributes-max-30"
//   protocol           protocol:<name>        e.g. "protocol:malformed-json"
//   state              state:<name>           e.g. "state:service-not-found"
import type { Confidence } from './expected.ts';

export type ConstraintKind =
  | 'required' | 'type' | 'length' | 'pattern' | 'enum' | 'range' | 'size'
  | 'rule' | 'protocol' | 'state';

/** The kinds a model constraint has (the others are documented rules, protocol and state). */
export type ModelConstraintKind = Exclude<ConstraintKind, 'rule' | 'protocol' | 'state'>;

/** The one constraint-id function for model constraints: `<path>#<kind>` (paths per contract/walk.ts). */
export const constraintId = (path: string, kind: ModelConstraintKind): string => `${path}#${kind}`;

export interface ConstraintInfo {
  id: string;
  operation: string;
  kind: ConstraintKind;
  path: string;
  /** What it says, one line ("InstanceId length <= 64"). */
  says: string;
  /** The error code a violation produces. */
  code: string;
  source: string;
  confidence: Confidence;
}
