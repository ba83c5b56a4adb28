// `--target` / `--diff` specs → a ready Target: builtin | http(s)://HOST:PORT | sdk+http(s)://HOST:PORT | aws |
// replay:FILE (answers from a `contract-fuzz record` recording).
// Checks reachability at start-up, so an unreachable target is one clear line and exit code 2, not a run
// full of transport findings.
import { startEmulator } from '../emulator/index.ts';
import { isIPv4, isIPv6 } from 'node:net';
import { HarnessError } from '../errors.ts';
import type { ProfileName, ResponseProfile } from '../protocol/profiles.ts';
import { createRecordingTarget, type RecordedRun } from './record/replayTarget.ts';
import { createHttpTarget } from './http.ts';
import type { Target } from './target.ts';

export interface OpenOptions {
  region: string;
  timeoutMs: number;
  concurrency: number;
  profile?: ProfileName | ResponseProfile;
  /** Required for `aws` and any AWS endpoint URL: the user said so explicitly. */
  allowAws: boolean;
  /** Required for any other target that is not on this machine (not a loopback address). */
  allowRemote?: boolean;
  /** Builtin emulator: how long Cloud Map operations stay in progress. 0 (default): done before the next
   * request, so a run's answers, polls and shrinking do not depend on timing (same seed, same report). */
  operationDelayMs?: number;
  /** Do not wait for the reachability check: it is `reachable` on the target (a run checks it alongside its
   * preparation, one round trip less against a slow target). */
  deferProbe?: boolean;
}

export interface OpenTarget extends Target {
  /** True when the target is real AWS (cleanup matters, costs are real). */
  readonly isAws: boolean;
  /** True when this run started the target, so nothing it holds predates the run (the builtin emulator). */
  readonly fresh?: boolean;
  /** The credentials it signs with, current values: whatever writes to disk scrubs them. */
  secrets?(): Promise<Array<string | undefined>>;
  /** The run tag this target dictates (a recording answers only the names it was made with). */
  readonly runTag?: string;
  /** A recording: the run it answers (seed, operations). */
  readonly recorded?: RecordedRun;
  /** With `deferProbe`: the reachability check, rejecting with CF_ERR_TARGET_UNREACHABLE. */
  readonly reachable?: Promise<void>;
}

/** The check started now: awaited at once, or handed over to the caller (`deferProbe`). */
async function checked(probe: () => Promise<void>, o: OpenOptions, close: () => Promise<void>): Promise<{ reachable?: Promise<void> }> {
  if (o.deferProbe) {
    const reachable = probe();
    reachable.catch(() => undefined); // the caller awaits it; until then a rejection is not unhandled
    return { reachable };
  }
  try {
    await probe();
  } catch (e) {
    await close();
    throw e;
  }
  return {};
}

const withName = (t: Target, name: string, close: () => Promise<void>, isAws = false): OpenTarget => ({
  name, send: t.send, close, isAws, ...(t.supports ? { supports: t.supports } : {}),
});

