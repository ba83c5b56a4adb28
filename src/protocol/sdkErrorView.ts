// What each SDK makes of one error response: its rules (sdkErrorRules.ts) applied to status, headers and
// the parsed body. Pure.
import { SDK_ERROR_RULES, type CodeSource, type SanitizeStep, type SdkErrorRule, type SdkId } from './sdkErrorRules.ts';
import { isObject } from '../contract/json.ts';

export interface ErrorResponse {
  status: number;
  /** Lower-cased or not: header names are matched ignoring case, as every SDK does. */
  headers: Record<string, string>;
  /** The parsed JSON body (only an object carries a code). */
  body?: unknown;
}

export interface SdkView {
  sdk: SdkId;
  /** The code the SDK arrives at; undefined when it finds none. */
  code: string | undefined;
  /** Where it found it: `header x-amzn-errortype`, `body __type`, `HTTP status`. */
  from?: string;
}


// indexOf and slice rather than split: the same strings, without an array per step (runs on every error answer).
function step(code: string, s: SanitizeStep): string {
  switch (s) {
    case 'before-first-comma': return before(code, ',');
    case 'before-first-colon': return before(code, ':');
    case 'segment-after-first-hash': {
      const hash = code.indexOf('#');
      if (hash < 0) return code;
      const next = code.indexOf('#', hash + 1);
      return code.slice(hash + 1, next < 0 ? code.length : next);
    }
    case 'after-last-hash': return code.includes('#') ? code.slice(code.lastIndexOf('#') + 1) : code;
    case 'after-first-hash-unless-last': {
      const hash = code.indexOf('#');
      return hash >= 0 && hash + 1 < code.length ? code.slice(hash + 1) : code;
    }
  }
}
/** `code.split(sep, 1)[0]`. */
const before = (code: string, sep: string): string => {
  const at = code.indexOf(sep);
  return at < 0 ? code : code.slice(0, at);
};

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
/** The first key of `o` (in Object.keys order) equal to `lower` ignoring case; no array of keys made. */
function keyIgnoringCase(o: Record<string, unknown>, lower: string): string | undefined {
  for (const k in o) if (Object.hasOwn(o, k) && k.toLowerCase() === lower) return k;
  return undefined;
}
const HEADER_FROM = new Map<string, string>();
const BODY_FROM = new Map<string, string>();
/** `prefix + name`, made once per name (the same few on every error answer). */
const label = (made: Map<string, string>, prefix: string, name: string): string => {
  let l = made.get(name);
  if (l === undefined) made.set(name, (l = `${prefix}${name}`));
  return l;
};

/** The raw value at a source (strings as they are, numbers as text) and where it was found; undefined when
 * absent or unusable. The place goes to `found.from` (one object per SDK view, not one per read). */
function rawAt(source: CodeSource, r: ErrorResponse, found: { from: string }): string | undefined {
  if (source.from === 'status') {
    found.from = 'HTTP status';
    return String(r.status);
  }
  if (source.from === 'header') {
    const name = keyIgnoringCase(r.headers, source.name);
    const value = name === undefined ? undefined : text(r.headers[name]);
    if (value !== undefined) found.from = label(HEADER_FROM, 'header ', source.name);
    return value;
  }
  if (!isObject(r.body)) return undefined;
  const body = r.body;
  const key = source.anyCase ? keyIgnoringCase(body, source.key.toLowerCase()) : Object.hasOwn(body, source.key) ? source.key : undefined;
  const value = key === undefined ? undefined : text(body[key]);
  if (value !== undefined) found.from = label(BODY_FROM, 'body ', key!);
  return value;
}

/** The code one SDK reads from a response. */
export function sdkErrorCode(rule: SdkErrorRule, r: ErrorResponse): SdkView {
  const view: SdkView = { sdk: rule.id, code: undefined, from: '' };
  for (const read of rule.code) {
    const raw = rawAt(read.source, r, view as { from: string });
    if (raw === undefined) continue;
    let code = raw;
    for (const s of read.sanitize) code = step(code, s);
    view.code = code;
    return view;
  }
  return { sdk: rule.id, code: undefined };
}

/** What every SDK reads, in SDK_ERROR_RULES order. */
export const sdkErrorViews = (r: ErrorResponse, rules: readonly SdkErrorRule[] = SDK_ERROR_RULES): SdkView[] =>
  rules.map((rule) => sdkErrorCode(rule, r));

/** The body key an SDK takes the message from, or undefined. */
export function sdkMessageKey(rule: SdkErrorRule, body: unknown): string | undefined {
  if (!isObject(body)) return undefined;
  return rule.messageKeys.find((k) => typeof body[k] === 'string');
}
