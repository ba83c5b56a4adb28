// The SDK error-decoding rules (src/protocol/sdkErrorRules.ts) over Smithy's awsJson error-parsing protocol
// tests: where an SDK does not arrive at "FooError", the table says what it arrives at instead (the
// differences the rules' header comment records). Then the aws-sdk-js-v3 rule against the installed SDK.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RegisterInstanceCommand, ServiceDiscoveryClient } from '@aws-sdk/client-servicediscovery';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SDK_ERROR_RULES, type SdkId } from '../../src/protocol/sdkErrorRules.ts';
import { sdkErrorCode, sdkErrorViews, sdkMessageKey } from '../../src/protocol/sdkErrorView.ts';
import { SMITHY_ERROR_STATUS, SMITHY_PROTOCOLS, smithyErrorCases } from './smithyErrorCases.ts';

const rule = (id: SdkId) => SDK_ERROR_RULES.find((r) => r.id === id)!;

/** What each SDK reads where it is not "FooError". */
const NOT_FOO: Record<string, Partial<Record<SdkId, string>>> = {
  // botocore never looks at the header or at `code`: the HTTP status becomes the code.
  FooErrorUsingXAmznErrorType: { botocore: '500' },
  FooErrorUsingXAmznErrorTypeWithUri: { botocore: '500' },
  // java-v2 cuts the header at ':' only, so the namespace stays.
  FooErrorUsingXAmznErrorTypeWithUriAndNamespace: { botocore: '500', 'aws-sdk-java-v2': 'aws.protocoltests.restjson#FooError' },
  FooErrorUsingCode: { botocore: '500' },
  FooErrorUsingCodeAndNamespace: { botocore: '500' },
  FooErrorUsingCodeUriAndNamespace: { botocore: '500' },
};

describe('every rule is data with a citation', () => {
  it('names a repository, a path and what the code there does; ids are unique', () => {
    expect(new Set(SDK_ERROR_RULES.map((r) => r.id)).size).toBe(SDK_ERROR_RULES.length);
    for (const r of SDK_ERROR_RULES) {
      expect(r.source.repo).toMatch(/^[\w-]+\/[\w.-]+$/);
      expect(r.source.path.length).toBeGreaterThan(10);
      expect(r.source.what.length).toBeGreaterThan(40);
      expect(r.code.length).toBeGreaterThan(0);
    }
  });
});

for (const [protocol, ns] of SMITHY_PROTOCOLS) {
  describe(`${protocol}: what each SDK reads from Smithy's FooError cases`, () => {
    const rows = smithyErrorCases(ns).flatMap((c) => SDK_ERROR_RULES.map((r) => [`${protocol}${c.id}`, r.id, NOT_FOO[c.id]?.[r.id] ?? 'FooError', c] as const));
    it.each(rows)('%s: %s reads %s', (_id, sdk, expected, c) => {
      expect(sdkErrorCode(rule(sdk), { status: SMITHY_ERROR_STATUS, headers: c.headers, body: c.body }).code).toBe(expected);
    });
  });
}

