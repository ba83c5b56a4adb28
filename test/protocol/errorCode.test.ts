// Our Smithy-order parser against Smithy's awsJson error-parsing protocol tests (test/protocol/smithyErrorCases.ts):
// every case must yield "FooError".
import { describe, expect, it } from 'vitest';
import { parseErrorCode, parseErrorMessage, sanitizeErrorCode } from '../../src/protocol/errorCode.ts';
import { SMITHY_PROTOCOLS, smithyErrorCases } from './smithyErrorCases.ts';

for (const [protocol, ns] of SMITHY_PROTOCOLS) {
  describe(`${protocol} error code parsing (Smithy protocol tests)`, () => {
    it.each(smithyErrorCases(ns).map((c) => [`${protocol}${c.id}`, c] as const))('%s', (_id, c) => {
      expect(parseErrorCode(c.headers, c.body)).toBe('FooError');
    });
  });
}

describe('error code precedence and edge cases', () => {
  it('the header wins over body code and __type; code wins over __type', () => {
    expect(parseErrorCode({ 'x-amzn-errortype': 'HeaderError' }, { code: 'CodeError', __type: 'TypeError' })).toBe('HeaderError');
    expect(parseErrorCode({}, { code: 'CodeError', __type: 'TypeError' })).toBe('CodeError');
  });

  it('a nested __type alone is not an error code', () => {
    expect(parseErrorCode({}, { ErrorDetails: [{ __type: 'com.amazon.internal#ErrorDetails' }] })).toBeUndefined();
    expect(parseErrorCode({}, { nested: { code: 'Nope' } })).toBeUndefined();
  });

  it('non-object bodies carry no code', () => {
    for (const body of [undefined, null, 'FooError', 42, ['FooError'], true]) expect(parseErrorCode({}, body)).toBeUndefined();
  });

  it('cleans header quirks: surrounding spaces, a repeated header joined by ", "', () => {
    expect(sanitizeErrorCode('  FooError  ')).toBe('FooError');
    expect(sanitizeErrorCode('FooError, BarError')).toBe('FooError');
    expect(sanitizeErrorCode(429)).toBe('429');
    expect(sanitizeErrorCode({})).toBeUndefined();
  });

  it('reads Cloud Map "Message" and Proton "message"', () => {
    expect(parseErrorMessage({ __type: 'InvalidInput', Message: 'Cloud Map says' })).toBe('Cloud Map says');
    expect(parseErrorMessage({ message: 'Proton says' })).toBe('Proton says');
    expect(parseErrorMessage({ message: 42 })).toBeUndefined();
    expect(parseErrorMessage('text')).toBeUndefined();
  });
});
