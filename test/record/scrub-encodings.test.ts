// Issue 8 §1: secrets in every form a target can echo them. A realistic 760-character STS session token cut in
// half by the 512-character excerpt, secrets nobody told the scrubber about (after a label), hex and base64
// forms, JSON keys naming a secret, and bodies nested deeper than any stack.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpTarget } from '../../src/targets/http.ts';
import { createScrubber, FRAGMENT_MIN, scrubOutcomes, SCRUBBED } from '../../src/targets/scrub.ts';
import { findFragment, temporaryCredentials } from '../support/secrets.ts';

const creds = temporaryCredentials();
const SECRETS = { ...creds };
const s = createScrubber([creds.accessKeyId, creds.secretAccessKey, creds.sessionToken]);

describe('the scrubber, by pattern and in every encoding', () => {
  it('the token is realistic: 700+ base64 characters with the usual start', () => {
    expect(creds.sessionToken.length).toBeGreaterThan(700);
    expect(creds.sessionToken.startsWith('IQoJb3JpZ2lu')).toBe(true);
  });

  it('scrubs what follows a secret label even when the value is unknown to it', () => {
    const other = temporaryCredentials();
    const texts = [
      `X-Amz-Security-Token: ${other.sessionToken}\nHost: x`,
      `{"x-amz-security-token":"${other.sessionToken}"}`,
      `{\\"X-Amz-Security-Token\\":\\"${other.sessionToken}\\"}`,
      `Authorization: Bearer ${other.secretAccessKey}`,
      `aws_secret_access_key = ${other.secretAccessKey}`,
      `aws_session_token=${other.sessionToken}`,
      `?X-Amz-Credential=${other.accessKeyId}%2F20261122&X-Amz-Signature=${'ab'.repeat(32)}`,
    ];
    for (const t of texts) {
      const out = createScrubber().text(t);
      expect(findFragment(out, { ...other }), t.slice(0, 40)).toBeUndefined();
      expect(out).toContain(SCRUBBED);
    }
  });

  it('scrubs the value of a JSON key that names a secret, whatever the value', () => {
    const other = temporaryCredentials();
    const v = createScrubber().value({ headers: { 'X-Amz-Security-Token': other.sessionToken, authorization: 'x', host: 'h' }, aws_secret_access_key: other.secretAccessKey });
    expect(v).toEqual({ headers: { 'X-Amz-Security-Token': SCRUBBED, authorization: SCRUBBED, host: 'h' }, aws_secret_access_key: SCRUBBED });
  });

  it('scrubs the known secrets as hex and base64 (any alignment), and any 20-char piece of them', () => {
    const t = creds.sessionToken;
    const texts = [
      Buffer.from(`token=${t}`).toString('hex'),
      Buffer.from(`token=${t}`).toString('hex').toUpperCase(),
      Buffer.from(`x${t}`).toString('base64'),
      Buffer.from(`xy${t}`).toString('base64'),
      Buffer.from(`xyz${t}`).toString('base64url'),
      `cut here: ${t.slice(0, 300)}`,
      `${t.slice(400)} was the rest`,
      `key ${creds.accessKeyId.slice(0, 19)}…`,
    ];
    for (const text of texts) expect(findFragment(s.text(text), SECRETS), text.slice(0, 40)).toBeUndefined();
  });

  it('leaves ordinary text alone', () => {
    const text = 'ServiceId srv-0123456789abcdef InstanceId i-1 1 validation error detected: Value null at \'id\'';
    expect(s.text(text)).toBe(text);
    expect(s.value({ OperationId: 'abcdefghijklmnopqrstuvwxyz0123456789', Attributes: { AWS_INSTANCE_IPV4: '10.0.0.1' } }))
      .toEqual({ OperationId: 'abcdefghijklmnopqrstuvwxyz0123456789', Attributes: { AWS_INSTANCE_IPV4: '10.0.0.1' } });
  });

  it('walks a value nested 100,000 levels deep without running out of stack', () => {
    let deep: unknown = creds.sessionToken;
    for (let i = 0; i < 100_000; i++) deep = i % 2 ? [deep] : { a: deep };
    let out = s.value(deep);
    for (let i = 0; i < 100_000; i++) out = (Array.isArray(out) ? out[0] : (out as { a: unknown }).a);
    expect(out).toBe(SCRUBBED);
  });
});

describe('an unreadable body is scrubbed before it is cut to the excerpt', () => {
  let server: http.Server;
  let url = '';
  beforeAll(async () => {
    // An HTML error page echoing the request headers: the token straddles the 512-character excerpt.
    server = http.createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const pad = 'x'.repeat(300);
        const echoed = `<html><body>${pad}<pre>X-Amz-Security-Token: ${String(req.headers['x-amz-security-token'])}\nplain ${String(req.headers['x-amz-security-token'])}</pre></body></html>`;
        res.writeHead(502, { 'content-type': 'text/html' }).end(echoed);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('no piece of the session token reaches the Outcome the run sees', async () => {
    const target = createHttpTarget({ url, credentials: creds, timeoutMs: 5_000 });
    try {
      const send = scrubOutcomes(s)(target.send);
      const out = await send({ service: 'servicediscovery', operation: 'RegisterInstance', input: { ServiceId: 'srv-1' } });
      expect(out.bodyProblem).toBe('html');
      expect(out.bodyExcerpt?.length).toBeLessThanOrEqual(512);
      expect(out.bodyExcerpt).toContain(SCRUBBED);
      expect(findFragment(JSON.stringify(out), SECRETS)).toBeUndefined();
    } finally {
      await target.close();
    }
  });
});

describe('scrubbing on the hot path', () => {
  const s = createScrubber([creds.sessionToken]);
  it('hands a clean value on as it is, and a dirty one as a scrubbed copy', () => {
    const clean = { OperationId: 'abcdefghijklmnopqrstuvwxyz0123456789', list: ['a', 1, null], n: { m: 'x' } };
    expect(s.unlessClean(clean)).toBe(clean);
    const dirty = { list: [{ deep: `token ${creds.sessionToken}` }], Authorization: 'x' };
    const out = s.unlessClean(dirty);
    expect(out).not.toBe(dirty);
    expect(JSON.stringify(out)).not.toContain(creds.sessionToken.slice(0, FRAGMENT_MIN));
    expect(out).toEqual({ list: [{ deep: `token ${SCRUBBED}` }], Authorization: SCRUBBED });
    expect(dirty.list[0].deep).toContain(creds.sessionToken); // the original is not touched
  });
  it('a remembered clean string is scrubbed once a secret it holds is added', () => {
    const later = createScrubber();
    const secret = 'Zm9vYmFyYmF6cXV4cXV1eDEyMzQ1Njc4OTA';
    expect(later.text(`id ${secret}`)).toBe(`id ${secret}`);
    later.addSecrets(secret);
    expect(later.text(`id ${secret}`)).toBe(`id ${SCRUBBED}`);
  });
});
