// Generated cases name placeholder prerequisites ("srv-a-srv", "svc-main"); each target has its own real
// ones. Binding swaps them in, in the payload and the context, right before a case is judged and sent.
import type { Case } from '../generate/case.ts';
import type { OracleContext } from '../oracle/context.ts';

export interface Binding {
  /** placeholder Cloud Map ServiceId → real ServiceId */
  serviceIds: Map<string, string>;
  /** placeholder Proton serviceName → real serviceName */
  serviceNames: Map<string, string>;
}

export const emptyBinding = (): Binding => ({ serviceIds: new Map(), serviceNames: new Map() });

function bindContext(ctx: OracleContext, b: Binding): OracleContext {
  const out: OracleContext = { ...ctx };
  if (ctx.cloudMap) out.cloudMap = { ...ctx.cloudMap, serviceId: b.serviceIds.get(ctx.cloudMap.serviceId) ?? ctx.cloudMap.serviceId };
  if (ctx.proton) out.proton = { ...ctx.proton, serviceName: b.serviceNames.get(ctx.proton.serviceName) ?? ctx.proton.serviceName };
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
  if (c.rawBody !== undefined) return { ...c, rawBody: bindRaw(c.rawBody, b), context: bindContext(c.context, b) };
  if (typeof c.input !== 'object' || c.input === null || Array.isArray(c.input)) return { ...c, context: bindContext(c.context, b) };
  const input = c.input as Record<string, unknown>;
  const swap = (member: string, map: Map<string, string>): Record<string, unknown> | undefined => {
    const v = input[member];
    const real = typeof v === 'string' ? map.get(v) : undefined;
    return real === undefined ? undefined : { ...input, [member]: real };
  };
  const bound = c.operation === 'RegisterInstance' ? swap('ServiceId', b.serviceIds)
    : c.operation === 'CreateServiceInstance' ? swap('serviceName', b.serviceNames) : undefined;
  return { ...c, input: bound ?? input, context: bindContext(c.context, b) };
}
