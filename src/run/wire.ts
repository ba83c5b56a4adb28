// A finding's wire exchange as report.json writes it (types.ts `WireExchange`), made only for the representative
// case of each group, never on the hot path: scrubbed by the run's scrubber (secret headers by name, every secret
// value by pattern and in every encoding), masked like the rest of the finding (nonce, the target's prerequisite
// ids), bodies cut at WIRE_BODY_MAX characters after scrubbing (a cut never splits a secret out of reach).
import type { WireExchange } from '../report/types.ts';
import type { Scrubber } from '../targets/scrub.ts';
import type { CapturedWire } from '../targets/wireCapture.ts';
import { maskPairs, type Binding } from './binding.ts';
import { BARE_MIN, maskText, type MaskPairs } from './mask.ts';
import type { Group } from './runner.ts';

/** Longest body kept per side (characters): the page stays attachable; `bodyLength` says how long it was. */
export const WIRE_BODY_MAX = 8 * 1024;
/** Headers whose values differ on every request (a timestamp, a request id): `<varies>`, so one seed writes one report. */
export const VOLATILE_HEADERS: ReadonlySet<string> = new Set([
  'date', 'x-amzn-requestid', 'x-amz-request-id', 'x-amz-id-2', 'x-amz-apigw-id', 'x-amzn-trace-id',
]);
export const VARIES = '<varies>';

export interface WireOptions {
  scrubber: Scrubber;
  pairs: MaskPairs;
  /** A target this run started on an ephemeral port (builtin): its `host` header says so instead of the port. */
  hostAs?: string;
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** maskText, and a short value (a one-letter name the nonce turned into another letter) also where it is a whole
 * ARN or path segment (`…/service-instance/h"`): a target's answer names what the case created there, unquoted. */
function maskWire(text: string, pairs: MaskPairs): string {
  let out = maskText(text, pairs);
  for (const [from, to] of pairs) {
    if (from === to || from === '' || from.length >= BARE_MIN || !out.includes(from)) continue;
    out = out.replace(new RegExp(`(?<=[/:])${escapeRe(from)}(?=["/:]|$)`, 'g'), to);
  }
  return out;
}

const lowerCased = (h: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));

function headersFor(raw: Record<string, string>, o: WireOptions, side: 'request' | 'response'): Record<string, string> {
  const out: Record<string, string> = {};
  // Secret header names first (`<scrubbed>` whole), then every value like any text.
  for (const [name, value] of Object.entries(o.scrubber.headers(lowerCased(raw)))) {
    out[name] = VOLATILE_HEADERS.has(name) ? VARIES : side === 'request' && name === 'host' && o.hostAs !== undefined ? o.hostAs : maskWire(String(value), o.pairs);
  }
  // A stable order: the same exchange is written the same way whatever order the headers came in.
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function bodyFor(text: string, o: WireOptions): { body: string; bodyLength: number } {
  const clean = maskWire(o.scrubber.text(text), o.pairs);
  // The length of the body as written before the cut (scrubbed and masked): longer than `body` exactly when cut.
  return { body: clean.length > WIRE_BODY_MAX ? clean.slice(0, WIRE_BODY_MAX) : clean, bodyLength: clean.length };
}

export function reportWire(w: CapturedWire, o: WireOptions, failure?: string): WireExchange {
  const request = { method: w.request.method, path: maskWire(o.scrubber.text(w.request.path), o.pairs), headers: headersFor(w.request.headers, o, 'request'), ...bodyFor(w.request.body, o) };
  if (w.response === undefined) return { request, ...(failure !== undefined ? { failure: maskWire(o.scrubber.text(failure), o.pairs) } : {}) };
  return { request, response: { status: w.response.status, headers: headersFor(w.response.headers, o, 'response'), ...bodyFor(w.response.bodyText, o) } };
}

/** The members a finding made from group `g` carries: its exchange, and for --diff the reference's. */
export function groupWire(g: Group, o: WireOptions & { referenceHostAs?: string }): { wire?: WireExchange; referenceWire?: WireExchange } {
  const { referenceHostAs, hostAs, ...common } = o;
  // No answer came back: the exchange says why (the discrepancy's one line), in place of a response.
  const failure = g.discrepancy.kind === 'transport' ? g.discrepancy.detail : undefined;
  return {
    ...(g.wire ? { wire: reportWire(g.wire, { ...common, ...(hostAs !== undefined ? { hostAs } : {}) }, failure) } : {}),
    ...(g.referenceWire ? { referenceWire: reportWire(g.referenceWire, { ...common, ...(referenceHostAs !== undefined ? { hostAs: referenceHostAs } : {}) }) } : {}),
  };
}

/** In a run: the group's exchange(s) with the run's scrubber, its bindings' mask pairs, and each target's host as named. */
export function findingWire(g: Group, opened: readonly { fresh?: boolean; name: string }[], prepared: readonly { binding: Binding }[], scrubber: Scrubber): ReturnType<typeof groupWire> {
  const pairs = prepared.flatMap((p) => maskPairs(g.sent, g.unbound, p.binding));
  // The wire is the candidate's (the last target opened); an emulator this run started has an ephemeral port.
  const hostOf = (t: { fresh?: boolean; name: string } | undefined) => (t?.fresh ? `<${t.name} emulator>` : undefined);
  const referenceHostAs = opened.length > 1 ? hostOf(opened[0]) : undefined;
  const hostAs = hostOf(opened[opened.length - 1]);
  return groupWire(g, { scrubber, pairs, ...(hostAs !== undefined ? { hostAs } : {}), ...(referenceHostAs !== undefined ? { referenceHostAs } : {}) });
}
