// Scrubbing: nothing secret reaches disk. Applied to every recorded exchange before it is written and to every
// Outcome the recording target hands the run (so reports, fixtures and console lines are clean too, even when a
// target echoes the Authorization header or the session token back in an error message).
//   - headers by name: authorization, x-amz-security-token, x-amz-date (and cookies) → `<scrubbed>`;
//   - SigV4 content anywhere: a whole `AWS4-HMAC-SHA256 Credential=…` value → `<scrubbed>`; `Credential=…`, `Signature=…`, `X-Amz-Credential=…`, `X-Amz-Signature=…`,
//     `X-Amz-Security-Token=…` (header and presigned-query forms) → `…=<scrubbed>`;
//   - the credentials in use (access key id, secret, session token; plain and URL-encoded), wherever they
//     appear in a string or an object key → `<scrubbed>`.

import { FAKE_CREDENTIALS } from '../protocol/sigv4.ts';
import type { SendWrapper } from './target.ts';

export const SCRUBBED = '<scrubbed>';

/** Header names whose values never reach disk. */
export const SECRET_HEADERS: ReadonlySet<string> = new Set([
  'authorization', 'proxy-authorization', 'x-amz-security-token', 'x-amz-date', 'cookie', 'set-cookie',
]);

// A whole Authorization value, wherever it is quoted (an echoing target, an error message): gone entirely.
const SIGV4_AUTHORIZATION = /AWS4-HMAC-SHA256\s+Credential=[^\s,]*(?:,\s*SignedHeaders=[^\s,]*)?(?:,\s*Signature=[0-9a-fA-F]*)?/g;
// `Credential=AKID/20261122/us-east-1/svc/aws4_request`, `Signature=ab12…`, and the query-string forms.
const SIGV4_PARTS = /\b((?:X-Amz-)?(?:Credential|Signature|Security-Token))=[^\s,&"';]*/gi;
// A value this short could be part of anything: scrubbed where it is a whole value, not inside other text.
const MIN_SUBSTRING = 8;

export interface Scrubber {
  /** Adds credentials to scrub (a credential provider may hand out new ones during the run). */
  addSecrets(...secrets: Array<string | undefined>): void;
  text(value: string): string;
  /** Deep copy with every string and key scrubbed. */
  value<T>(value: T): T;
  /** Header map: secret header names scrubbed whole, the rest like any text. */
  headers<H extends Record<string, unknown>>(headers: H): H;
}

export function createScrubber(secrets: Array<string | undefined> = []): Scrubber {
  const exact = new Set<string>();
  let long: string[] = [];

  const addSecrets = (...more: Array<string | undefined>) => {
    for (const s of more) {
      if (typeof s !== 'string' || s === '') continue;
      for (const form of new Set([s, encodeURIComponent(s)])) {
        exact.add(form);
        if (form.length >= MIN_SUBSTRING && !long.includes(form)) long.push(form);
      }
    }
    // Longest first, so a secret containing another is replaced whole.
    long = [...long].sort((a, b) => b.length - a.length);
  };

  const text = (s: string): string => {
    if (exact.has(s)) return SCRUBBED;
    let out = s.replace(SIGV4_AUTHORIZATION, SCRUBBED).replace(SIGV4_PARTS, (_m, name: string) => `${name}=${SCRUBBED}`);
    for (const secret of long) if (out.includes(secret)) out = out.split(secret).join(SCRUBBED);
    return out;
  };

  const value = <T>(v: T): T => deep(v, text) as T;

  const headers = <H extends Record<string, unknown>>(h: H): H => {
    const out: Record<string, unknown> = {};
    for (const [name, v] of Object.entries(h)) out[text(name)] = SECRET_HEADERS.has(name.toLowerCase()) ? SCRUBBED : value(v);
    return out as H;
  };

  addSecrets(...secrets);
  return { addSecrets, text, value, headers };
}

function deep(v: unknown, text: (s: string) => string): unknown {
  if (typeof v === 'string') return text(v);
  if (Array.isArray(v)) return v.map((x) => deep(x, text));
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      // defineProperty: a "__proto__" key stays a plain key, as JSON.parse made it.
      Object.defineProperty(out, text(k), { value: deep(x, text), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return v;
}

/** Outcomes handed to the run carry no secret: a target may echo the signature or the token in a message. */
export const scrubOutcomes = (s: Scrubber): SendWrapper => (send) => async (call, options) => {
  const outcome = await send(call, options);
  return { ...s.value({ ...outcome, headers: {} }), headers: s.headers(outcome.headers) };
};

/** The secrets a run may hold: the fake key and whatever the environment's credentials are. */
export const runScrubber = (): Scrubber => createScrubber([
  FAKE_CREDENTIALS.accessKeyId, FAKE_CREDENTIALS.secretAccessKey,
  process.env.AWS_ACCESS_KEY_ID, process.env.AWS_SECRET_ACCESS_KEY, process.env.AWS_SESSION_TOKEN,
]);
