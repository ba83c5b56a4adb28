// Smithy's awsJson1_0 / awsJson1_1 error-parsing protocol tests (smithy-aws-protocol-tests,
// model/awsJson1_0/errors.smithy and awsJson1_1/errors.smithy, FooError cases): each response must be read
// as the error "FooError" (a server error, HTTP 500). Shared by errorCode.test.ts (our Smithy-order parser)
// and sdkErrorRules.test.ts (what each SDK really reads).

export interface SmithyErrorCase {
  /** The Smithy test id without its protocol prefix (`FooErrorUsingXAmznErrorType`). */
  id: string;
  headers: Record<string, string>;
  /** The parsed body; undefined for an empty body. */
  body: unknown;
}

const URI = 'http://internal.amazon.com/coral/com.amazon.coral.validate/';
export const SMITHY_ERROR_STATUS = 500;

export const SMITHY_PROTOCOLS = [['AwsJson10', 'aws.protocoltests.json10'], ['AwsJson11', 'aws.protocoltests.json']] as const;

export const smithyErrorCases = (ns: string): SmithyErrorCase[] => [
  { id: 'FooErrorUsingXAmznErrorType', headers: { 'X-Amzn-Errortype': 'FooError' }, body: undefined },
  { id: 'FooErrorUsingXAmznErrorTypeWithUri', headers: { 'X-Amzn-Errortype': `FooError:${URI}` }, body: undefined },
  { id: 'FooErrorUsingXAmznErrorTypeWithUriAndNamespace', headers: { 'X-Amzn-Errortype': `aws.protocoltests.restjson#FooError:${URI}` }, body: undefined },
  { id: 'FooErrorUsingCode', headers: { 'Content-Type': 'application/x-amz-json-1.0' }, body: { code: 'FooError' } },
  { id: 'FooErrorUsingCodeAndNamespace', headers: {}, body: { code: `${ns}#FooError` } },
  { id: 'FooErrorUsingCodeUriAndNamespace', headers: {}, body: { code: `${ns}#FooError:${URI}` } },
  { id: 'FooErrorWithDunderType', headers: {}, body: { __type: 'FooError' } },
  { id: 'FooErrorWithDunderTypeAndNamespace', headers: {}, body: { __type: `${ns}#FooError` } },
  { id: 'FooErrorWithDunderTypeUriAndNamespace', headers: {}, body: { __type: `${ns}#FooError:${URI}` } },
  { id: 'FooErrorWithDunderTypeAndDifferentNamespace', headers: {}, body: { __type: 'aws.different.namespace#FooError' } },
  {
    id: 'FooErrorWithNestedTypeProperty',
    headers: {},
    body: { __type: `${ns}#FooError`, ErrorDetails: [{ __type: 'com.amazon.internal#ErrorDetails', reason: 'Some reason' }] },
  },
];