describe('precedence where a response carries the code in more than one place', () => {
  const read = (headers: Record<string, string>, body: unknown) =>
    Object.fromEntries(sdkErrorViews({ status: 400, headers, body }).map((v) => [v.sdk, v.code]));

  it('header and __type disagree: botocore and js-v3 take __type, generated js-v3 and java-v2 the header', () => {
    expect(read({ 'X-Amzn-ErrorType': 'InvalidInput' }, { __type: 'ServiceNotFound' })).toEqual({
      botocore: 'ServiceNotFound', 'aws-sdk-js-v3': 'ServiceNotFound', 'aws-sdk-js-v3-generated': 'InvalidInput', 'aws-sdk-java-v2': 'InvalidInput',
    });
  });
  it('code and __type disagree: generated js-v3 takes code, the others __type', () => {
    expect(read({}, { code: 'InvalidInput', __type: 'ServiceNotFound' })).toEqual({
      botocore: 'ServiceNotFound', 'aws-sdk-js-v3': 'ServiceNotFound', 'aws-sdk-js-v3-generated': 'InvalidInput', 'aws-sdk-java-v2': 'ServiceNotFound',
    });
  });
  it('a `Code` key: only js-v3 matches it ignoring case', () => {
    expect(read({}, { Code: 'InvalidInput' })).toEqual({
      botocore: '400', 'aws-sdk-js-v3': 'InvalidInput', 'aws-sdk-js-v3-generated': 'InvalidInput', 'aws-sdk-java-v2': undefined,
    });
  });
  it('namespaces: botocore keeps the text after the LAST #, js-v3 the segment after the first, java-v2 all after the first', () => {
    expect(read({}, { __type: 'a#b#c' })).toEqual({ botocore: 'c', 'aws-sdk-js-v3': 'b', 'aws-sdk-js-v3-generated': 'b', 'aws-sdk-java-v2': 'b#c' });
  });
  it('a header repeated and joined by ", ": js-v3 keeps the first; java-v2 keeps the joined text', () => {
    const views = read({ 'x-amzn-errortype': 'InvalidInput, InvalidInput' }, {});
    expect(views['aws-sdk-js-v3']).toBe('InvalidInput');
    expect(views['aws-sdk-java-v2']).toBe('InvalidInput, InvalidInput');
  });
  it('message keys: every SDK reads both casings; java-v2 also errorMessage', () => {
    for (const r of SDK_ERROR_RULES) {
      expect(sdkMessageKey(r, { Message: 'm' })).toBe('Message');
      expect(sdkMessageKey(r, { message: 'm', Message: 'M' })).toBe('message');
    }
    expect(sdkMessageKey(rule('aws-sdk-java-v2'), { errorMessage: 'm' })).toBe('errorMessage');
    expect(sdkMessageKey(rule('botocore'), { errorMessage: 'm' })).toBeUndefined();
  });
});

// The rule for the schema-based aws-sdk-js-v3 must predict the exception the installed client raises.
describe('aws-sdk-js-v3 rule against @aws-sdk/client-servicediscovery itself', () => {
  let server: Server;
  let answer: { headers: Record<string, string>; body: string } = { headers: {}, body: '{}' };
  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(400, { 'content-type': 'application/x-amz-json-1.1', ...answer.headers });
        res.end(answer.body);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  });
  afterAll(async () => { await new Promise((r) => server.close(r)); });

  const raised = async (headers: Record<string, string>, body: Record<string, unknown>): Promise<string> => {
    answer = { headers, body: JSON.stringify(body) };
    const { port } = server.address() as AddressInfo;
    const client = new ServiceDiscoveryClient({
      endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1', maxAttempts: 1,
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'contract-fuzz-fake-secret' },
    });
    try {
      await client.send(new RegisterInstanceCommand({ ServiceId: 'srv-1', InstanceId: 'i-1', Attributes: {} }));
      return 'no error';
    } catch (e) {
      return (e as Error).name;
    } finally {
      client.destroy();
    }
  };

  it.each([
    ['header and __type disagree', { 'x-amzn-errortype': 'InvalidInput' }, { __type: 'ServiceNotFound', Message: 'm' }],
    ['code and __type disagree', {}, { code: 'InvalidInput', __type: 'ServiceNotFound', Message: 'm' }],
    ['code only in the header', { 'x-amzn-errortype': 'ServiceNotFound' }, { Message: 'm' }],
    ['a `Code` key', {}, { Code: 'ResourceInUse', Message: 'm' }],
    ['a namespaced __type with a URI', {}, { __type: 'com.amazonaws.servicediscovery#InvalidInput:http://x/', Message: 'm' }],
  ])('%s', async (_what, headers, body) => {
    const predicted = sdkErrorCode(rule('aws-sdk-js-v3'), { status: 400, headers, body }).code;
    expect(await raised(headers, body)).toBe(predicted);
  });
});
