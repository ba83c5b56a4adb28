// awsJson response decoding: status, headers and body text → Outcome. Never throws: a body that cannot be
// read as the protocol says (empty, HTML, truncated or other non-JSON) still gives an Outcome, flagged with
// `bodyProblem` and a short `bodyExcerpt`. Like the AWS SDKs, it parses the body whatever the Content-Type
// says; a wrong Content-Type is a protocol finding (src/checks/contentType.ts), not an unreadable body. No I/O.
import type { BodyProblem, Outcome } from '../contract/outcome.ts';
import { resolveProfile, type Interpretation, type ProfileName, type ResponseProfile } from './profiles.ts';

export interface RawResponse {
  status: number;
  /** Response headers; names are lower-cased here if they are not already. */
  headers: Record<string, string>;
  bodyText: string;
  latencyMs: number;
  /** Operation the request was for; envelope profiles map codes per operation. */
  operation?: string;
  /** The body bytes were not valid UTF-8 (the transport knows; bodyText holds replacement characters). */
  invalidUtf8?: boolean;
}

export const EXCERPT_CHARS = 512;
/** Deeper JSON is not walked by anything (scrub, checks, ajv, report writing): AWS outputs nest a few levels. */
export const MAX_JSON_DEPTH = 100;

const UPPER = /[A-Z]/;

export function decodeResponse(raw: RawResponse, profile: ProfileName | ResponseProfile = 'aws-json'): Outcome {
  const headers = lowerCaseHeaders(raw.headers);
  const text = typeof raw.bodyText === 'string' ? raw.bodyText : '';
  const contentType = headers['content-type'];
  let json: unknown;
  let problem: BodyProblem | undefined;
  if (text.length === 0) {
    problem = 'empty';
  } else {
    try {
      json = JSON.parse(text);
      // Nesting deeper than the limit takes more brackets than a shorter text holds: no walk for those.
      if (text.length > 2 * MAX_JSON_DEPTH && openersAbove(text, MAX_JSON_DEPTH) && deeperThan(json, MAX_JSON_DEPTH)) {
        json = undefined;
        problem = 'too-deep';
      }
    } catch {
      problem = unparseable(text, contentType);
    }
  }
  let it: Interpretation;
  const resolved = resolveProfile(profile);
  try {
    it = resolved.interpret(raw.status, headers, json, raw.operation);
  } catch {
    it = { body: json }; // a custom profile failing must not take the run down
  }
  const outcome: Outcome = { status: raw.status, headers, latencyMs: raw.latencyMs, body: it.body };
  if (resolved.name !== 'aws-json') outcome.profile = resolved.name;
  if (it.code !== undefined) outcome.code = it.code;
  if (it.rawCode !== undefined) outcome.rawCode = it.rawCode;
  if (it.errorClass !== undefined) outcome.errorClass = it.errorClass;
  if (it.message !== undefined) outcome.message = it.message;
  if (raw.invalidUtf8 === true) outcome.invalidUtf8 = true;
  if (problem !== undefined) {
    outcome.bodyProblem = problem;
    outcome.bodyExcerpt = excerpt(text);
  }
  return outcome;
}

export const excerpt = (text: string): string => (text.length <= EXCERPT_CHARS ? text : text.slice(0, EXCERPT_CHARS));

function lowerCaseHeaders(headers: Record<string, string> | undefined): Record<string, string> {
  if (headers === undefined || headers === null) return {};
  for (const name in headers) {
    if (UPPER.test(name) || typeof headers[name] !== 'string') return rebuild(headers);
  }
  return headers;
}

function rebuild(headers: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) {
    const v = headers[name];
    if (v === undefined) continue;
    const key = name.toLowerCase();
    const value = Array.isArray(v) ? v.join(', ') : String(v);
    out[key] = out[key] === undefined ? value : `${out[key]}, ${value}`;
  }
  return out;
}

/** More than `limit` opening brackets in `text` (strings included): fewer cannot nest `limit` deep, and counting
 * them allocates nothing, where the walk makes an entry per container of every answer. */
function openersAbove(text: string, limit: number): boolean {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c === 123 /* { */ || c === 91 /* [ */) && ++n > limit) return true;
  }
  return false;
}

/** Iterative, stops early: true when some value sits more than `limit` containers deep. */
export function deeperThan(v: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[v, 0]];
  while (stack.length > 0) {
    const [x, depth] = stack.pop() as [unknown, number];
    if (x === null || typeof x !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Array.isArray(x) ? x : Object.values(x)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

/** Why a non-empty body did not parse: HTML, JSON cut off before its end, or anything else. */
function unparseable(text: string, contentType: string | undefined): BodyProblem {
  let i = 0;
  while (i < text.length && (text.charCodeAt(i) <= 32 || text.charCodeAt(i) === 0xfeff)) i++;
  const first = text[i];
  if ((contentType !== undefined && /html/i.test(contentType)) || first === '<') return 'html';
  if ((first === '{' || first === '[') && endsInsideValue(text, i)) return 'truncated';
  return 'non-json';
}

/** True when a JSON-looking text ends with a string or a bracket still open (the tail is missing). */
function endsInsideValue(text: string, from: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) {
      if (--depth < 0) return false;
      if (depth === 0) return false; // the top-level value closed: whatever is wrong, nothing is missing
    }
  }
  return inString || depth > 0;
}