export async function openTarget(spec: string, o: OpenOptions): Promise<OpenTarget> {
  assertTargetAllowed(spec, o);
  if (spec === 'builtin') {
    const emulator = await startEmulator({ port: 0, host: '127.0.0.1', operationDelayMs: o.operationDelayMs ?? 0 });
    const http = createHttpTarget({ url: emulator.url, region: o.region, timeoutMs: o.timeoutMs, concurrency: o.concurrency });
    return { ...withName(http, 'builtin', async () => { await http.close(); await emulator.close(); }), fresh: true };
  }
  if (spec === 'aws') {
    // The AWS SDK loads only for SDK targets (start-up cost for everything else).
    const { resolveChainCredentials } = await import('./credentials.ts');
    const { createSdkTarget } = await import('./sdk.ts');
    const credentials = await resolveChainCredentials();
    const sdk = createSdkTarget({ region: o.region, credentials, timeoutMs: o.timeoutMs, concurrency: o.concurrency });
    const secrets = async () => { const c = await credentials(); return [c.accessKeyId, c.secretAccessKey, c.sessionToken]; };
    return { ...withName(sdk, 'aws', () => sdk.close(), true), secrets };
  }
  if (spec.startsWith('sdk+http://') || spec.startsWith('sdk+https://')) {
    const { createSdkTarget } = await import('./sdk.ts');
    const sdk = createSdkTarget({ endpoint: spec, region: o.region, timeoutMs: o.timeoutMs, concurrency: o.concurrency });
    const probed = await checked(() => probeUrl(spec.slice('sdk+'.length), o), o, () => sdk.close());
    return { ...withName(sdk, spec, () => sdk.close()), ...probed };
  }
  if (spec.startsWith('replay:')) {
    const replay = createRecordingTarget(spec.slice('replay:'.length), o.profile ? { profile: o.profile } : {});
    return { ...withName(replay, replay.name, () => replay.close()), runTag: replay.runTag, recorded: replay.recorded };
  }
  if (spec.startsWith('http://') || spec.startsWith('https://')) {
    const http = createHttpTarget({ url: spec, region: o.region, timeoutMs: o.timeoutMs, concurrency: o.concurrency, ...(o.profile ? { profile: o.profile } : {}) });
    const probed = await checked(() => http.probe(), o, () => http.close());
    return { ...withName(http, http.name, () => http.close()), ...probed };
  }
  throw new HarnessError('CF_ERR_TARGET_URL', `unknown target '${spec}': use builtin, http://HOST:PORT, sdk+http://HOST:PORT, aws or replay:FILE`);
}

// Hosts that are this machine. A name other than localhost could resolve anywhere: it counts as remote.
const LOOPBACK_NAME = /^(?:localhost|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.localhost)$/i;
// AWS service endpoints: *.amazonaws.com, *.amazonaws.com.cn (China), *.api.aws (dual-stack).
const AWS_HOST = /(?:^|\.)(?:amazonaws\.com(?:\.cn)?|api\.aws)$/i;

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (LOOPBACK_NAME.test(host)) return true;
  if (isIPv4(host)) return host.startsWith('127.');
  if (isIPv6(host)) return host === '::1' || /^::ffff:127\./i.test(host) || /^::ffff:7f[0-9a-f]{2}:/i.test(host);
  return false;
}

/**
 * Only loopback targets run without an opt-in: `aws` and AWS endpoint URLs need --allow-aws (requests there are
 * real and create resources), any other host --allow-remote. One line (CF_ERR_USAGE, exit 2), before anything
 * is opened, probed or signed. Every command that opens a target calls this (run, --diff, record, replay).
 */
export function assertTargetAllowed(spec: string, o: Pick<OpenOptions, 'allowAws' | 'allowRemote'>): void {
  if (spec === 'builtin' || spec.startsWith('replay:')) return;
  const url = spec.startsWith('sdk+') ? spec.slice(4) : spec;
  let hostname: string;
  if (spec === 'aws') hostname = 'amazonaws.com';
  else {
    try { hostname = new URL(url).hostname; } catch { return; } // not a URL: openTarget says so, nothing is sent
  }
  if (isLoopback(hostname)) return;
  const shown = spec.length > 120 ? `${spec.slice(0, 120)}…` : spec;
  if (AWS_HOST.test(hostname)) {
    if (o.allowAws) return;
    throw new HarnessError('CF_ERR_USAGE', `target ${shown} is real AWS: requests there are real and create resources; add --allow-aws to confirm`);
  }
  if (o.allowRemote) return;
  throw new HarnessError('CF_ERR_USAGE', `target ${shown} is not a loopback address: add --allow-remote to send requests to another machine`);
}

async function probeUrl(url: string, o: OpenOptions): Promise<void> {
  const http = createHttpTarget({ url, region: o.region, timeoutMs: o.timeoutMs, concurrency: 1 });
  try { await http.probe(); } finally { await http.close(); }
}
