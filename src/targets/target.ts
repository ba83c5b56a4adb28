// A target is shaped like an undici dispatcher: one small contract, composed with `send => send` wrappers.
import type { Call } from '../contract/call.ts';
import type { Outcome } from '../contract/outcome.ts';

export interface SendOptions {
  signal?: AbortSignal;
  /** The caller scrubs what it keeps of the answer itself (src/targets/scrub.ts): no scrubbing on the way. */
  unscrubbed?: boolean;
  /** One of many independent cases: it may wait behind chained requests for a slot (src/targets/inFlightLimit.ts). */
  bulk?: boolean;
  /** One of a handful of requests a scenario races against each other: it goes into flight at once, past the
   * in-flight limit, since a race whose requests wait for slots one by one races nothing. */
  together?: boolean;
}

export type Send = (call: Call, options?: SendOptions) => Promise<Outcome>;

export interface Target {
  /** What to print and record: "builtin", "http://127.0.0.1:5000", "sdk+http://…", "aws". */
  readonly name: string;
  send: Send;
  close(): Promise<void>;
  /** What this target can send; absent means everything. SDK targets cannot send `rawBody` calls: skip them. */
  readonly supports?: { rawBody: boolean };
}

/** A wrapper adds one behaviour (retry, record, rate limit, fault injection) around any send. */
export type SendWrapper = (send: Send) => Send;

export const wrap = (target: Target, ...wrappers: SendWrapper[]): Target => ({
  name: target.name,
  ...(target.supports === undefined ? {} : { supports: target.supports }),
  send: wrappers.reduceRight<Send>((send, w) => w(send), target.send),
  close: () => target.close(),
});
