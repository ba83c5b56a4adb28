// Realistic temporary AWS credentials, made at run time (nothing key-shaped is committed): an STS session token
// of about 760 base64 characters with the usual `IQoJb3JpZ2lu…` start, an ASIA access key id, a 40-char secret.
// `fragments(text, secrets)` finds any 20+ character piece of a secret in a text, also after decoding the hex and
// base64 runs the text holds: what "no secret on disk in any encoding" is checked with.
import { randomBytes, randomInt } from 'node:crypto';
import { gunzipSync, inflateSync, brotliDecompressSync } from 'node:zlib';

export interface TemporaryCredentials { accessKeyId: string; secretAccessKey: string; sessionToken: string }

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function temporaryCredentials(tokenBytes = 570): TemporaryCredentials {
  const id = Array.from({ length: 16 }, () => UPPER_ALNUM[randomInt(UPPER_ALNUM.length)]).join('');
  return {
    accessKeyId: `ASIA${id}`,
    secretAccessKey: randomBytes(30).toString('base64'),
    sessionToken: Buffer.concat([Buffer.from([0x21, 0x0a, 0x09]), Buffer.from('origin_ec'), randomBytes(tokenBytes)]).toString('base64'),
  };
}

export const FRAGMENT = 20;

/** Every text a file or stream may hide a secret in: itself, its hex and base64 runs decoded, gzip/deflate/br inflated. */
export function decodedForms(text: string): string[] {
  const out = [text];
  const bytes: Buffer[] = [];
  for (const m of text.matchAll(/(?:[0-9a-fA-F]{2}){16,}/g)) bytes.push(Buffer.from(m[0], 'hex'));
  for (const m of text.matchAll(/[A-Za-z0-9+/_-]{24,}={0,2}/g)) {
    for (let k = 0; k < 4; k++) bytes.push(Buffer.from(m[0].slice(k), 'base64'));
  }
  for (const b of bytes) {
    out.push(b.toString('latin1'));
    for (const inflate of [gunzipSync, inflateSync, brotliDecompressSync]) {
      try { out.push(inflate(b).toString('latin1')); } catch { /* not that encoding */ }
    }
  }
  return out;
}

/** The first `FRAGMENT`-char piece of any secret found in the text or its decoded forms, with which secret. */
export function findFragment(text: string, secrets: Record<string, string>): string | undefined {
  const grams = new Map<string, string>();
  for (const [name, secret] of Object.entries(secrets)) {
    for (let i = 0; i + FRAGMENT <= secret.length; i++) grams.set(secret.slice(i, i + FRAGMENT), `${name}[${i}…${i + FRAGMENT}]`);
  }
  for (const form of decodedForms(text)) {
    // Secrets are base64/alphanumeric: only runs of those characters can hold a piece of one.
    for (const m of form.matchAll(/[A-Za-z0-9+/=]{20,}/g)) {
      for (let p = 0; p + FRAGMENT <= m[0].length; p++) {
        const hit = grams.get(m[0].slice(p, p + FRAGMENT));
        if (hit !== undefined) return hit;
      }
    }
  }
  return undefined;
}
