// Protocol findings (issue 9 §1, §2): a wrong Content-Type, an error code some SDK cannot read, a message
// under the other key. Each is judged on the decoded outcome; none hides the per-request verdict.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CHECKS } from '../../src/checks/index.ts';
import { sdkErrorCodeCheck } from '../../src/checks/sdkErrorCode.ts';
import type { Case } from '../../src/contract/case.ts';
import type { Expected } from '../../src/contract/expected.ts';
import { decodeResponse } from '../../src/protocol/decode.ts';

const invalidCase: Case = { operation: 'RegisterInstance', kind: 'invalid', input: { InstanceId: 'x'.repeat(65) }, breaks: ['InstanceId#length'], exercises: [], context: {} };
const validCase: Case = { operation: 'RegisterInstance', kind: 'valid', input: {}, breaks: [], exercises: ['InstanceId#length'], context: {} };
const protonCase: Case = { operation: 'CreateServiceInstance', kind: 'invalid', input: {}, breaks: ['name#length'], exercises: [], context: {} };
const rejects = (code: string): Expected => ({
  outcome: 'error', codes: [code], statuses: [400], message: '…', source: 'model', confidence: 'documented',
  violations: [{ constraint: 'InstanceId#length', path: 'InstanceId', message: '…', code, source: 'model', confidence: 'documented' }],
});
const accepts: Expected = { outcome: 'success', source: 'model', confidence: 'documented' };
const CM = { 'content-type': 'application/x-amz-json-1.1' };
const PR = { 'content-type': 'application/x-amz-json-1.0' };

/** Every check over a response as it came off the wire (decoded as the HTTP target does). */
const judge = (c: Case, e: Expected, status: number, headers: Record<string, string>, body: unknown, profile?: 'envelope') =>
  DEFAULT_CHECKS.flatMap((check) => check({ case: c, expected: e, outcome: decodeResponse({ status, headers, bodyText: JSON.stringify(body), latencyMs: 1, operation: c.operation }, profile) }));
const brief = (ds: ReturnType<typeof judge>) => ds.map((d) => `${d.kind} ${d.constraint} ${d.severity}`);

describe('§1 Content-Type: the body is judged, the header is one protocol warning', () => {
  const HTML = { 'content-type': 'text/html; charset=utf-8' };
  it('a 2xx JSON answer to an invalid payload under text/html is accepted-invalid, plus the content-type warning', () => {
    expect(brief(judge(invalidCase, rejects('InvalidInput'), 200, HTML, { OperationId: 'op-1' }))).toEqual([
      'accepted-invalid InstanceId#length error',
      'protocol protocol:content-type warning',
    ]);
  });
  it('a correct answer under a wrong content type is only the warning, with the content type in the detail and no code', () => {
    const ds = judge(invalidCase, rejects('InvalidInput'), 400, { ...HTML, 'x-amzn-errortype': 'InvalidInput' }, { __type: 'InvalidInput', Message: 'm' });
    expect(brief(ds)).toEqual(['protocol protocol:content-type warning']);
    expect(ds[0]!.confidence).toBe('documented');
    expect(ds[0]!.detail).toContain('text/html; charset=utf-8');
    expect(ds[0]!.actual).toEqual({ status: 400 }); // one finding per operation, whatever the code
  });
  it('accepts both awsJson media types with parameters, in any case; says nothing without the header', () => {
    for (const ct of ['application/x-amz-json-1.1', 'application/x-amz-json-1.0; charset=UTF-8', 'Application/X-Amz-Json-1.1']) {
      expect(judge(validCase, accepts, 200, { 'content-type': ct }, { OperationId: 'op-1' })).toEqual([]);
    }
    expect(judge(validCase, accepts, 200, {}, { OperationId: 'op-1' })).toEqual([]);
  });
  it('application/json is a warning too (the SDKs do not care; the protocol says x-amz-json)', () => {
    expect(brief(judge(validCase, accepts, 200, { 'content-type': 'application/json' }, { OperationId: 'op-1' }))).toEqual(['protocol protocol:content-type warning']);
  });
  it('an HTML page is a server error, not a content-type finding', () => {
    const outcome = decodeResponse({ status: 500, headers: { 'content-type': 'text/html' }, bodyText: '<html>oops</html>', latencyMs: 1 });
    expect(brief(DEFAULT_CHECKS.flatMap((check) => check({ case: validCase, expected: accepts, outcome })))).toEqual([`server-error ${validCase.exercises[0]} error`]);
  });
  it('envelope targets are not judged by awsJson protocol rules', () => {
    expect(judge(validCase, accepts, 200, { 'content-type': 'application/json' }, { success: true, data: { OperationId: 'op-1' } }, 'envelope')).toEqual([]);
  });
});

