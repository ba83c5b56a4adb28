// awsJson 1.0/1.1 request encoding: a plain WireRequest, no I/O (the protocol never sends).
import type { ServiceModel } from '../contract/model.ts';
import type { Call } from '../contract/call.ts';
import type { WireRequest } from '../contract/outcome.ts';

/** What the codec needs of a service model; tests and targets may inject it without loading models. */
export type Endpoint = Pick<ServiceModel, 'protocol' | 'targetPrefix'>;
/** What a signed target needs: the codec's part plus the SigV4 signing name. */
export type SignedEndpoint = Pick<ServiceModel, 'protocol' | 'targetPrefix' | 'signingName'>;

export const CONTENT_TYPES: Readonly<Record<ServiceModel['protocol'], string>> = {
  awsJson1_0: 'application/x-amz-json-1.0',
  awsJson1_1: 'application/x-amz-json-1.1',
};

/**
 * `POST /` with Content-Type, X-Amz-Target and Host; the body is `call.rawBody` verbatim when set, `{}` for
 * undefined input, else JSON. Throws a TypeError only for input JSON cannot represent (BigInt, cycles).
 */
export function encodeRequest(endpoint: Endpoint, call: Call, host: string): WireRequest {
  const contentType = CONTENT_TYPES[endpoint.protocol];
  if (contentType === undefined) throw new TypeError(`unsupported protocol ${String(endpoint.protocol)}`);
  return {
    method: 'POST',
    path: '/',
    headers: {
      host,
      'content-type': contentType,
      'x-amz-target': `${endpoint.targetPrefix}.${call.operation}`,
    },
    body: call.rawBody ?? jsonBody(call.input),
  };
}

// JSON.stringify yields undefined (not a string) for undefined, functions and symbols: send `{}` then.
const jsonBody = (input: unknown): string => (input === undefined ? '{}' : (JSON.stringify(input) as string | undefined) ?? '{}');
