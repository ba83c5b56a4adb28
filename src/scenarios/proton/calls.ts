// Proton calls the scenarios send (specs are the prepared base spec plus a YAML comment naming the variant,
// checked with the reference validator once), and reading service instances back.
import { HarnessError } from '../../errors.ts';
import { expect } from '../../oracle/index.ts';
import type { Outcome } from '../../contract/outcome.ts';
import type { Call } from '../../contract/call.ts';
import type { ProtonPrepared } from '../types.ts';

const SERVICE = 'proton';
export const DEFAULT_SPEC = 'proton: ServiceSpec\n';
export const VARIANTS = 3;

export const specFor = (p: ProtonPrepared, v: number): string => {
  const base = p.spec ?? DEFAULT_SPEC;
  return `${base}${base.endsWith('\n') ? '' : '\n'}# contract-fuzz variant ${v}\n`;
};

export interface CreateParams {
  name: string;
  variant: number;
  token?: string;
  /** Send the prepared template versions (when the prepared service names them). */
  versions?: boolean;
}

export function create(p: ProtonPrepared, c: CreateParams): Call {
  const input: Record<string, unknown> = { name: c.name, serviceName: p.serviceName, spec: specFor(p, c.variant) };
  if (c.token !== undefined) input.clientToken = c.token;
  if (c.versions && p.templateMajorVersion !== undefined) input.templateMajorVersion = p.templateMajorVersion;
  if (c.versions && p.templateMinorVersion !== undefined) input.templateMinorVersion = p.templateMinorVersion;
  return { service: SERVICE, operation: 'CreateServiceInstance', input };
}

export const getServiceInstance = (serviceName: string, name: string): Call =>
  ({ service: SERVICE, operation: 'GetServiceInstance', input: { serviceName, name } });

/** `serviceInstance` of a create or get answer. */
export function instanceOf(o: Outcome): Record<string, unknown> | undefined {
  const body = o.body as { serviceInstance?: unknown } | undefined;
  const i = body?.serviceInstance;
  return i !== null && typeof i === 'object' && !Array.isArray(i) ? (i as Record<string, unknown>) : undefined;
}

/** Members of `fields` where `b` differs from `a` ("" when none), e.g. `arn "x" (was "y")`. */
export function differs(a: Record<string, unknown>, b: Record<string, unknown> | undefined, fields: readonly string[]): string {
  if (!b) return 'no serviceInstance';
  return fields.filter((f) => a[f] !== b[f]).map((f) => `${f} ${JSON.stringify(b[f]) ?? '(absent)'} (was ${JSON.stringify(a[f]) ?? '(absent)'})`).join(', ');
}

/** Throws CF_ERR_PREREQUISITE when the contract would refuse what the scenarios create in `p`. */
export function checkPrepared(p: ProtonPrepared): void {
  for (let v = 0; v < VARIANTS; v++) {
    const input = create(p, { name: 'cfcheck', variant: v, token: 'cf-check', versions: true }).input;
    const e = expect('CreateServiceInstance', input, { proton: { serviceName: p.serviceName, serviceExists: true } });
    if (e.outcome === 'error') {
      throw new HarnessError('CF_ERR_PREREQUISITE', `idempotency scenarios cannot create instances in service ${p.serviceName}: ${e.violations[0]?.constraint ?? e.codes[0]} (${e.message})`);
    }
  }
}