describe('§2 error codes every SDK can read', () => {
  it('both header and __type: nothing to say', () => {
    expect(judge(invalidCase, rejects('InvalidInput'), 400, { ...CM, 'x-amzn-errortype': 'InvalidInput' }, { __type: 'InvalidInput', Message: 'm' })).toEqual([]);
  });
  it('the code only in the header: boto3 users get a generic error (an error finding naming botocore)', () => {
    const ds = judge(invalidCase, rejects('InvalidInput'), 400, { ...CM, 'x-amzn-errortype': 'InvalidInput' }, { Message: 'm' });
    expect(brief(ds)).toEqual(['protocol protocol:sdk-error-code:botocore error']);
    expect(ds[0]!.detail).toMatch(/botocore .*reads "400"/);
    expect(ds[0]!.detail).toContain('InvalidInput');
    expect(ds[0]!.actual.code).toBe('InvalidInput');
  });
  it('the code only in body `code`: botocore misses it', () => {
    expect(brief(judge(invalidCase, rejects('InvalidInput'), 400, CM, { code: 'InvalidInput', Message: 'm' }))).toEqual(['protocol protocol:sdk-error-code:botocore error']);
  });
  it('header and __type name different modelled errors: the SDKs split, and the finding says who reads what', () => {
    const ds = judge(invalidCase, rejects('InvalidInput'), 400, { ...CM, 'x-amzn-errortype': 'InvalidInput' }, { __type: 'ServiceNotFound', Message: 'm' });
    const protocol = ds.filter((d) => d.kind === 'protocol');
    expect(protocol).toHaveLength(1);
    expect(protocol[0]!.severity).toBe('error');
    expect(protocol[0]!.detail).toContain('ServiceNotFound');
    expect(protocol[0]!.detail).toContain('InvalidInput');
  });
  it('a namespaced header: java-v2 keeps the namespace and misses the exception class', () => {
    expect(brief(judge(invalidCase, rejects('InvalidInput'), 400, { ...CM, 'x-amzn-errortype': 'com.amazonaws.servicediscovery#InvalidInput' }, { Message: 'm' })))
      .toEqual(['protocol protocol:sdk-error-code:botocore+aws-sdk-java-v2 error']);
  });
  it('no modelled code anywhere is the error-code check\'s business, not a protocol finding', () => {
    expect(brief(judge(invalidCase, rejects('InvalidInput'), 400, CM, { Message: 'm' }))).toEqual(['error-code InstanceId#length error']);
  });
});

describe('§2 properties over the modelled codes', () => {
  const CODES = ['InvalidInput', 'ServiceNotFound', 'DuplicateRequest', 'ResourceInUse', 'ResourceLimitExceeded'];
  const ns = fc.constantFrom('', 'com.amazonaws.servicediscovery#', 'aws.different.namespace#');
  const uri = fc.constantFrom('', ':http://internal.amazon.com/coral/com.amazon.coral.validate/');
  const sdkCheck = (headers: Record<string, string>, body: unknown) =>
    sdkErrorCodeCheck({ case: invalidCase, expected: rejects('InvalidInput'), outcome: decodeResponse({ status: 400, headers, bodyText: JSON.stringify(body), latencyMs: 1 }) });

  it('a code in the header (no namespace) and in __type (any namespace, any URI), optionally in `code` too: every SDK agrees', () => {
    fc.assert(fc.property(fc.constantFrom(...CODES), ns, uri, uri, fc.boolean(), (code, n, u1, u2, withCode) => {
      const body = { __type: `${n}${code}${u2}`, Message: 'm', ...(withCode ? { code: `${n}${code}` } : {}) };
      expect(sdkCheck({ ...CM, 'x-amzn-errortype': `${code}${u1}` }, body)).toEqual([]);
    }));
  });
  it('a modelled code anywhere but __type: botocore always misses it, and the finding is an error naming it', () => {
    fc.assert(fc.property(fc.constantFrom(...CODES), fc.boolean(), (code, inHeader) => {
      const [d] = sdkCheck(inHeader ? { ...CM, 'x-amzn-errortype': code } : CM, inHeader ? { Message: 'm' } : { code, Message: 'm' });
      expect(d).toMatchObject({ kind: 'protocol', severity: 'error', constraint: 'protocol:sdk-error-code:botocore' });
    }));
  });
});

describe('§2 message key the model names', () => {
  it('Cloud Map names `Message`: a body with `message` is a warning', () => {
    const ds = judge(invalidCase, rejects('InvalidInput'), 400, { ...CM, 'x-amzn-errortype': 'InvalidInput' }, { __type: 'InvalidInput', message: 'm' });
    expect(brief(ds)).toEqual(['protocol protocol:message-key warning']);
    expect(ds[0]!.detail).toContain('"Message"');
    expect(ds[0]!.actual).toEqual({ status: 400 });
  });
  it('Proton names `message`: a body with `Message` is a warning; its own key is fine', () => {
    const e = rejects('ValidationException');
    expect(brief(judge(protonCase, e, 400, { ...PR, 'x-amzn-errortype': 'ValidationException' }, { __type: 'ValidationException', Message: 'm' }))).toEqual(['protocol protocol:message-key warning']);
    expect(judge(protonCase, e, 400, { ...PR, 'x-amzn-errortype': 'ValidationException' }, { __type: 'ValidationException', message: 'm' })).toEqual([]);
  });
  it('codes the model does not name (SerializationException) follow the operation\'s errors', () => {
    const e = rejects('SerializationException');
    expect(judge(invalidCase, e, 400, { ...CM, 'x-amzn-errortype': 'SerializationException' }, { __type: 'SerializationException', Message: '' })).toEqual([]);
    expect(brief(judge(invalidCase, e, 400, { ...CM, 'x-amzn-errortype': 'SerializationException' }, { __type: 'SerializationException', message: '' }))).toEqual(['protocol protocol:message-key warning']);
  });
});
