// The SDK error views are read on every error answer, so they are computed without key arrays or splits
// (src/protocol/sdkErrorView.ts). This pins them to the straightforward reading they replaced: the first key
// equal ignoring case in Object.keys order, `split` for the cuts, and the most-read modelled code with ties to
// the SDK listed first. Random answers lean on what the rules look at: case variants of the header and of
// `code`, and codes full of the separators the sanitize steps cut at.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SDK_ERROR_RULES, type CodeSource, type SanitizeStep, type SdkErrorRule } from '../../src/protocol/sdkErrorRules.ts';
import { sdkErrorViews, type ErrorResponse, type SdkView } from '../../src/protocol/sdkErrorView.ts';

function stepBefore(code: string, s: SanitizeStep): string {
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
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
function rawBefore(source: CodeSource, r: ErrorResponse): { value: string; from: string } | undefined {
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
function viewBefore(rule: SdkErrorRule, r: ErrorResponse): SdkView {
  for (const read of rule.code) {
    const raw = rawBefore(read.source, r);
    if (raw === undefined) continue;
    return { sdk: rule.id, code: read.sanitize.reduce(stepBefore, raw.value), from: raw.from };
  }
  return { sdk: rule.id, code: undefined };
}

const separated = fc.array(fc.constantFrom('Foo', 'aws.ns', '#', ':', ',', 'Error', 'http://x/', ''), { maxLength: 6 }).map((parts) => parts.join(''));
const caseOf = (name: string) => fc.array(fc.boolean(), { minLength: name.length, maxLength: name.length })
  .map((up) => [...name].map((ch, i) => (up[i] ? ch.toUpperCase() : ch)).join(''));
const value = fc.oneof(separated, fc.integer({ min: -5, max: 600 }), fc.constant(null), fc.boolean());
const members = (names: readonly string[]) => fc.array(fc.tuple(fc.oneof(...names.map(caseOf), fc.string({ maxLength: 4 })), value), { maxLength: 5 })
  .map((entries) => Object.fromEntries(entries));
const response: fc.Arbitrary<ErrorResponse> = fc.record({
  status: fc.integer({ min: 300, max: 599 }),
  headers: members(['x-amzn-errortype', 'content-type']).map((h) => Object.fromEntries(Object.entries(h).filter(([, v]) => typeof v === 'string')) as Record<string, string>),
  body: fc.oneof(members(['__type', 'code', 'message']), fc.constant(undefined), fc.constant([]), separated),
});

describe('sdkErrorViews reads what the plain reading reads', () => {
  it('same code and place for every SDK, on random error answers', () => {
    fc.assert(fc.property(response, (r) => {
      expect(sdkErrorViews(r)).toEqual(SDK_ERROR_RULES.map((rule) => viewBefore(rule, r)));
    }), { numRuns: 2000 });
  });

  it('cuts at the separators the way split does', () => {
    const r: ErrorResponse = { status: 400, headers: { 'X-Amzn-ErrorType': 'aws.ns#Foo#Bar:http://x/,more' }, body: { CODE: 'a#b#c', __type: 'ns#Name:extra' } };
    expect(sdkErrorViews(r)).toEqual(SDK_ERROR_RULES.map((rule) => viewBefore(rule, r)));
  });
});
