// `contract-fuzz record`: a normal run (executeRun: same cases, checks and reports) whose HTTP transport hands every
// answered exchange to the recording as it comes (capture.ts); each is scrubbed in every encoding, capped, and
// spooled to disk at once (spool.ts); at the end the spool is written as one nock-definition file per operation.
// Secrets never reach disk: exchanges are scrubbed before they are spooled, and every Outcome is scrubbed before
// the run sees it (reports, fixtures and console lines cannot carry what a target echoed back).
import { startEmulator, type RunningEmulator } from '../emulator/index.ts';
import { HarnessError } from '../errors.ts';
import { FAKE_CREDENTIALS, type CredentialSource } from '../protocol/sigv4.ts';
import type { RunOptions } from './options.ts';
import { executeRun, type RunIO, type RunResult } from './run.ts';
import { resolveChainCredentials } from '../targets/credentials.ts';
import { assertReachable, createHttpTarget, createUndiciTransport } from '../targets/http.ts';
import { parseTargetUrl } from '../targets/httpUrl.ts';
import { assertTargetAllowed, type OpenOptions, type OpenTarget } from '../targets/open.ts';
import { wrap, type SendWrapper } from '../targets/target.ts';
import { TOOL } from '../version.ts';
import { capturing, requestBody, requestHeaders, type CapturedExchange } from '../targets/record/capture.ts';
import { RECORDED_BODY_LIMIT, recordedBody } from '../targets/record/recordedBody.ts';
import { operationsByPrefix, type RecordedExchange } from '../targets/record/recording.ts';
import { createSpool } from '../targets/record/spool.ts';
import { createScrubber, scrubOutcomes, type Scrubber } from '../targets/scrub.ts';

/** fake: the obviously fake AKIDEXAMPLE key (local emulators); env: AWS_ACCESS_KEY_ID/…; chain: the AWS chain. */
export type CredentialMode = 'fake' | 'env' | 'chain';

export interface RecordOptions extends RunOptions {
  /** Where `<Operation>-<seed>.json` files go. */
  out: string;
  credentials: CredentialMode;
  /** Most bytes a recorded response body keeps (default RECORDED_BODY_LIMIT); the file says when one was cut. */
  bodyLimitBytes?: number;
}

export interface RecordedFile { file: string; operation: string; exchanges: number }
export interface RecordResult extends RunResult { files: RecordedFile[] }

export const DEFAULT_RECORD_DIR = 'fixtures/recorded';

/** `extra.wrappers`: `send => send` wrappers around the recording target (outermost first), after scrubbing. */
export async function recordRun(o: RecordOptions, signal: AbortSignal, io: RunIO, extra: { wrappers?: SendWrapper[] } = {}): Promise<RecordResult> {
  if (o.diff !== undefined) throw new HarnessError('CF_ERR_USAGE', 'record takes one target: --diff is not supported');
  if (o.target !== 'builtin') parseTargetUrl(checkSpec(o.target));
  // Before credentials are looked up or anything is sent: only loopback targets go without an opt-in.
  assertTargetAllowed(o.target, o);
  const scrub = createScrubber();
  const credentials = await credentialsFor(o.credentials, scrub);
  const limit = o.bodyLimitBytes ?? RECORDED_BODY_LIMIT;
  const byPrefix = operationsByPrefix();
  const spool = createSpool();
  let runTag: string | undefined;

  const record = (c: CapturedExchange) => {
    const amzTarget = c.request.headers['x-amz-target'] ?? '';
    const operation = byPrefix.get(amzTarget.slice(0, amzTarget.lastIndexOf('.')));
    if (operation === undefined || !o.operations.includes(operation)) return;
    spool.add(operation, recordedExchange(c, scrub, limit));
  };

  const open = async (spec: string, oo: OpenOptions): Promise<OpenTarget> => {
    let emulator: RunningEmulator | undefined;
    let url = spec;
    if (spec === 'builtin') {
      emulator = await startEmulator({ port: 0, host: '127.0.0.1', operationDelayMs: oo.operationDelayMs ?? 5 });
      url = emulator.url;
    } else {
      await assertReachable(spec, { timeoutMs: Math.min(oo.timeoutMs, 5_000) }); // not a POST: not recorded
    }
    const origin = new URL(url).origin;
    const transport = capturing(createUndiciTransport(origin, oo.concurrency, oo.timeoutMs), origin, record);
    const target = createHttpTarget({ url, region: oo.region, credentials, timeoutMs: oo.timeoutMs, concurrency: oo.concurrency, transport, ...(oo.profile ? { profile: oo.profile } : {}) });
    // Same names as `run` would choose: from the seed on a fresh emulator, plus time on a target that keeps state.
    runTag = `${(o.seed >>> 0).toString(36)}${spec === 'builtin' ? '' : Date.now().toString(36).slice(-5)}`;
    const sending = wrap(target, ...(extra.wrappers ?? []), scrubOutcomes(scrub));
    return {
      ...sending, name: spec === 'builtin' ? 'builtin' : target.name, isAws: false, runTag,
      close: async () => { await target.close(); await emulator?.close(); },
    };
  };

  let files: RecordedFile[] = [];
  let result: RunResult;
  try {
    result = await executeRun(o, signal, io, { openTarget: open });
    if (runTag !== undefined) {
      files = await spool.write(o.out, {
        recordingVersion: 1, target: o.target, seed: o.seed, runTag, tool: { name: TOOL.name, version: TOOL.version }, bodyLimitBytes: limit,
      }, o.operations);
    }
  } finally {
    spool.discard();
  }
  for (const f of files) io.write(`recorded ${f.exchanges} exchange(s) of ${f.operation}: ${f.file}\n`);
  if (files.length === 0) io.writeErr('contract-fuzz: record: no exchange was recorded\n');
  return { ...result, files };
}

