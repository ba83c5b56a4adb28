// Scrubbing: nothing secret reaches disk, in any encoding. Applied to every recorded exchange before it is written
// and to every Outcome a target hands the run (so reports, fixtures and console lines are clean too, even when a
// target echoes the Authorization header or the session token back in an error message).
//   - headers by name, and JSON keys by name: authorization, x-amz-security-token, x-amz-date, cookies,
//     aws_secret_access_key, aws_session_token, … → `<scrubbed>`;
//   - by pattern, values nobody told us about: a whole `AWS4-HMAC-SHA256 Credential=…` value; `Credential=…`,
//     `Signature=…`, `X-Amz-Security-Token=…` (header and presigned-query forms); whatever follows a secret's
//     label (`X-Amz-Security-Token: …`, `"authorization":"…"`, `aws_secret_access_key = …`);
//   - the credentials in use wherever they appear: plain, URL-encoded, hex, base64 (every alignment), and any
//     piece of them of FRAGMENT_MIN characters or more (a token cut in half by a truncated body still goes).
// Values are walked iteratively: a body nested deeper than any stack is scrubbed like a flat one.
// Unreadable bodies: a target keeps the whole body text on the Outcome (keepFullBody) and scrubOutcomes cuts the
// excerpt only AFTER scrubbing it, so the cut can never split a secret into pieces that no longer match.

import { EXCERPT_CHARS } from '../protocol/decode.ts';
import type { Outcome } from '../contract/outcome.ts';
import { FAKE_CREDENTIALS } from '../protocol/sigv4.ts';
import type { SendWrapper } from './target.ts';

export const SCRUBBED = '<scrubbed>';

/** Header names whose values never reach disk. */
export const SECRET_HEADERS: ReadonlySet<string> = new Set([
  'authorization', 'proxy-authorization', 'x-amz-security-token', 'x-amz-date', 'cookie', 'set-cookie',
]);

/** JSON keys (lower-cased, `-` for `_`) whose string value is a secret whatever it is. */
const SECRET_KEYS: ReadonlySet<string> = new Set([
  'authorization', 'proxy-authorization', 'x-amz-security-token', 'cookie', 'set-cookie', 'x-amz-signature',
  'x-amz-credential', 'aws-secret-access-key', 'aws-session-token', 'secretaccesskey', 'sessiontoken', 'secret-access-key', 'session-token',
]);

