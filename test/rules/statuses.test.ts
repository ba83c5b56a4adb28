import { describe, expect, it } from 'vitest';
import {
  BODY_NOT_OBJECT, DOCUMENTED_STATUSES, MALFORMED_JSON, NOT_FOUND_CODE, PROTOCOL_EXPECTATIONS, UNKNOWN_OPERATION,
  VALIDATION_CODE, WRONG_JSON_TYPE, resolveCodes, statusesFor,
} from '../../src/rules/index.ts';
import { loadServiceModel } from '../../src/model/load.ts';

describe('documented statuses (DESIGN "HTTP status: the sources disagree")', () => {
  it('accepts both sources, deduplicated', () => {
    expect(statusesFor('servicediscovery', 'InvalidInput')).toEqual([400]);
    expect(statusesFor('servicediscovery', 'ServiceNotFound')).toEqual([400, 404]);
    expect(statusesFor('servicediscovery', 'DuplicateRequest')).toEqual([400, 409]);
    expect(statusesFor('servicediscovery', 'ResourceInUse')).toEqual([400, 409]);
    expect(statusesFor('servicediscovery', 'ResourceLimitExceeded')).toEqual([400]);
    expect(statusesFor('proton', 'ValidationException')).toEqual([400]);
    expect(statusesFor('proton', 'ConflictException')).toEqual([400, 409]);
    expect(statusesFor('proton', 'ResourceNotFoundException')).toEqual([400, 404]);
    expect(statusesFor('proton', 'AccessDeniedException')).toEqual([400, 403]);
    expect(statusesFor('proton', 'ThrottlingException')).toEqual([400, 429]);
    expect(statusesFor('proton', 'InternalServerException')).toEqual([500]);
    expect(statusesFor('proton', 'SerializationException')).toEqual([400]);
    expect(statusesFor('proton', 'NoSuchCode')).toEqual([]);
  });

  it("the table's model column matches the normalized models' httpStatus", () => {
    for (const row of DOCUMENTED_STATUSES.filter((r) => r.service !== '*')) {
      const shape = loadServiceModel(row.service).shapes[row.code];
      expect(shape?.type, row.code).toBe('structure');
      expect(shape?.type === 'structure' && shape.error?.httpStatus, row.code).toBe(row.model);
    }
  });

  it('protocol-level codes are inferred; model errors documented', () => {
    for (const row of DOCUMENTED_STATUSES) expect(row.confidence).toBe(row.service === '*' ? 'inferred' : 'documented');
  });

  it('names the validation and not-found code of each service', () => {
    expect(VALIDATION_CODE).toEqual({ servicediscovery: 'InvalidInput', proton: 'ValidationException' });
    expect(NOT_FOUND_CODE).toEqual({ servicediscovery: 'ServiceNotFound', proton: 'ResourceNotFoundException' });
  });
});

describe('protocol expectations', () => {
  it('are inferred data with stable ids', () => {
    expect(PROTOCOL_EXPECTATIONS.map((p) => p.id)).toEqual(['protocol:malformed-json', 'protocol:unknown-operation', 'protocol:body-not-object']);
    for (const p of [...PROTOCOL_EXPECTATIONS, WRONG_JSON_TYPE]) expect(p.confidence).toBe('inferred');
    expect(MALFORMED_JSON.codes).toEqual(['SerializationException']);
    expect(UNKNOWN_OPERATION.codes).toEqual(['UnknownOperationException']);
  });
  it('wrong types accept SerializationException or the service validation code', () => {
    expect(resolveCodes(WRONG_JSON_TYPE.codes, 'InvalidInput')).toEqual(['SerializationException', 'InvalidInput']);
    expect(resolveCodes(BODY_NOT_OBJECT.codes, 'ValidationException')).toEqual(['SerializationException', 'ValidationException']);
  });
});
