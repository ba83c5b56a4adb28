// Shared helpers for the emulator's end-to-end tests: a tiny awsJson client over real loopback HTTP
// (undici, the same library the harness uses) and the model's compiled output schemas.
import { request } from 'undici';
import { loadServiceModel } from '../../src/model/load.ts';
import { compileFor } from '../../src/schema/index.ts';

export const CM = 'Route53AutoNaming_v20170314';
export const PROTON = 'AwsProton20200720';
export const CT_11 = 'application/x-amz-json-1.1';
export const CT_10 = 'application/x-amz-json-1.0';

export interface Reply {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON body (undefined when it does not parse). */
  body: any;
  text: string;
  /** X-Amzn-ErrorType, when set. */
  code?: string;
  message?: string;
}

export interface SendOptions {
  contentType?: string | null;
  /** Raw body text instead of JSON.stringify(input). */
  raw?: string;
  headers?: Record<string, string>;
}

export async function send(url: string, target: string | null, input: unknown, o: SendOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...o.headers };
  if (target !== null) headers['x-amz-target'] = target;
  if (o.contentType !== null) headers['content-type'] = o.contentType ?? (target?.startsWith(PROTON) ? CT_10 : CT_11);
  const res = await request(url, { method: 'POST', headers, body: o.raw ?? JSON.stringify(input) });
  const text = await res.body.text();
  let body: any;
  try { body = JSON.parse(text); } catch { body = undefined; }
  const flat: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers)) flat[k] = Array.isArray(v) ? v.join(', ') : String(v);
  return {
    status: res.statusCode, headers: flat, body, text,
    code: flat['x-amzn-errortype'], message: body?.message ?? body?.Message,
  };
}

export const cloudMap = (url: string, op: string, input: unknown, o?: SendOptions) => send(url, `${CM}.${op}`, input, o);
export const proton = (url: string, op: string, input: unknown, o?: SendOptions) => send(url, `${PROTON}.${op}`, input, o);
export const emulatorOp = (url: string, op: string, input: unknown) => send(url, `ContractFuzzEmulator.${op}`, input);

/** True when `body` satisfies the model's output shape of `service`'s `operation`; else the ajv errors. */
export function outputErrors(service: 'servicediscovery' | 'proton', operation: string, body: unknown): unknown[] {
  const v = compileFor(loadServiceModel(service), operation, 'output').validate;
  return v(body) ? [] : [...(v.errors ?? [])];
}

/** Polls GetOperation until it leaves SUBMITTED/PENDING (bounded: at most `tries` polls). */
export async function waitForOperation(url: string, operationId: string, tries = 500): Promise<any> {
  for (let i = 0; i < tries; i++) {
    const r = await cloudMap(url, 'GetOperation', { OperationId: operationId });
    if (r.status !== 200) throw new Error(`GetOperation ${r.status} ${r.text}`);
    const status = r.body.Operation.Status;
    if (status !== 'SUBMITTED' && status !== 'PENDING') return r.body.Operation;
    await new Promise((done) => setTimeout(done, 5));
  }
  throw new Error(`operation ${operationId} did not complete after ${tries} polls`);
}

export function ok(r: Reply): any {
  if (r.status !== 200) throw new Error(`expected 200, got ${r.status} ${r.text}`);
  return r.body;
}
