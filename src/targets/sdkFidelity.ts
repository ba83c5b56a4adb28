// Whether the body an AWS SDK serialized says what the case says. A case the SDK cannot send faithfully is
// a client limitation, not a target's fault: the SDK target skips it (throws CaseSkipped before anything is
// sent) and the run counts the skip per operation and reason (report.json `run.skipped`).
//
// Seen (issue 7 §4): @aws-sdk/client-proton and @aws-sdk/client-servicediscovery serialize an explicit
// `null` idempotency token as `"clientToken":}` / `"CreatorRequestId":}` (malformed JSON), and drop null
// list entries (`"tags":[null]` goes out as `"tags":[]`). Faithful: a top-level `null` member sent as absent
// (awsJson treats a null structure member as not set) or filled in by the SDK (idempotency tokens).
import { isObject } from '../contract/json.ts';

/** A case the SDK target did not send; `reason` names the SDK and what it could not serialize. */
export class CaseSkipped extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'CaseSkipped';
  }
}


function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => same(x, b[i]));
  }
  if (!isObject(a) || !isObject(b)) return false;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && same(a[k], b[k]));
}

/** Why `body` (the SDK's serialization of `input`) is not faithful to it, or undefined when it is. */
export function unfaithful(input: unknown, body: string | undefined): string | undefined {
  if (!isObject(input) || body === undefined) return undefined; // non-object inputs never reach an SDK target
  let sent: unknown;
  try {
    sent = JSON.parse(body);
  } catch {
    // Name the member the SDK choked on when one stands out (an explicit null is the known case).
    const nulls = Object.keys(input).filter((k) => input[k] === null);
    return nulls.length > 0 ? `serializes ${nulls.map((k) => `${k}: null`).join(', ')} as malformed JSON` : 'serializes this input as malformed JSON';
  }
  if (!isObject(sent)) return 'serializes this input as a body that is not a JSON object';
  for (const k of Object.keys(input)) {
    const v = input[k];
    if (v === undefined) continue;
    if (v === null) {
      if (Object.hasOwn(sent, k) && sent[k] !== null && !isFilled(k, sent[k])) return `sends ${k}: null as ${JSON.stringify(sent[k])}`;
      continue;
    }
    // Unknown members (generated names) are what an SDK drops: one stable reason, not one per name.
    if (!Object.hasOwn(sent, k)) return 'drops members it does not model';
    if (!same(v, sent[k])) return `changes ${k}`;
  }
  return undefined;
}

// An idempotency token the SDK generates in place of a null/absent one: a string (a UUID).
const isFilled = (_member: string, value: unknown): boolean => typeof value === 'string';
