// Equivalents of Smithy's awsJson1_0 / awsJson1_1 error-parsing protocol tests (smithy-aws-protocol-tests,
// model/awsJson1_0/errors.smithy and awsJson1_1/errors.smithy, FooError cases): all must yield "FooError".
import { describe, expect, it } from 'vitest';
import { parseErrorCode, parseErrorMessage, sanitizeErrorCode } from '../../src/protocol/errorCode.ts';

const URI = 'http://internal.amazon.com/coral/com.amazon.coral.validate/';

for (const [protocol, ns] of [['AwsJson10', 'aws.protocoltests.json10'], ['AwsJson11', 'aws.protocoltests.json']] as const) {
  describe(`${protocol} error code parsing (Smithy protocol tests)`, () => {
    const cases: Array<[id: string, headers: Record<string, string>, body: unknown]> = [
      [`${protocol}FooErrorUsingXAmznErrorType`, { 'X-Amzn-Errortype': 'FooError' }, undefined],
      [`${protocol}FooErrorUsingXAmznErrorTypeWithUri`, { 'X-Amzn-Errortype': `FooError:${URI}` }, undefined],
      [`${protocol}FooErrorUsingXAmznErrorTypeWithUriAndNamespace`, { 'X-Amzn-Errortype': `aws.protocoltests.restjson#FooError:${URI}` }, undefined],
      [`${protocol}FooErrorUsingCode`, { 'Content-Type': 'application/x-amz-json-1.0' }, { code: 'FooError' }],
      [`${protocol}FooErrorUsingCodeAndNamespace`, {}, { code: `${ns}#FooError` }],
      [`${protocol}FooErrorUsingCodeUriAndNamespace`, {}, { code: `${ns}#FooError:${URI}` }],
      [`${protocol}FooErrorWithDunderType`, {}, { __type: 'FooError' }],
      [`${protocol}FooErrorWithDunderTypeAndNamespace`, {}, { __type: `${ns}#FooError` }],
      [`${protocol}FooErrorWithDunderTypeUriAndNamespace`, {}, { __type: `${ns}#FooError:${URI}` }],
      [`${protocol}FooErrorWithDunderTypeAndDifferentNamespace`, {}, { __type: 'aws.different.namespace#FooError' }],
      [
        `${protocol}FooErrorWithNestedTypeProperty`,
        {},
        { __type: `${ns}#FooError`, ErrorDetails: [{ __type: 'com.amazon.internal#ErrorDetails', reason: 'Some reason' }] },
      ],
    ];
    it.each(cases)('%s', (_id, headers, body) => {
      expect(parseErrorCode(headers, body)).toBe('FooError');
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
