// The scrubber: secret headers by name, SigV4 credential/signature content anywhere, the credentials in use
// wherever they appear (values, keys, URL-encoded), and nothing else touched.
import { describe, expect, it } from 'vitest';
import { createScrubber, SCRUBBED } from '../../src/targets/scrub.ts';
import { scrubExchange } from '../../src/run/record.ts';
import { scrubOutcomes } from '../../src/targets/scrub.ts';
import type { RecordedExchange } from '../../src/targets/record/recording.ts';
import type { Outcome } from '../../src/contract/outcome.ts';

const ID = 'AKIACANARYUNIT0001';
const SECRET = 'canary/secret+unit=0001';
const TOKEN = 'canary-token-unit-0001';
const AUTH = `AWS4-HMAC-SHA256 Credential=${ID}/20261122/us-east-1/servicediscovery/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=${'ab12'.repeat(16)}`;

describe('scrubbing', () => {
  const s = createScrubber([ID, SECRET, TOKEN]);

  it('replaces Authorization, X-Amz-Security-Token, X-Amz-Date and cookies by name, whatever their case', () => {
    expect(s.headers({ Authorization: AUTH, 'x-amz-security-token': TOKEN, 'X-Amz-Date': '20261122T000000Z', cookie: 'a=b', 'x-amz-target': 'A.B' }))
      .toEqual({ Authorization: SCRUBBED, 'x-amz-security-token': SCRUBBED, 'X-Amz-Date': SCRUBBED, cookie: SCRUBBED, 'x-amz-target': 'A.B' });
  });

  it('removes SigV4 credentials and signatures from any text, header or query-string form', () => {
    const text = s.text(`signature mismatch for ${AUTH}; presigned ?X-Amz-Credential=AKIDOTHER%2F2026&X-Amz-Signature=deadbeef&X-Amz-Security-Token=abc`);
    expect(text).not.toMatch(/AKIA|AKIDOTHER|deadbeef|ab12ab12|=abc/);
    expect(text).toBe(`signature mismatch for ${SCRUBBED}; presigned ?X-Amz-Credential=${SCRUBBED}&X-Amz-Signature=${SCRUBBED}&X-Amz-Security-Token=${SCRUBBED}`);
    expect(s.text(`Credential=AKIDOTHER/2026/x, SignedHeaders=host, Signature=ff00`)).toBe(`Credential=${SCRUBBED}, SignedHeaders=host, Signature=${SCRUBBED}`);
  });

  it('replaces the credentials in use inside strings, object keys and URL-encoded forms', () => {
    const v = s.value({ message: `token ${TOKEN} and secret ${encodeURIComponent(SECRET)}`, [ID]: [SECRET, 'keep me'], n: 3, nil: null });
    expect(JSON.stringify(v)).not.toMatch(/canary|AKIACANARY/i);
    expect(v).toEqual({ message: `token ${SCRUBBED} and secret ${SCRUBBED}`, [SCRUBBED]: [SCRUBBED, 'keep me'], n: 3, nil: null });
  });

  it('a short credential is scrubbed where it is a whole value, not inside unrelated text', () => {
    const short = createScrubber(['abc']);
    expect(short.value({ a: 'abc', b: 'xabcx' })).toEqual({ a: SCRUBBED, b: 'xabcx' });
  });

  it('leaves ordinary payloads as they were (a deep copy)', () => {
    const body = { ServiceId: 'srv-1', Attributes: { AWS_INSTANCE_IPV4: '10.0.0.1' }, __proto__x: 1 };
    const copy = s.value(body);
    expect(copy).toEqual(body);
    expect(copy).not.toBe(body);
  });

  it('keeps a "__proto__" key of a parsed body as a plain key', () => {
    const parsed = JSON.parse('{"__proto__":{"x":1},"a":"b"}') as object;
    expect(JSON.stringify(s.value(parsed))).toBe('{"__proto__":{"x":1},"a":"b"}');
  });

  it('scrubs a recorded exchange: request headers, response headers, bodies; target and body stay', () => {
    const x: RecordedExchange = {
      scope: 'http://127.0.0.1:1', method: 'POST', path: '/', body: { InstanceId: 'i-1', Note: TOKEN }, status: 400,
      response: { __type: 'InvalidSignatureException', message: `expected ${AUTH}` },
      rawHeaders: { 'x-echo': TOKEN, 'set-cookie': 's=1', 'content-type': 'application/x-amz-json-1.1' },
      reqheaders: { authorization: AUTH, 'x-amz-security-token': TOKEN, 'x-amz-date': '20261122T000000Z', 'x-amz-target': 'Route53AutoNaming_v20170314.RegisterInstance' },
    };
    const out = scrubExchange(x, s);
    expect(JSON.stringify(out)).not.toMatch(/canary|AKIACANARY|AWS4-HMAC-SHA256 Credential=AKIA|ab12ab12/i);
    expect(out.reqheaders).toEqual({ authorization: SCRUBBED, 'x-amz-security-token': SCRUBBED, 'x-amz-date': SCRUBBED, 'x-amz-target': 'Route53AutoNaming_v20170314.RegisterInstance' });
    expect(out.body).toEqual({ InstanceId: 'i-1', Note: SCRUBBED });
    expect(out.rawHeaders).toEqual({ 'x-echo': SCRUBBED, 'set-cookie': SCRUBBED, 'content-type': 'application/x-amz-json-1.1' });
  });

  it('scrubs the Outcomes the recording target hands the run (what reports and fixtures are made of)', async () => {
    const echoed: Outcome = {
      status: 403, code: 'AccessDeniedException', message: `token ${TOKEN} rejected`, body: { message: `token ${TOKEN} rejected`, auth: AUTH },
      headers: { 'x-echo-authorization': AUTH, 'content-type': 'application/x-amz-json-1.0' }, latencyMs: 1, bodyExcerpt: TOKEN,
    };
    const send = scrubOutcomes(s)(async () => echoed);
    const out = await send({ service: 'proton', operation: 'CreateServiceInstance', input: {} });
    expect(JSON.stringify(out)).not.toMatch(/canary|AKIACANARY|AWS4-HMAC-SHA256 Credential=AKIA/i);
    expect(out).toMatchObject({ status: 403, code: 'AccessDeniedException', message: `token ${SCRUBBED} rejected`, latencyMs: 1 });
  });
});
