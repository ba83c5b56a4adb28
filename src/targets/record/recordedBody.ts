// What a recording keeps of a response body: exactly what the run saw, scrubbed in every encoding, and capped.
//   - content-encoded (gzip, deflate, br): decoded, scrubbed, cut, encoded again (one hex chunk, as nock writes
//     content-encoded bodies), so a replay sees the same kind of bytes the live run saw and no secret hides in them;
//   - not UTF-8: scrubbed byte for byte (as latin1, where every byte is one character), written as hex
//     (`responseIsBinary`, nock's form);
//   - UTF-8: parsed JSON when it is small and shallow enough, else the text.
// Bodies over `limit` bytes keep their first `limit` bytes; the exchange says so (`responseCut`).
import { isUtf8 } from 'node:buffer';
import { brotliCompressSync, brotliDecompressSync, deflateSync, gzipSync, inflateSync, gunzipSync } from 'node:zlib';
import { deeperThan, MAX_JSON_DEPTH } from '../../protocol/decode.ts';
import type { Scrubber } from '../scrub.ts';

/** Default cap on what a recorded response body keeps (decoded bytes). */
export const RECORDED_BODY_LIMIT = 256 * 1024;

export interface RecordedBody {
  response: unknown;
  responseIsBinary?: true;
  /** Set when the body was longer than the cap: how many (decoded) bytes it had. */
  responseCut?: { bytes: number; kept: number };
}

const CODECS: Record<string, { decode: (b: Buffer) => Buffer; encode: (b: Buffer) => Buffer }> = {
  gzip: { decode: gunzipSync, encode: gzipSync },
  'x-gzip': { decode: gunzipSync, encode: gzipSync },
  deflate: { decode: inflateSync, encode: deflateSync },
  br: { decode: brotliDecompressSync, encode: brotliCompressSync },
};

export function recordedBody(body: Buffer, headers: Record<string, string>, s: Scrubber, limit = RECORDED_BODY_LIMIT): RecordedBody {
  const codings = (headers['content-encoding'] ?? '').toLowerCase().split(',').map((c) => c.trim()).filter((c) => c !== '' && c !== 'identity');
  if (codings.length > 0) {
    let plain = body;
    try {
      // Applied in order, so undone in reverse.
      for (const c of [...codings].reverse()) plain = (CODECS[c] ?? fail(c)).decode(plain);
    } catch {
      // Not what it says it is: the bytes themselves, scrubbed, as a plain binary body.
      return { ...binary(body, s, limit) };
    }
    const { bytes, cut } = capped(scrubBytes(plain, s), limit);
    let encoded = bytes;
    for (const c of codings) encoded = CODECS[c].encode(encoded);
    return { response: [encoded.toString('hex')], ...(cut ? { responseCut: cut } : {}) };
  }
  if (!isUtf8(body)) return binary(body, s, limit);
  const { bytes, cut } = capped(body, limit);
  // A cut can land inside a multi-byte character: the text then ends at the last whole one.
  const text = s.text(bytes.toString('utf8').replace(/\uFFFD$/, ''));
  if (cut) return { response: text, responseCut: cut };
  try {
    const json = JSON.parse(text) as unknown;
    if (!deeperThan(json, MAX_JSON_DEPTH)) return { response: s.value(json) };
  } catch { /* not JSON: the text */ }
  return { response: text };
}

function binary(body: Buffer, s: Scrubber, limit: number): RecordedBody {
  const { bytes, cut } = capped(scrubBytes(body, s), limit);
  return { response: bytes.toString('hex'), responseIsBinary: true, ...(cut ? { responseCut: cut } : {}) };
}

/** latin1 maps each byte to one character and back: secrets (ASCII) are found and replaced, other bytes kept. */
const scrubBytes = (b: Buffer, s: Scrubber): Buffer => Buffer.from(s.text(b.toString('latin1')), 'latin1');

const capped = (b: Buffer, limit: number): { bytes: Buffer; cut?: { bytes: number; kept: number } } =>
  (b.length <= limit ? { bytes: b } : { bytes: b.subarray(0, limit), cut: { bytes: b.length, kept: limit } });

const fail = (coding: string): never => { throw new Error(`unknown content-encoding ${coding}`); };
