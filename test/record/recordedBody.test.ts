// What a recording keeps of a response body (issue 8 §1/§2): nock's recorder stored a non-UTF-8 body as hex and a
// gzip body as hex chunks, and the scrubber only looked at plain strings. Every form is decoded, scrubbed, cut to
// the limit (and says so), and stored in the form the run saw it.
import { describe, expect, it } from 'vitest';
import { brotliCompressSync, brotliDecompressSync, deflateSync, gunzipSync, gzipSync, inflateSync } from 'node:zlib';
import { recordedBody } from '../../src/targets/record/recordedBody.ts';
import { createScrubber, SCRUBBED } from '../../src/targets/scrub.ts';
import { findFragment, temporaryCredentials } from '../support/secrets.ts';

const creds = temporaryCredentials();
const s = createScrubber([creds.accessKeyId, creds.secretAccessKey, creds.sessionToken]);
const echo = `{"__type":"InvalidInput","Message":"token ${creds.sessionToken} key ${creds.accessKeyId}"}`;

describe('recorded response bodies', () => {
  it.each([
    ['gzip', gzipSync, gunzipSync],
    ['deflate', deflateSync, inflateSync],
    ['br', brotliCompressSync, brotliDecompressSync],
  ] as const)('%s: decoded, scrubbed and encoded again as one hex chunk', (coding, encode, decode) => {
    const r = recordedBody(encode(Buffer.from(echo)), { 'content-encoding': coding }, s);
    expect(Array.isArray(r.response)).toBe(true);
    const plain = decode(Buffer.from((r.response as string[]).join(''), 'hex')).toString('utf8');
    expect(plain).toContain(SCRUBBED);
    expect(JSON.parse(plain)).toMatchObject({ __type: 'InvalidInput' });
    expect(findFragment(plain, { ...creds })).toBeUndefined();
  });

  it('not UTF-8: scrubbed byte for byte, stored as hex', () => {
    const r = recordedBody(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(echo)]), {}, s);
    expect(r.responseIsBinary).toBe(true);
    const bytes = Buffer.from(r.response as string, 'hex');
    expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xfe]));
    expect(findFragment(bytes.toString('latin1'), { ...creds })).toBeUndefined();
  });

  it('JSON: parsed and scrubbed; nested past the limit: kept as text', () => {
    expect(recordedBody(Buffer.from(echo), {}, s).response).toMatchObject({ __type: 'InvalidInput', Message: expect.stringContaining(SCRUBBED) });
    const deep = `${'['.repeat(5_000)}${']'.repeat(5_000)}`;
    expect(recordedBody(Buffer.from(deep), {}, s).response).toBe(deep);
  });

  it('over the limit: the first bytes are kept and the cut is said', () => {
    const r = recordedBody(Buffer.from(`{"Message":"${'m'.repeat(5_000)}"}`), {}, s, 1_000);
    expect(r.responseCut).toEqual({ bytes: 5_014, kept: 1_000 });
    expect(typeof r.response === 'string' && r.response.length).toBe(1_000);
  });

  it('a body that says gzip but is not: its bytes, scrubbed, as binary', () => {
    const r = recordedBody(Buffer.from(echo), { 'content-encoding': 'gzip' }, s);
    expect(r.responseIsBinary).toBe(true);
    expect(findFragment(Buffer.from(r.response as string, 'hex').toString('latin1'), { ...creds })).toBeUndefined();
  });
});