// A whole Authorization value, wherever it is quoted (an echoing target, an error message): gone entirely.
const SIGV4_AUTHORIZATION = /AWS4-HMAC-SHA256\s+Credential=[^\s,]*(?:,\s*SignedHeaders=[^\s,]*)?(?:,\s*Signature=[0-9a-fA-F]*)?/g;
// `Credential=AKID/20261122/us-east-1/svc/aws4_request`, `Signature=ab12…`, and the query-string forms.
const SIGV4_PARTS = /\b((?:X-Amz-)?(?:Credential|Signature|Security-Token))=[^\s,&"';]*/gi;
// What follows a secret's label, quoted or not, JSON-escaped or not: `Name: v`, `"name":"v"`, `name = v`.
const LABELLED = /\b(x-amz-security-token|proxy-authorization|authorization|aws_secret_access_key|aws_session_token|aws_access_key_id|set-cookie|cookie)((?:\\?["'])?[ \t]*[:=][ \t]*(?:\\?["'])?)((?:(?:Bearer|Basic|AWS4-HMAC-SHA256)[ \t]+)?[^\s"'\\,;&<>]+)/gi;
// A value this short could be part of anything: scrubbed where it is a whole value, not inside other text.
const MIN_SUBSTRING = 8;
/** Pieces of a known secret this long or longer are scrubbed wherever they appear (a cut token). */
export const FRAGMENT_MIN = 18;
// Fragments are found through GRAM-character windows of the secrets, probed every STRIDE characters of the text:
// any common piece of GRAM + STRIDE - 1 = FRAGMENT_MIN characters holds one probe.
const GRAM = 12;
const STRIDE = FRAGMENT_MIN - GRAM + 1;
// The characters secrets and their encodings are made of (base64, base64url, hex, URL-encoding): A-Z a-z 0-9 + / = % _ -.
// Every label the three patterns above start from, for one quick test before running them.
const LABELS = /credential|signature|security-token|authorization|aws_s|aws_access|cookie/i;
/** Remembered scrub results: how many, and how long a string may be to be remembered. */
const SEEN_MAX = 4096;
const SEEN_MAX_CHARS = 48;
const isTokenChar = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 43 || c === 47 || c === 61 || c === 37 || c === 95 || c === 45;

export interface Scrubber {
  /** Adds credentials to scrub (a credential provider may hand out new ones during the run). */
  addSecrets(...secrets: Array<string | undefined>): void;
  text(value: string): string;
  /** Deep copy with every string and key scrubbed (iterative: any depth). */
  value<T>(value: T): T;
  /** `value` itself when scrubbing would change nothing in it (the usual answer: no copy), else `value(value)`. */
  unlessClean<T>(value: T): T;
  /** Header map: secret header names scrubbed whole, the rest like any text. */
  headers<H extends Record<string, unknown>>(headers: H): H;
  /** Scrubs `full` and cuts the result to `chars`: a secret cannot be split by the cut. */
  excerpt(full: string, chars?: number): string;
}

/** The forms a secret can take on the wire or on disk. */
function formsOf(secret: string): string[] {
  const forms = [secret, encodeURIComponent(secret)];
  if (secret.length >= FRAGMENT_MIN) {
    const bytes = Buffer.from(secret, 'utf8');
    forms.push(bytes.toString('hex'), bytes.toString('hex').toUpperCase());
    // In a larger base64 text the secret starts at any byte offset: the groups wholly inside it, per alignment.
    for (let k = 0; k < 3; k++) {
      const whole = bytes.subarray(k, k + Math.floor((bytes.length - k) / 3) * 3);
      forms.push(whole.toString('base64'), whole.toString('base64url'));
    }
  }
  return forms;
}

export function createScrubber(secrets: Array<string | undefined> = []): Scrubber {
  const exact = new Set<string>();
  let long: string[] = [];
  const grams = new Set<string>();
  // The first two characters of every gram (token characters are ASCII): most probes stop here, without a slice.
  const starts = new Uint8Array(1 << 16);
  let longest = 0;

  const addSecrets = (...more: Array<string | undefined>) => {
    let added = false;
    for (const s of more) {
      if (typeof s !== 'string' || s === '' || exact.has(s)) continue;
      for (const form of new Set(formsOf(s))) {
        exact.add(form);
        added = true;
        longest = Math.max(longest, form.length);
        if (form.length >= MIN_SUBSTRING) long.push(form);
        if (form.length >= FRAGMENT_MIN) {
          for (let i = 0; i + GRAM <= form.length; i++) {
            grams.add(form.slice(i, i + GRAM));
            starts[((form.charCodeAt(i) & 0xff) << 8) | (form.charCodeAt(i + 1) & 0xff)] = 1;
          }
        }
      }
    }
    // Longest first, so a secret containing another is replaced whole.
    if (added) {
      long = [...new Set(long)].sort((a, b) => b.length - a.length);
      seen = new Map();
    }
  };

  /** Any run of token characters holding a piece of a known secret goes whole. A scan, not a regex: a run of
   * ten million characters (a 10 MB body) would overflow the regex engine's backtracking stack. */
  const fragments = (s: string): string => {
    if (grams.size === 0 || s.length < FRAGMENT_MIN) return s;
    let out = '';
    let copied = 0;
    for (let i = 0; i < s.length;) {
      if (!isTokenChar(s.charCodeAt(i))) { i++; continue; }
      let end = i + 1;
      while (end < s.length && isTokenChar(s.charCodeAt(end))) end++;
      if (end - i >= FRAGMENT_MIN && holdsGram(s, i, end)) {
        out += s.slice(copied, i) + SCRUBBED;
        copied = end;
      }
      i = end;
    }
    return copied === 0 ? s : out + s.slice(copied);
  };
  const holdsGram = (s: string, from: number, to: number): boolean => {
    const probe = (p: number) => starts[((s.charCodeAt(p) & 0xff) << 8) | (s.charCodeAt(p + 1) & 0xff)] === 1 && grams.has(s.slice(p, p + GRAM));
    for (let p = from; p + GRAM <= to; p += STRIDE) if (probe(p)) return true;
    return probe(to - GRAM); // the last window too: a piece at the very end of the run
  };

  // Most strings a run meets again and again (header values, codes, messages) are clean: remembered, so each
  // costs one lookup. Bounded, and forgotten whenever a secret is added (a clean string may not be any more).
  let seen = new Map<string, string>();
  const text = (s: string): string => {
    if (exact.has(s)) return SCRUBBED;
    if (s.length > SEEN_MAX_CHARS) return scrub(s);
    let out = seen.get(s);
    if (out === undefined) {
      if (seen.size >= SEEN_MAX) seen = new Map();
      seen.set(s, (out = scrub(s)));
    }
    return out;
  };
  const scrub = (s: string): string => {
    let out = LABELS.test(s) ? s.replace(SIGV4_AUTHORIZATION, SCRUBBED)
      .replace(SIGV4_PARTS, (_m, name: string) => `${name}=${SCRUBBED}`)
      .replace(LABELLED, (m, name: string, sep: string, v: string) => (v === SCRUBBED || v.startsWith('<') ? m : `${name}${sep}${SCRUBBED}`)) : s;
    for (const secret of long) if (out.includes(secret)) out = out.split(secret).join(SCRUBBED);
    return fragments(out);
  };

  const value = <T>(v: T): T => deep(v, text) as T;
  // The hot path (every Outcome of a run): a value nothing in which changes is handed on as it is, no copy.
  const unlessClean = <T>(v: T): T => (clean(v, text) ? v : deep(v, text) as T);

  const headers = <H extends Record<string, unknown>>(h: H): H => {
    // Copied only when something in it changes: a clean header map is handed on as it is.
    let dirty = false;
    for (const name in h) {
      if (!Object.hasOwn(h, name)) continue;
      const v = h[name];
      if (text(name) !== name || (SECRET_HEADERS.has(name.toLowerCase()) ? v !== SCRUBBED : !clean(v, text))) { dirty = true; break; }
    }
    if (!dirty) return h;
    const out: Record<string, unknown> = {};
    for (const [name, v] of Object.entries(h)) out[text(name)] = SECRET_HEADERS.has(name.toLowerCase()) ? SCRUBBED : value(v);
    return out as H;
  };

  const excerpt = (full: string, chars = EXCERPT_CHARS): string => {
    // Scrubbing shortens the text: look far enough ahead that what ends up in the first `chars` was scrubbed whole.
    const window = full.length <= chars ? full : full.slice(0, 4 * (chars + longest + 64));
    const clean = text(window);
    return clean.length <= chars ? clean : clean.slice(0, chars);
  };

  addSecrets(...secrets);
  return { addSecrets, text, value, unlessClean, headers, excerpt };
}

const isSecretKey = (k: string): boolean => SECRET_KEYS.has(k.toLowerCase().replace(/_/g, '-'));

/** Whether scrubbing `v` would change nothing (every string and key as it is). Iterative, like `deep`. */
function clean(v: unknown, text: (s: string) => string): boolean {
  const stack: unknown[] = [v];
  while (stack.length > 0) {
    const x = stack.pop();
    if (typeof x === 'string') {
      if (text(x) !== x) return false;
      continue;
    }
    if (x === null || typeof x !== 'object') continue;
    if (Array.isArray(x)) {
      for (let i = 0; i < x.length; i++) stack.push(x[i]);
      continue;
    }
    for (const k of Object.keys(x)) {
      const y = (x as Record<string, unknown>)[k];
      if (text(k) !== k || (typeof y === 'string' && y !== SCRUBBED && isSecretKey(k))) return false;
      stack.push(y);
    }
  }
  return true;
}

/** Iterative deep copy: no recursion, so no stack limit on how deep a target's body is nested. */
function deep(v: unknown, text: (s: string) => string): unknown {
  const stack: Array<[from: object, to: Record<string, unknown> | unknown[]]> = [];
  const copy = (x: unknown): unknown => {
    if (typeof x === 'string') return text(x);
    if (x === null || typeof x !== 'object') return x;
    const to: Record<string, unknown> | unknown[] = Array.isArray(x) ? [] : {};
    stack.push([x, to]);
    return to;
  };
  const root = copy(v);
  while (stack.length > 0) {
    const [from, to] = stack.pop() as [object, Record<string, unknown> | unknown[]];
    if (Array.isArray(from)) {
      for (let i = 0; i < from.length; i++) (to as unknown[])[i] = copy(from[i]);
      continue;
    }
    for (const [k, x] of Object.entries(from)) {
      const scrubbed = typeof x === 'string' && isSecretKey(k) ? SCRUBBED : copy(x);
      // defineProperty: a "__proto__" key stays a plain key, as JSON.parse made it.
      Object.defineProperty(to, text(k), { value: scrubbed, enumerable: true, writable: true, configurable: true });
    }
  }
  return root;
}

// The whole body text of an unreadable answer, kept beside its 512-character excerpt until scrubbing. An
// enumerable symbol: spread copies it, JSON.stringify and Object.entries never see it (it never reaches disk).
const FULL_BODY = Symbol('contract-fuzz.fullBody');
type WithFullBody = Outcome & { [FULL_BODY]?: string };

/** Called by targets right after decoding: keeps the body text an excerpt was cut from. */
export function keepFullBody(outcome: Outcome, bodyText: string): Outcome {
  if (outcome.bodyExcerpt !== undefined && bodyText.length > outcome.bodyExcerpt.length) (outcome as WithFullBody)[FULL_BODY] = bodyText;
  return outcome;
}

/** Nothing in the outcome changes when scrubbed: its headers (secret header names included) and every other member. */
function cleanOutcome(s: Scrubber, outcome: Outcome): boolean {
  if (s.headers(outcome.headers) !== outcome.headers) return false;
  for (const k in outcome) {
    if (k === 'headers') continue;
    const v = (outcome as unknown as Record<string, unknown>)[k];
    if (s.text(k) !== k || (typeof v === 'string' && v !== SCRUBBED && isSecretKey(k)) || s.unlessClean(v) !== v) return false;
  }
  return true;
}

/** Outcomes handed to the run carry no secret: a target may echo the signature or the token in a message. */
export const scrubOutcomes = (s: Scrubber): SendWrapper => (send) => async (call, options) => {
  const outcome = await send(call, options);
  const full = (outcome as WithFullBody)[FULL_BODY];
  // The usual answer holds nothing to scrub and no full body text: handed on as it is, no copy.
  if (full === undefined && cleanOutcome(s, outcome)) return outcome;
  // The full body text stays behind (rest leaves the symbol out): only its scrubbed excerpt goes on.
  const { [FULL_BODY]: _full, headers, ...rest } = outcome as WithFullBody;
  const out: Outcome = { ...s.value(rest), headers: s.headers(headers) };
  if (full !== undefined && out.bodyExcerpt !== undefined) out.bodyExcerpt = s.excerpt(full);
  return out;
};

/** The secrets a run may hold: the fake key and whatever the environment's credentials are. */
export const runScrubber = (): Scrubber => createScrubber([
  FAKE_CREDENTIALS.accessKeyId, FAKE_CREDENTIALS.secretAccessKey,
  process.env.AWS_ACCESS_KEY_ID, process.env.AWS_SECRET_ACCESS_KEY, process.env.AWS_SESSION_TOKEN,
]);
