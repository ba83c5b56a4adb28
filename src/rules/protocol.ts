// Protocol-level expectations (awsJson 1.0/1.1), as data. None is in the operation's model or reference
// page: all are inferred from what other AWS JSON services answer (DESIGN "Wire protocol").
// `{validation}` in `codes` stands for the service's validation code (InvalidInput / ValidationException).
import type { Confidence } from '../contract/expected.ts';

export interface ProtocolExpectation {
  /** `protocol:<name>`, stable. */
  id: string;
  says: string;
  /** Acceptable codes, the reference emulator's first. */
  codes: readonly string[];
  message: string;
  source: string;
  confidence: Confidence;
}

export const VALIDATION_PLACEHOLDER = '{validation}';
const SOURCE = 'AWS JSON services (DESIGN "Wire protocol"; Coral/Jackson messages)';

/** None is in a model or reference page: all are inferred from what other AWS JSON services answer. */
const inferred = (e: Omit<ProtocolExpectation, 'source' | 'confidence'>): ProtocolExpectation => ({ ...e, source: SOURCE, confidence: 'inferred' });

export const MALFORMED_JSON = inferred({
  id: 'protocol:malformed-json',
  says: 'a body that is not JSON → SerializationException 400',
  codes: ['SerializationException'],
  message: 'Unexpected character found while parsing the request body.',
});

export const UNKNOWN_OPERATION = inferred({
  id: 'protocol:unknown-operation',
  says: 'an X-Amz-Target naming no operation → UnknownOperationException 400',
  codes: ['UnknownOperationException'],
  message: '',
});

export const BODY_NOT_OBJECT = inferred({
  id: 'protocol:body-not-object',
  says: 'a JSON body that is not an object (array, string, number, null) → SerializationException or the validation code',
  codes: ['SerializationException', VALIDATION_PLACEHOLDER],
  message: 'Start of structure or map expected.',
});

/** Not an id of its own: member type mismatches are `<path>#type` model constraints; this is their expectation. */
export const WRONG_JSON_TYPE = inferred({
  id: 'protocol:wrong-json-type',
  says: 'a member of the wrong JSON type (number for string, array for map, …) → SerializationException or the validation code',
  codes: ['SerializationException', VALIDATION_PLACEHOLDER],
  message: '',
});

/** The protocol ids an operation's catalogue lists (WRONG_JSON_TYPE is catalogued per member as `#type`). */
export const PROTOCOL_EXPECTATIONS: readonly ProtocolExpectation[] = [MALFORMED_JSON, UNKNOWN_OPERATION, BODY_NOT_OBJECT];

export const resolveCodes = (codes: readonly string[], validationCode: string): string[] =>
  codes.map((c) => (c === VALIDATION_PLACEHOLDER ? validationCode : c));
