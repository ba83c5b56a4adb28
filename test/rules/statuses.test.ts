import { describe, expect, it } from 'vitest';
import {
  BODY_NOT_OBJECT, MALFORMED_JSON, NOT_FOUND_CODE, PROTOCOL_EXPECTATIONS, SERVICE_WIDE_STATUSES, UNKNOWN_OPERATION,
  VALIDATION_CODE, WRONG_JSON_TYPE, resolveCodes,
} from '../../src/rules/index.ts';
import { HAND_WRITTEN, statusesFor } from '../../src/profiles/index.ts';
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

  it("every error a profile's reference page documents is an error of its model (whose httpError is the other status)", () => {
    const rows = HAND_WRITTEN.flatMap((p) => (p.errors ?? []).map((e) => ({ ...e, service: p.service, operation: p.operation })));
    expect(rows.length).toBe(11);
    for (const row of rows) {
      const model = loadServiceModel(row.service);
      const shape = model.shapes[row.code];
      expect(shape?.type === 'structure' && shape.error?.httpStatus, row.code).toBeTypeOf('number');
      expect(model.operations[row.operation]?.errors, row.code).toContain(row.code);
      expect(row.source.length, row.code).toBeGreaterThan(10);
    }
  });

  it('protocol-level codes are service-wide and inferred', () => {
    for (const row of SERVICE_WIDE_STATUSES) expect(row.confidence).toBe('inferred');
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
