// The recording transport: the very transport `run` uses (so a reset, a bad chunk or a stall is classified the same
// under record and run), with every answered exchange handed on as nock's recorder would describe it. Capturing
// here instead of through nock's recorder: its interceptor holds back every socket event until it has read the
// whole body, so a body that never ends (a reset mid-body, a bad chunk) hung each request until the timeout.
import type { ExchangeRequest, ExchangeResponse, WireTransport } from '../exchange.ts';
import { callLabel } from '../callLabel.ts';
import { nockBody } from './recording.ts';

/** One answered exchange, raw: the request as sent and the response bytes as received. */
export interface CapturedExchange {
  scope: string;
  request: ExchangeRequest;
  response: ExchangeResponse;
  /** The run's flow that sent it, when known. */
  call?: string;
}

export function capturing(inner: WireTransport, scope: string, onExchange: (x: CapturedExchange) => void): WireTransport {
  return {
    async exchange(request, limits) {
      const r = await inner.exchange(request, limits);
      const call = callLabel();
      if (r.ok && request.method === 'POST') onExchange({ scope, request, response: r, ...(call !== undefined ? { call } : {}) });
      return r;
    },
    close: () => inner.close(),
  };
}

/** Request headers as the recording keeps them: lower-cased names, no user agent (nock's recorder drops it too). */
export function requestHeaders(request: ExchangeRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, v] of Object.entries(request.headers)) if (name.toLowerCase() !== 'user-agent') out[name.toLowerCase()] = v;
  return out;
}

export const requestBody = (request: ExchangeRequest): unknown => nockBody(request.body ?? '');
