// Cloud Map calls the scenarios send, the attributes they register (valid for the prepared service, checked
// with the reference validator once), and reading what the target reports back.
import type { ListingGuard } from '../../listingGuard.ts';
import { HarnessError } from '../../errors.ts';
import { needs } from '../../generate/cloudmap/service.ts';
import { expect } from '../../oracle/index.ts';
import type { CloudMapServiceConfig } from '../../contract/context.ts';
import type { Outcome } from '../../contract/outcome.ts';
import type { Call } from '../../contract/call.ts';
import { isOk, type Session } from '../session.ts';
import type { CloudMapPrepared } from '../types.ts';

const SERVICE = 'servicediscovery';
/** Attribute variants per run: enough to tell an update from a stale read. */
export const VARIANTS = 3;
const MAX_PAGES = 20;

export type Attributes = Record<string, string>;

/** Variant `v` of what an instance of this service registers: every value depends on `v`. */
export function attributesFor(config: CloudMapServiceConfig, v: number): Attributes {
  const n = needs(config);
  const a: Attributes = { 'cf-variant': `v${v}` };
  if (n.ipv4 || (n.address && !n.ipv6)) a.AWS_INSTANCE_IPV4 = `10.0.${v}.1`;
  if (n.ipv6) a.AWS_INSTANCE_IPV6 = `2001:db8::${v + 1}`;
  if (n.cname) a.AWS_INSTANCE_CNAME = `v${v}.example.com`;
  if (n.port) a.AWS_INSTANCE_PORT = String(8080 + v);
  return a;
}

/** Throws CF_ERR_PREREQUISITE when the contract would refuse what the scenarios register into `p`. */
export function checkPrepared(p: CloudMapPrepared): void {
  for (let v = 0; v < VARIANTS; v++) {
    const input = { ServiceId: p.serviceId, InstanceId: 'cf-check', CreatorRequestId: 'cf-check', Attributes: attributesFor(p.config, v) };
    const e = expect('RegisterInstance', input, { cloudMap: { serviceId: p.serviceId, service: p.config } });
    if (e.outcome === 'error') {
      throw new HarnessError('CF_ERR_PREREQUISITE', `idempotency scenarios cannot register into service ${p.serviceId}: ${e.violations[0]?.constraint ?? e.codes[0]} (${e.message})`);
    }
  }
}

export const register = (serviceId: string, instanceId: string, attributes: Attributes, token?: string): Call => ({
  service: SERVICE,
  operation: 'RegisterInstance',
  input: { ServiceId: serviceId, InstanceId: instanceId, ...(token === undefined ? {} : { CreatorRequestId: token }), Attributes: attributes },
});
export const getOperation = (operationId: string): Call => ({ service: SERVICE, operation: 'GetOperation', input: { OperationId: operationId } });
export const getInstance = (serviceId: string, instanceId: string): Call => ({ service: SERVICE, operation: 'GetInstance', input: { ServiceId: serviceId, InstanceId: instanceId } });
const listInstances = (serviceId: string, nextToken?: string): Call => ({
  service: SERVICE, operation: 'ListInstances', input: { ServiceId: serviceId, MaxResults: 100, ...(nextToken === undefined ? {} : { NextToken: nextToken }) },
});

const record = (v: unknown): Record<string, unknown> | undefined =>
  (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);

export const operationIdOf = (o: Outcome): string | undefined => {
  const id = record(o.body)?.OperationId;
  return typeof id === 'string' ? id : undefined;
};

/** The DuplicateOperationId a DuplicateRequest names, if any. */
export const duplicateOperationIdOf = (o: Outcome): string | undefined => {
  const id = record(o.body)?.DuplicateOperationId;
  return typeof id === 'string' ? id : undefined;
};

export const attributesOf = (v: unknown): Attributes | undefined => {
  const a = record(record(v)?.Attributes);
  return a && Object.values(a).every((x) => typeof x === 'string') ? (a as Attributes) : undefined;
};

/** The sent attributes the target shows differently ("" when it shows them all); `onlyShown`: absent ones are fine. */
export function attributeDiff(sent: Attributes, shown: Attributes | undefined, o: { onlyShown?: boolean } = {}): string {
  if (!shown) return o.onlyShown ? '' : 'no Attributes';
  const wrong = Object.keys(sent).filter((k) => shown[k] !== sent[k] && !(o.onlyShown && shown[k] === undefined));
  return wrong.map((k) => `${k}=${shown[k] === undefined ? '(absent)' : JSON.stringify(shown[k])} (sent ${JSON.stringify(sent[k])})`).join(', ');
}

export interface Listed {
  outcome: Outcome;
  /** Entries of the instance across every page. */
  entries: Record<string, unknown>[];
  /** Each page as sent and answered, when the caller records them itself (`deferRecording`). */
  pages: Array<[Call, Outcome]>;
}

/** Every ListInstances page (at most 20), keeping the entries of `instanceId`. Records each page, or leaves that to
 * the caller (`deferRecording`: sent alongside another read, the steps are recorded in issue order). */
export async function listed(s: Session, serviceId: string, instanceId: string, guard?: ListingGuard, deferRecording = false): Promise<Listed> {
  const go = () => walk(s, serviceId, instanceId, deferRecording);
  return guard ? guard.reading(serviceId, go) : go();
}

async function walk(s: Session, serviceId: string, instanceId: string, deferRecording: boolean): Promise<Listed> {
  const entries: Record<string, unknown>[] = [];
  const sent: Array<[Call, Outcome]> = [];
  let next: string | undefined;
  let outcome: Outcome;
  let pages = 0;
  do {
    const call = listInstances(serviceId, next);
    outcome = deferRecording ? await s.raw(call) : await s.send(call);
    if (deferRecording) sent.push([call, outcome]);
    if (!isOk(outcome)) return { outcome, entries, pages: sent };
    const body = record(outcome.body);
    const list = Array.isArray(body?.Instances) ? body.Instances : [];
    for (const i of list) if (record(i)?.Id === instanceId) entries.push(i as Record<string, unknown>);
    next = typeof body?.NextToken === 'string' && body.NextToken !== '' ? body.NextToken : undefined;
  } while (next !== undefined && ++pages < MAX_PAGES);
  return { outcome, entries, pages: sent };
}
