// Generated cases name placeholder prerequisites ("srv-a-srv", "svc-main"); each target has its own real
// ones. Binding swaps them in, in the payload and the context, right before a case is judged and sent,
// and puts the run nonce into what the case creates (instance ids, names, idempotency tokens).
import type { Case } from '../contract/case.ts';
import type { OracleContext } from '../contract/context.ts';
import { profileOf } from '../profiles/index.ts';
import { applyToLiteral, type RunNonce } from './nonce.ts';
import { isObject } from '../contract/json.ts';

export interface Binding {
  /** placeholder Cloud Map ServiceId → real ServiceId */
  serviceIds: Map<string, string>;
  /** placeholder Proton serviceName → real serviceName */
  serviceNames: Map<string, string>;
  /** This run's nonce (absent: cases are sent as generated). */
  nonce?: RunNonce;
}

export const emptyBinding = (): Binding => ({ serviceIds: new Map(), serviceNames: new Map() });

/** Members naming what a case creates or the token its result is bound to: the run nonce goes into them (the profile's). */
const nonceMembers = (operation: string): readonly string[] => profileOf(operation).nonceMembers;


function nonceInput(operation: string, input: Record<string, unknown>, nonce: RunNonce | undefined): Record<string, unknown> {
  const members = nonceMembers(operation);
  if (!nonce) return input;
  let out: Record<string, unknown> | undefined;
  for (const m of members) {
    const v = input[m];
    if (typeof v === 'string') (out ??= { ...input })[m] = nonce.apply(v);
  }
  return out ?? input;
}

const LITERAL = /"(?:[^"\\]|\\.)*"/g;
const decode = (literal: string): unknown => { try { return JSON.parse(literal); } catch { return undefined; } };

/** The nonce in a raw body: every string literal that is the value of a nonce member (`"InstanceId" : "…"`). */
function nonceRaw(operation: string, raw: string, nonce: RunNonce | undefined): string {
  const members = nonceMembers(operation);
  if (!nonce) return raw;
  let previous: { key: unknown; end: number } | undefined;
  return raw.replace(LITERAL, (literal, offset: number) => {
    const isValueOf = previous !== undefined && /^\s*:\s*$/.test(raw.slice(previous.end, offset)) && members.includes(previous.key as string);
    previous = { key: decode(literal), end: offset + literal.length };
    return isValueOf ? applyToLiteral(literal, nonce) : literal;
  });
}

/**
 * Pairs of (as sent → as the seed made it) for the strings of one bound case: reports and fixtures write
 * the seed's form, so two runs with one seed write the same files whatever their nonce and target ids.
 */
export function maskPairs(sent: Case, unbound: Case, b: Binding): Array<[string, string]> {
  const pairs = bindingPairs(b);
  const members = nonceMembers(unbound.operation);
  if (isObject(sent.input) && isObject(unbound.input)) {
    for (const m of members) {
      const [s, u] = [sent.input[m], unbound.input[m]];
      if (typeof s === 'string' && typeof u === 'string' && s !== u) pairs.push([s, u]);
    }
  }
  return pairs;
}

/** The pairs every string of a run is masked with: the target's ids → placeholders, the nonce → `RUN`. */
export function bindingPairs(b: Binding): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const [placeholder, real] of b.serviceIds) pairs.push([real, placeholder]);
  for (const [placeholder, real] of b.serviceNames) pairs.push([real, placeholder]);
  if (b.nonce) pairs.push([b.nonce.tag, 'RUN']);
  return pairs;
}

// A plan's cases share their context object: bound once per context (and binding), not on every case. The
// ids are looked up every time, so a binding that learns an id later still binds it.
const boundContexts = new WeakMap<Binding, WeakMap<OracleContext, OracleContext>>();
function bindContext(ctx: OracleContext, b: Binding): OracleContext {
  const serviceId = ctx.cloudMap ? b.serviceIds.get(ctx.cloudMap.serviceId) ?? ctx.cloudMap.serviceId : undefined;
  const serviceName = ctx.proton ? b.serviceNames.get(ctx.proton.serviceName) ?? ctx.proton.serviceName : undefined;
  let byContext = boundContexts.get(b);
  if (byContext === undefined) boundContexts.set(b, (byContext = new WeakMap()));
  const known = byContext.get(ctx);
  if (known !== undefined && known.cloudMap?.serviceId === serviceId && known.proton?.serviceName === serviceName) return known;
  const out: OracleContext = { ...ctx };
  if (ctx.cloudMap) out.cloudMap = { ...ctx.cloudMap, serviceId: serviceId! };
  if (ctx.proton) out.proton = { ...ctx.proton, serviceName: serviceName! };
  byContext.set(ctx, out);
  return out;
}

/** Placeholders inside a raw body: every JSON string literal whose value is a placeholder, however it is
 * escaped, becomes the real id (the raw text around it, odd whitespace and escapes included, stays). */
function bindRaw(raw: string, b: Binding): string {
  if (b.serviceIds.size === 0 && b.serviceNames.size === 0) return raw;
  return raw.replace(/"(?:[^"\\]|\\.)*"/g, (literal) => {
    let value: unknown;
    try { value = JSON.parse(literal); } catch { return literal; }
    const real = typeof value === 'string' ? b.serviceIds.get(value) ?? b.serviceNames.get(value) : undefined;
    return real === undefined ? literal : JSON.stringify(real);
  });
}

export function bindCase(c: Case, b: Binding): Case {
  // The profile names the member holding the prerequisite (an unknown operation is a coded error there). A
  // profile without one (derived from the model) sends its placeholders as they are: the oracle accepts their
  // not-found answer (the profile marks it inferred).
  const reference = profileOf(c.operation).reference;
  if (c.rawBody !== undefined) {
    // The input a raw body was written from gets the same treatment: a valid raw body is that input.
    const { rawBody: _raw, ...plain } = c;
    const input = isObject(c.input) ? bindCase(plain, b).input : c.input;
    return { ...c, input, rawBody: nonceRaw(c.operation, bindRaw(c.rawBody, b), b.nonce), context: bindContext(c.context, b) };
  }
  if (!isObject(c.input)) return { ...c, context: bindContext(c.context, b) };
  // The nonce, then the real prerequisite id: one copy of the input for both (none when neither applies).
  let input = nonceInput(c.operation, c.input, b.nonce);
  if (reference) {
    const v = input[reference.member];
    const real = typeof v === 'string' ? b[reference.binding].get(v) : undefined;
    if (real !== undefined) {
      if (input === c.input) input = { ...input };
      input[reference.member] = real;
    }
  }
  return { ...c, input, context: bindContext(c.context, b) };
}
