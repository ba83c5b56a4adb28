import { describe, expect, it } from 'vitest';
import { decodeResponse } from '../../src/protocol/decode.ts';
import { awsJsonProfile, envelopeProfile, resolveProfile } from '../../src/protocol/profiles.ts';

// The two bodies of seed 000_9c96940e77c3c44a.txt
const SUCCESS = '{\n"success": true,\n"data": {\n"id": "abc123",\n"created_at": "2025-01-01T00:00:00Z"\n}\n}';
const FAILURE = '{\n"success": false,\n"error": {\n"code": "VALIDATION_ERROR",\n"message": "Invalid request parameters"\n}\n}';
const JSON_CT = { 'content-type': 'application/json' };

const envelope = (status: number, bodyText: string, operation?: string, profile = envelopeProfile()) =>
  decodeResponse({ status, headers: JSON_CT, bodyText, latencyMs: 1, operation }, profile);

describe('envelope profile', () => {
  it('success: the body is `data`', () => {
    const o = envelope(200, SUCCESS, 'RegisterInstance');
    expect(o.body).toEqual({ id: 'abc123', created_at: '2025-01-01T00:00:00Z' });
    expect(o.code).toBeUndefined();
    expect(o.errorClass).toBeUndefined();
  });

  it('VALIDATION_ERROR → each operation\'s validation code; raw code and message kept', () => {
    expect(envelope(400, FAILURE, 'RegisterInstance')).toMatchObject({ code: 'InvalidInput', rawCode: 'VALIDATION_ERROR', errorClass: 'validation', message: 'Invalid request parameters', body: { code: 'VALIDATION_ERROR' } });
    expect(envelope(400, FAILURE, 'CreateServiceInstance')).toMatchObject({ code: 'ValidationException', rawCode: 'VALIDATION_ERROR', errorClass: 'validation' });
  });

  it('an error with a 200 status keeps the status and still carries the code', () => {
    expect(envelope(200, FAILURE, 'RegisterInstance')).toMatchObject({ status: 200, code: 'InvalidInput', errorClass: 'validation' });
  });

  it.each([
    ['NOT_FOUND', 'RegisterInstance', 'ServiceNotFound', 'not-found'],
    ['NOT_FOUND', 'CreateServiceInstance', 'ResourceNotFoundException', 'not-found'],
    ['CONFLICT', 'RegisterInstance', 'DuplicateRequest', 'conflict'],
    ['CONFLICT', 'CreateServiceInstance', 'ConflictException', 'conflict'],
    ['RATE_LIMITED', 'CreateServiceInstance', 'ThrottlingException', 'throttling'],
    ['FORBIDDEN', 'CreateServiceInstance', 'AccessDeniedException', 'auth'],
    ['VALIDATION_ERROR', undefined, 'VALIDATION_ERROR', 'validation'],
    ['VALIDATION_ERROR', 'SomeOtherOperation', 'VALIDATION_ERROR', 'validation'],
  ])('%s for %s → %s (%s)', (raw, operation, code, cls) => {
    const o = envelope(400, JSON.stringify({ success: false, error: { code: raw, message: 'm' } }), operation);
    expect(o).toMatchObject({ code, rawCode: raw, errorClass: cls });
  });

  it('unknown envelope codes pass through; a 5xx is the server class', () => {
    expect(envelope(400, '{"success":false,"error":{"code":"WEIRD"}}', 'RegisterInstance')).toMatchObject({ code: 'WEIRD', rawCode: 'WEIRD' });
    expect(envelope(400, '{"success":false,"error":{"code":"WEIRD"}}', 'RegisterInstance').errorClass).toBeUndefined();
    expect(envelope(502, '{"success":false,"error":{"code":"WEIRD"}}', 'RegisterInstance').errorClass).toBe('server');
  });

  it('codes named like Object.prototype members map to nothing', () => {
    const o = envelope(400, '{"success":false,"error":{"code":"constructor"}}', 'constructor');
    expect(o).toMatchObject({ code: 'constructor', rawCode: 'constructor' });
    expect(o.errorClass).toBeUndefined();
  });

  it('a configurable mapping: extra classes, per-operation codes, overrides', () => {
    const profile = envelopeProfile({
      classes: { BAD_THING: 'validation' },
      codes: { RegisterInstance: { conflict: 'ResourceInUse' } },
      overrides: { CreateServiceInstance: { IDEMPOTENT_MISMATCH: 'ValidationException' } },
    });
    expect(envelope(400, '{"success":false,"error":{"code":"BAD_THING"}}', 'RegisterInstance', profile)).toMatchObject({ code: 'InvalidInput', errorClass: 'validation' });
    expect(envelope(409, '{"success":false,"error":{"code":"CONFLICT"}}', 'RegisterInstance', profile)).toMatchObject({ code: 'ResourceInUse', errorClass: 'conflict' });
    expect(envelope(400, '{"success":false,"error":{"code":"NOT_FOUND"}}', 'RegisterInstance', profile)).toMatchObject({ code: 'ServiceNotFound' });
    expect(envelope(400, '{"success":false,"error":{"code":"IDEMPOTENT_MISMATCH"}}', 'CreateServiceInstance', profile)).toMatchObject({ code: 'ValidationException', rawCode: 'IDEMPOTENT_MISMATCH', errorClass: 'validation' });
  });

  it('a body that is not an envelope is read as awsJson', () => {
    const o = envelope(400, '{"__type":"InvalidInput","Message":"m"}', 'RegisterInstance');
    expect(o).toMatchObject({ code: 'InvalidInput', message: 'm', errorClass: 'validation' });
    expect(o.rawCode).toBeUndefined();
  });

  it('a failure without an error object keeps the envelope as the body', () => {
    const o = envelope(500, '{"success":false}', 'RegisterInstance');
    expect(o).toMatchObject({ body: { success: false }, errorClass: 'server' });
    expect(o.code).toBeUndefined();
  });
});

describe('resolveProfile', () => {
  it('defaults to aws-json; names resolve; objects pass through', () => {
    expect(resolveProfile(undefined)).toBe(awsJsonProfile);
    expect(resolveProfile('aws-json')).toBe(awsJsonProfile);
    expect(resolveProfile('envelope').name).toBe('envelope');
    const custom = envelopeProfile();
    expect(resolveProfile(custom)).toBe(custom);
  });

  it('aws-json ignores envelope fields: success:false on a 200 is a success', () => {
    const o = decodeResponse({ status: 200, headers: JSON_CT, bodyText: FAILURE, latencyMs: 1 });
    expect(o.code).toBeUndefined();
    expect(o.body).toMatchObject({ success: false });
  });
});
