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

/** Maximal runs of characters `ok` accepts, at least `min` long. A scan: a regex quantifier overflows on megabyte runs. */
function runs(text: string, ok: (c: number) => boolean, min: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length;) {
    if (!ok(text.charCodeAt(i))) { i++; continue; }
    let end = i + 1;
    while (end < text.length && ok(text.charCodeAt(end))) end++;
    if (end - i >= min) out.push(text.slice(i, end));
    i = end;
  }
  return out;
}
const isHex = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
const isBase64 = (c: number): boolean => isHex(c) || (c >= 71 && c <= 90) || (c >= 103 && c <= 122) || c === 43 || c === 47 || c === 95 || c === 45 || c === 61;

/** Every text a file or stream may hide a secret in: itself, its hex and base64 runs decoded, gzip/deflate/br inflated. */
export function decodedForms(text: string): string[] {
  const out = [text];
  const bytes: Buffer[] = [];
  for (const run of runs(text, isHex, 32)) for (let k = 0; k < 2; k++) bytes.push(Buffer.from(run.slice(k, run.length - ((run.length - k) % 2)), 'hex'));
  for (const run of runs(text, isBase64, 24)) for (let k = 0; k < 4; k++) bytes.push(Buffer.from(run.slice(k), 'base64'));
  for (const b of bytes) {
    out.push(b.toString('latin1'));
    for (const inflate of [gunzipSync, inflateSync, brotliDecompressSync]) {
      try { out.push(inflate(b).toString('latin1')); } catch { /* not that encoding */ }
    }
  }
  return out;
}

const GRAM = 12;
const STRIDE = FRAGMENT - GRAM + 1; // any common piece of FRAGMENT characters holds a probe

/** The first `FRAGMENT`-char piece of any secret found in the text or its decoded forms, with which secret. */
export function findFragment(text: string, secrets: Record<string, string>): string | undefined {
  const grams = new Map<string, Array<[string, number]>>();
  for (const [name, secret] of Object.entries(secrets)) {
    for (let i = 0; i + GRAM <= secret.length; i++) {
      const g = secret.slice(i, i + GRAM);
      grams.set(g, [...(grams.get(g) ?? []), [name, i]]);
    }
  }
  for (const form of decodedForms(text)) {
    for (let p = 0; p + GRAM <= form.length; p += STRIDE) {
      for (const [name, i] of grams.get(form.slice(p, p + GRAM)) ?? []) {
        // Extend the probe both ways while text and secret agree.
        const secret = secrets[name];
        let a = 0;
        while (p - a - 1 >= 0 && i - a - 1 >= 0 && form[p - a - 1] === secret[i - a - 1]) a++;
        let b = GRAM;
        while (p + b < form.length && i + b < secret.length && form[p + b] === secret[i + b]) b++;
        if (a + b >= FRAGMENT) return `${name}[${i - a}…${i + b}]`;
      }
    }
  }
  return undefined;
}
