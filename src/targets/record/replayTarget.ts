// The `replay:FILE` target: answers each Call from a recording, without a socket. A call is matched on
// (X-Amz-Target, body as nock normalizes it); identical calls get the recorded answers in the order they were
// recorded (a poll that said PENDING, then SUCCESS), each answer used once, as a nock interceptor would be.
// A call the recording does not hold (or holds fewer times) → transport {failure:'other', message:'not in
// recording'}. Matching directly instead of through nock keeps replay free of process-wide interception: it works
// beside other targets (`--diff builtin replay:FILE`), concurrently, and a missing call can never reach a network.
import { isUtf8 } from 'node:buffer';
import { loadServiceModel } from '../../model/load.ts';
import { encodeRequest, type Endpoint } from '../../protocol/codec.ts';
import { decodeResponse } from '../../protocol/decode.ts';
import type { Outcome } from '../../contract/outcome.ts';
import { resolveProfile, type ProfileName, type ResponseProfile } from '../../protocol/profiles.ts';
import { HarnessError } from '../../errors.ts';
import { callLabel, wantCallLabels } from '../callLabel.ts';
import { keepFullBody } from '../scrub.ts';
import type { Send, Target } from '../target.ts';
import { exchangeKey, nockBody, readRecordings, type RecordedExchange, type Recording } from './recording.ts';

export interface RecordingTargetOptions {
  profile?: ProfileName | ResponseProfile;
  modelsDir?: string;
}

export interface RecordingTarget extends Target {
  /** The run tag the recording was made with: a run replaying it must name its prerequisites the same way. */
  readonly runTag: string;
  /** Recorded answers not asked for yet. */
  remaining(): number;
  /** What the recorded run was: its seed and operations (a run with another seed asks for calls it never made). */
  readonly recorded: RecordedRun;
}

export interface RecordedRun { seeds: number[]; operations: string[] }

export const NOT_IN_RECORDING = 'not in recording';

/** `path`: a recording file, or a folder of recordings of one run; or recordings already read. */
export function createRecordingTarget(path: string | Recording[], options: RecordingTargetOptions = {}): RecordingTarget {
  wantCallLabels();
  const recordings = typeof path === 'string' ? readRecordings(path) : path;
  const tags = [...new Set(recordings.map((r) => r.runTag))];
  if (tags.length !== 1) {
    throw new HarnessError('CF_ERR_FIXTURE', `${typeof path === 'string' ? path : 'the recordings'} hold${tags.length ? ' recordings of different runs' : ' no recording'}: replay one run's files`);
  }
  const profile = resolveProfile(options.profile);
  const answers = new Map<string, RecordedExchange[]>();
  for (const r of recordings) {
    for (const x of r.exchanges) {
      const key = exchangeKey(x.reqheaders['x-amz-target'] ?? '', x.body);
      const list = answers.get(key);
      if (list) list.push(x);
      else answers.set(key, [x]);
    }
  }
  const endpoints = new Map<string, Endpoint>();
  const endpointOf = (service: string): Endpoint => {
    let e = endpoints.get(service);
    if (e === undefined) endpoints.set(service, (e = loadServiceModel(service, options.modelsDir)));
    return e;
  };

  const send: Send = async (call) => {
    const endpoint = endpointOf(call.service); // no model for the service: the harness cannot work (throws)
    let key: string;
    try {
      const wire = encodeRequest(endpoint, call, 'replay');
      key = exchangeKey(wire.headers['x-amz-target'], nockBody(wire.body));
    } catch (e) {
      // What the live targets answer for input JSON cannot represent; it never reached the wire, so it is not recorded.
      return failure(`cannot encode the request: ${(e as Error).message}`);
    }
    const x = take(answers.get(key), callLabel());
    if (x === undefined) return failure(NOT_IN_RECORDING);
    const bytes = responseBytes(x);
    const text = typeof bytes === 'string' ? bytes : bytes.toString('utf8');
    const invalidUtf8 = typeof bytes !== 'string' && !isUtf8(bytes);
    return keepFullBody(decodeResponse({ status: x.status, headers: { ...x.rawHeaders }, bodyText: text, latencyMs: 0, operation: call.operation, invalidUtf8 }, profile), text);
  };

  const name = typeof path === 'string' ? `replay:${path}` : 'replay';
  return {
    name,
    runTag: tags[0],
    recorded: { seeds: [...new Set(recordings.map((r) => r.seed))], operations: [...new Set(recordings.map((r) => r.operation))] },
    send,
    remaining: () => [...answers.values()].reduce((n, l) => n + l.length, 0),
    close: async () => undefined,
  };
}

/** The first answer recorded for this flow; else the first one no flow claims (a recording without labels; a flow
 * whose calls timing decided, such as a population sweep); else the first one left. Another flow's answer is taken
 * last: that flow may still ask for it, and would get this call's answer instead. Used answers leave the list. */
function take(list: RecordedExchange[] | undefined, call: string | undefined): RecordedExchange | undefined {
  if (list === undefined || list.length === 0) return undefined;
  let i = call === undefined ? -1 : list.findIndex((x) => x.call === call);
  if (i < 0) i = list.findIndex((x) => x.call === undefined);
  return list.splice(i < 0 ? 0 : i, 1)[0];
}

const failure = (message: string): Outcome => ({ status: 0, headers: {}, latencyMs: 0, transport: { failure: 'other', message } });

/** The body text the live run saw: nock's hex forms (a binary body; content-encoded chunks) back to bytes first. */
function responseBytes(x: RecordedExchange): Buffer | string {
  if (x.response === undefined || x.response === '') return '';
  if (Array.isArray(x.response) && x.response.every((c) => typeof c === 'string')) return Buffer.from((x.response as string[]).join(''), 'hex');
  if (typeof x.response !== 'string') return JSON.stringify(x.response);
  return x.responseIsBinary ? Buffer.from(x.response, 'hex') : x.response;
}
