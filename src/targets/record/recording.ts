// The recording file: `DIR/<Operation>-<seed>.json`, one per fuzzed operation, holding every exchange of that
// operation's service (its prerequisites included) as nock definitions, scrubbed, in a deterministic order
// (written by spool.ts: by (X-Amz-Target, body), stable, so identical requests keep the order they were answered in).
// `nock.define(toNockDefinitions(recording))` loads one into nock; `replay:FILE` answers calls from it.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { HarnessError } from '../../errors.ts';
import { FUZZED_OPERATIONS, loadServiceModel } from '../../model/load.ts';
import { SCRUBBED } from '../scrub.ts';
import { fileType, readDocument } from '../../schemas/read.ts';

/** One exchange as nock's recorder writes it (`output_objects: true, enable_reqheaders_recording: true`). */
export interface RecordedExchange {
  scope: string;
  method: string;
  path: string;
  /** Request body: parsed JSON, or the text when it is not JSON. */
  body: unknown;
  status: number;
  /** Response body: parsed JSON, or the text when it is not JSON (hex when `responseIsBinary`). */
  response: unknown;
  /** Response headers (lower-cased names), as nock's recorder gives them. */
  rawHeaders: Record<string, string>;
  /** Request headers (lower-cased names); secrets are `<scrubbed>`. */
  reqheaders: Record<string, string>;
  responseIsBinary?: boolean;
  /** The response body was longer than the recording's `bodyLimitBytes`: it had `bytes`, the file keeps `kept`. */
  responseCut?: { bytes: number; kept: number };
  /** The flow that sent it (src/targets/callLabel.ts): replay gives identical calls of different flows their own answers. */
  call?: string;
}

export interface Recording {
  recordingVersion: 1;
  /** The fuzzed operation whose service's exchanges this file holds. */
  operation: string;
  target: string;
  seed: number;
  /** The run tag the prerequisites were named with; replaying the same seed must use the same names. */
  runTag: string;
  tool: { name: string; version: string };
  /** Most bytes a recorded response body keeps; longer ones are cut and say so (`responseCut`). */
  bodyLimitBytes?: number;
  exchanges: RecordedExchange[];
}

/**
 * The matching key: X-Amz-Target plus the body as nock normalizes it (parsed JSON, or the text), objects with
 * their keys sorted: like nock, a body matches a recorded one when they are the same JSON value.
 */
export const exchangeKey = (amzTarget: string, body: unknown): string =>
  `${amzTarget}\n${typeof body === 'string' ? body : JSON.stringify(body, sortedKeys)}`;

function sortedKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value).sort()) Object.defineProperty(out, k, { value: (value as Record<string, unknown>)[k], enumerable: true });
  return out;
}

/** A request body as nock's recorder stores it. */
export function nockBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export const recordingFile = (dir: string, operation: string, seed: number): string => join(dir, `${operation}-${seed}.json`);

/** X-Amz-Target prefix → the fuzzed operation of that service. */
export function operationsByPrefix(modelsDir?: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [operation, service] of Object.entries(FUZZED_OPERATIONS)) out.set(loadServiceModel(service, modelsDir).targetPrefix, operation);
  return out;
}

/** Reads a recording file, or every `*.json` recording in a folder (regular files only: a FIFO would block the read
 * forever; others are skipped with one line). CF_ERR_FIXTURE for anything else. */
export function readRecordings(path: string, skip: (line: string) => void = (l) => process.stderr.write(`contract-fuzz: ${l}\n`)): Recording[] {
  let info;
  try {
    info = statSync(path);
  } catch {
    throw new HarnessError('CF_ERR_FIXTURE', `no recording file or folder at ${path}`);
  }
  if (!info.isDirectory()) return [readRecording(path)];
  const files: string[] = [];
  for (const e of readdirSync(path, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (!e.name.endsWith('.json')) continue;
    const at = join(path, e.name);
    const entry = e.isSymbolicLink() ? statOrUndefined(at) : e;
    if (entry?.isFile()) files.push(at);
    else skip(`skipped ${at}: it is ${entry ? fileType(entry) : 'a broken link'}, not a regular file`);
  }
  if (files.length === 0) throw new HarnessError('CF_ERR_FIXTURE', `no recordings (*.json) in ${path}`);
  return files.map(readRecording);
}

const statOrUndefined = (p: string) => { try { return statSync(p); } catch { return undefined; } };

/** A recording valid against schemas/recording.schema.json; anything else is CF_ERR_FIXTURE naming the field. */
export function readRecording(file: string): Recording {
  return readDocument<Recording>('recording', file, 'CF_ERR_FIXTURE');
}

/**
 * The exchanges as definitions `nock.define()` accepts: requests matched on method, path, body, X-Amz-Target and
 * Content-Type only (signatures are scrubbed; length, connection and host headers are not what identifies a call).
 */
export function toNockDefinitions(r: Recording): RecordedExchange[] {
  return r.exchanges.map((x) => ({
    ...x,
    reqheaders: Object.fromEntries(Object.entries(x.reqheaders).filter(([name, v]) => v !== SCRUBBED && MATCHED_HEADERS.has(name))),
  }));
}

const MATCHED_HEADERS = new Set(['x-amz-target', 'content-type']);
