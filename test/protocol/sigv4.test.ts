// The hot-path signer must produce exactly what @smithy/signature-v4 produces, for any request.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import { createSigner, createSmithySigner, FAKE_CREDENTIALS, type Credentials } from '../../src/protocol/sigv4.ts';
import type { WireRequest } from '../../src/contract/outcome.ts';

const request = (over: Partial<WireRequest> = {}): WireRequest => ({
  method: 'POST',
  path: '/',
  headers: { host: '127.0.0.1:4566', 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'Route53AutoNaming_v20170314.RegisterInstance' },
  body: '{"ServiceId":"srv-1","InstanceId":"i-1","Attributes":{}}',
  ...over,
});
const DATE = new Date('2026-03-04T05:06:07.890Z');
const options = { service: 'servicediscovery', region: 'us-east-1', credentials: FAKE_CREDENTIALS };

describe('createSigner', () => {
  it('matches SignatureV4 computed with an independent (pure JS) SHA-256', async () => {
    const reference = new SignatureV4({ ...options, sha256: Sha256, applyChecksum: false });
    const r = request();
    const expected = await reference.sign({ method: 'POST', protocol: 'https:', hostname: '127.0.0.1', path: '/', query: {}, headers: r.headers, body: r.body }, { signingDate: DATE });
    const signed = await createSigner(options).sign(r, DATE);
    expect(signed.headers.authorization).toBe(expected.headers.authorization);
    expect(signed.headers['x-amz-date']).toBe('20260304T050607Z');
    expect(signed.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20260304\/us-east-1\/servicediscovery\/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=[0-9a-f]{64}$/,
    );
  });

  it('is identical to the smithy signer for random requests, credentials, regions and dates', async () => {
    const token = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/-_.'), minLength: 1, maxLength: 30 });
    const headerValue = fc.string({ unit: fc.constantFrom(...'ab.:/-_ \t'), maxLength: 30 });
    const headerName = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,15}$/);
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          body: fc.string({ unit: 'grapheme', maxLength: 200 }),
          extra: fc.dictionary(headerName, headerValue, { maxKeys: 4 }),
          path: fc.constantFrom('/', '/gw', '/gw/aws/', '/a b', '/x/../y', '//', '/%41'),
          target: headerValue,
          region: fc.constantFrom('us-east-1', 'eu-west-3', 'ap-southeast-2'),
          service: fc.constantFrom('servicediscovery', 'proton'),
          accessKeyId: token,
          secretAccessKey: token,
          sessionToken: fc.option(token, { nil: undefined }),
          date: fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }),
        }),
        async (c) => {
          const credentials: Credentials = { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey, sessionToken: c.sessionToken };
          const o = { service: c.service, region: c.region, credentials };
          const r = request({ path: c.path, body: c.body, headers: { ...c.extra, host: 'example.test:8080', 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': c.target } });
          const fast = await createSigner(o).sign(r, c.date);
          const smithy = await createSmithySigner(o).sign(r, c.date);
          expect(fast.headers).toEqual(smithy.headers);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('uses a given X-Amz-Content-Sha256 as the payload hash, as SignatureV4 does', async () => {
    for (const value of ['UNSIGNED-PAYLOAD', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855']) {
      const r = request({ headers: { ...request().headers, 'X-Amz-Content-Sha256': value } });
      const fast = await createSigner(options).sign(r, DATE);
      expect(fast.headers).toEqual((await createSmithySigner(options).sign(r, DATE)).headers);
      expect(fast.headers.authorization).not.toBe((await createSigner(options).sign(request(), DATE)).headers.authorization);
    }
  });

  it('adds x-amz-security-token for session credentials and signs it', async () => {
    const signed = await createSigner({ ...options, credentials: { ...FAKE_CREDENTIALS, sessionToken: 'session-token-1' } }).sign(request(), DATE);
    expect(signed.headers['x-amz-security-token']).toBe('session-token-1');
    expect(signed.headers.authorization).toContain('SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target,');
  });

  it('replaces stale authorization and date headers; leaves the input untouched', async () => {
    const r = request({ headers: { ...request().headers, Authorization: 'stale', 'X-Amz-Date': '19990101T000000Z' } });
    const before = structuredClone(r);
    const signed = await createSigner(options).sign(r, DATE);
    expect(r).toEqual(before);
    expect(signed.headers.Authorization).toBeUndefined();
    expect(signed.headers['X-Amz-Date']).toBeUndefined();
    expect(signed.headers['x-amz-date']).toBe('20260304T050607Z');
  });

  it('asks a credential provider on each signature (rotation is picked up)', async () => {
    let n = 0;
    const provider = async (): Promise<Credentials> => ({ accessKeyId: `AKID${++n}`, secretAccessKey: 's' });
    const signer = createSigner({ ...options, credentials: provider });
    expect((await signer.sign(request(), DATE)).headers.authorization).toContain('Credential=AKID1/');
    expect((await signer.sign(request(), DATE)).headers.authorization).toContain('Credential=AKID2/');
  });

  it('signs with the current time when no date is given', async () => {
    const before = Date.now();
    const amzDate = (await createSigner(options).sign(request())).headers['x-amz-date'];
    const iso = `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`;
    expect(Math.abs(Date.parse(iso) - before)).toBeLessThan(5_000);
  });

  it('signNow: static credentials and the day\'s key derived give the signed request at once, the same as sign', async () => {
    const signer = createSigner(options);
    const r = request();
    const first = signer.signNow!(r); // the key is derived asynchronously the first time of a day: a promise
    const viaPromise = first instanceof Promise ? await first : first;
    const now = signer.signNow!(r);
    expect(now).not.toBeInstanceOf(Promise);
    const signed = await signer.sign(r);
    // Same second (the date is part of the signature): compare with the date the two share.
    if ((now as WireRequest).headers['x-amz-date'] === signed.headers['x-amz-date']) expect(now).toEqual(signed);
    expect((now as WireRequest).headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\//);
    expect(viaPromise.headers['x-amz-date']).toMatch(/^\d{8}T\d{6}Z$/);
    // A credential provider: always a promise, and the same signature as sign with the same date.
    const provided = createSigner({ ...options, credentials: async () => FAKE_CREDENTIALS });
    const p = provided.signNow!(r);
    expect(p).toBeInstanceOf(Promise);
    expect((await p).headers.authorization).toMatch(/Signature=[0-9a-f]{64}$/);
    // Unusable static credentials: a synchronous throw the target turns into its one-line error.
    const broken = createSigner({ ...options, credentials: { accessKeyId: 'AKID' } as unknown as Credentials });
    expect(() => broken.signNow!(r)).toThrow(/credential/i);
  });

  it('derives the signing key once per day (region and service are the signer\'s), again for new credentials', async () => {
    const signer = createSigner(options);
    expect(signer.keysDerived).toBe(0);
    for (let i = 0; i < 5; i++) await signer.sign(request({ body: `{"n":${i}}` }), new Date(DATE.getTime() + i * 3_600_000));
    expect(signer.keysDerived).toBe(1);
    await signer.sign(request(), new Date('2026-03-05T00:00:01Z'));
    expect(signer.keysDerived).toBe(2);
    for (let i = 0; i < 3; i++) signer.signNow!(request());
    expect(signer.keysDerived).toBe(3); // today
    let n = 0;
    const rotating = createSigner({ ...options, credentials: async () => ({ accessKeyId: `AKID${Math.floor(n++ / 2)}`, secretAccessKey: 's' }) });
    for (let i = 0; i < 4; i++) await rotating.sign(request(), DATE);
    expect(rotating.keysDerived).toBe(2);
  });

  it('rejects unusable credentials', async () => {
    const signer = createSigner({ ...options, credentials: { accessKeyId: 'AKID' } as unknown as Credentials });
    await expect(signer.sign(request())).rejects.toThrow(/credential/i);
  });

  it('never exposes the secret: not in the signed request, not on the signer', async () => {
    const secret = 'a-very-secret-value-123';
    const signer = createSigner({ ...options, credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: secret } });
    const signed = await signer.sign(request());
    expect(JSON.stringify(signed)).not.toContain(secret);
    expect(JSON.stringify(signer)).not.toContain(secret);
    expect(Object.values(signer).map(String).join(' ')).not.toContain(secret);
  });
});
