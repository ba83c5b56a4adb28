// The published AWS SigV4 test suite (aws-sig-v4-test-suite, the vectors every SDK checks itself against):
// both signers, the hot path and the @smithy/signature-v4 reference, give the suite's Authorization values.
import { describe, expect, it } from 'vitest';
import { createSigner, createSmithySigner, type Credentials } from '../../src/protocol/sigv4.ts';

const SUITE = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const STS_TOKEN =
  'AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/' +
  'qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+' +
  'scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==';
const DATE = new Date('2015-08-30T12:36:00Z');
const authorization = (signedHeaders: string, signature: string): string =>
  `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=${signedHeaders}, Signature=${signature}`;

const VECTORS: Array<{ name: string; headers: Record<string, string>; body: string; credentials: Credentials; expected: string }> = [
  { name: 'post-vanilla', headers: {}, body: '', credentials: SUITE,
    expected: authorization('host;x-amz-date', '5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b') },
  { name: 'post-x-www-form-urlencoded', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'Param1=value1', credentials: SUITE,
    expected: authorization('content-type;host;x-amz-date', 'ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a') },
  { name: 'post-header-value-case', headers: { 'My-Header1': 'VALUE1' }, body: '', credentials: SUITE,
    expected: authorization('host;my-header1;x-amz-date', 'cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d') },
  { name: 'post-sts-header-before', headers: {}, body: '', credentials: { ...SUITE, sessionToken: STS_TOKEN },
    expected: authorization('host;x-amz-date;x-amz-security-token', '85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead') },
];

describe('SigV4 test suite vectors', () => {
  for (const v of VECTORS) {
    it(v.name, async () => {
      const request = { method: 'POST' as const, path: '/', headers: { host: 'example.amazonaws.com', ...v.headers }, body: v.body };
      const o = { service: 'service', region: 'us-east-1', credentials: v.credentials };
      const fast = createSigner(o);
      expect((await fast.sign(request, DATE)).headers.authorization).toBe(v.expected);
      expect((await fast.sign(request, DATE)).headers.authorization).toBe(v.expected); // the day's key, cached
      expect((await createSmithySigner(o).sign(request, DATE)).headers.authorization).toBe(v.expected);
    });
  }
});
