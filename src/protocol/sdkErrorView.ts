// What each SDK makes of one error response: its rules (sdkErrorRules.ts) applied to status, headers and
// the parsed body. Pure.
import { SDK_ERROR_RULES, type CodeSource, type SanitizeStep, type SdkErrorRule, type SdkId } from './sdkErrorRules.ts';

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

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function step(code: string, s: SanitizeStep): string {
  switch (s) {
    case 'before-first-comma': return code.split(',', 1)[0]!;
    case 'before-first-colon': return code.split(':', 1)[0]!;
    case 'segment-after-first-hash': return code.includes('#') ? code.split('#')[1]! : code;
    case 'after-last-hash': return code.includes('#') ? code.slice(code.lastIndexOf('#') + 1) : code;
    case 'after-first-hash-unless-last': {
      const hash = code.indexOf('#');
      return hash >= 0 && hash + 1 < code.length ? code.slice(hash + 1) : code;
    }
  }
}

/** The raw value at a source (strings as they are, numbers as text); undefined when absent or unusable. */
function rawAt(source: CodeSource, r: ErrorResponse): { value: string; from: string } | undefined {
  const text = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
  if (source.from === 'status') return { value: String(r.status), from: 'HTTP status' };
  if (source.from === 'header') {
    const name = Object.keys(r.headers).find((k) => k.toLowerCase() === source.name);
    const value = name === undefined ? undefined : text(r.headers[name]);
    return value === undefined ? undefined : { value, from: `header ${source.name}` };
  }
  if (!isObject(r.body)) return undefined;
  const body = r.body;
  const key = source.anyCase ? Object.keys(body).find((k) => k.toLowerCase() === source.key.toLowerCase()) : Object.hasOwn(body, source.key) ? source.key : undefined;
  const value = key === undefined ? undefined : text(body[key]);
  return value === undefined ? undefined : { value, from: `body ${key}` };
}

/** The code one SDK reads from a response. */
export function sdkErrorCode(rule: SdkErrorRule, r: ErrorResponse): SdkView {
  for (const read of rule.code) {
    const raw = rawAt(read.source, r);
    if (raw === undefined) continue;
    return { sdk: rule.id, code: read.sanitize.reduce(step, raw.value), from: raw.from };
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