/** One captured exchange as the recording keeps it: nock's recorder's shape, scrubbed, its body capped. */
export function recordedExchange(c: CapturedExchange, s: Scrubber, limit = RECORDED_BODY_LIMIT): RecordedExchange {
  const body = recordedBody(c.response.body, c.response.headers, s, limit);
  // A cut body has another length now: a replay must not wait for the original one.
  const { 'content-length': _length, ...uncut } = c.response.headers;
  const headers = body.responseCut ? uncut : c.response.headers;
  return scrubExchange({
    scope: c.scope, method: c.request.method, path: c.request.path, body: requestBody(c.request), status: c.response.status,
    response: body.response, rawHeaders: headers, reqheaders: requestHeaders(c.request),
    ...(body.responseIsBinary ? { responseIsBinary: true } : {}), ...(body.responseCut ? { responseCut: body.responseCut } : {}),
    ...(c.call !== undefined ? { call: c.call } : {}),
  }, s);
}

export const scrubExchange = (x: RecordedExchange, s: Scrubber): RecordedExchange => ({
  ...s.value({ ...x, reqheaders: {}, rawHeaders: {} }),
  reqheaders: s.headers(x.reqheaders ?? {}),
  rawHeaders: s.headers(x.rawHeaders ?? {}),
});

function checkSpec(spec: string): string {
  if (/^(?:sdk\+|replay:|aws$)/.test(spec)) {
    throw new HarnessError('CF_ERR_USAGE', `record --target takes http(s)://HOST:PORT or builtin, got '${spec.slice(0, 80)}'`);
  }
  return spec;
}

async function credentialsFor(mode: CredentialMode, scrub: Scrubber): Promise<CredentialSource> {
  if (mode === 'fake') {
    scrub.addSecrets(FAKE_CREDENTIALS.accessKeyId, FAKE_CREDENTIALS.secretAccessKey);
    return FAKE_CREDENTIALS;
  }
  if (mode === 'env') {
    const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_SESSION_TOKEN: sessionToken } = process.env;
    if (!accessKeyId || !secretAccessKey) {
      throw new HarnessError('CF_ERR_CONFIG', '--credentials env needs AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary credentials)');
    }
    scrub.addSecrets(accessKeyId, secretAccessKey, sessionToken);
    return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
  }
  const provider = await resolveChainCredentials();
  // Whatever the chain hands out (refreshed credentials too) is scrubbed from then on.
  return async () => {
    const c = await provider();
    scrub.addSecrets(c.accessKeyId, c.secretAccessKey, c.sessionToken);
    return c;
  };
}
