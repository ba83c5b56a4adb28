// Reading a document a user handed the tool: only a regular file (a FIFO or device named *.json would block
// the read forever), JSON, then its schema. Every failure is a HarnessError with one short line.
import { readFileSync, statSync } from 'node:fs';
import { HarnessError, type HarnessErrorCode } from '../errors.ts';
import { documentProblem, type DocumentKind } from './documents.ts';

/** One short printable line: a hostile file's bytes may show up in a parser's message. */
export const oneLine = (s: string, max = 160): string => s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').slice(0, max);
const errno = (e: unknown): string => (e as NodeJS.ErrnoException)?.code ?? oneLine(String((e as Error)?.message ?? e));

/** What a non-regular file is, for the message. */
export function fileType(info: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a FIFO';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/** The text of a regular file; anything else (FIFO, device, folder, missing) is `code`. */
export function readRegularFile(file: string, what: string, code: HarnessErrorCode): string {
  let info;
  try { info = statSync(file); } catch (e) { throw new HarnessError(code, `cannot read ${what} ${file} (${errno(e)})`); }
  if (!info.isFile()) throw new HarnessError(code, `cannot read ${what} ${file}: it is ${fileType(info)}, not a regular file`);
  try { return readFileSync(file, 'utf8'); } catch (e) { throw new HarnessError(code, `cannot read ${what} ${file} (${errno(e)})`); }
}

/** Parsed JSON of a regular file. */
export function readJsonFile(file: string, what: string, code: HarnessErrorCode): unknown {
  const text = readRegularFile(file, what, code);
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new HarnessError(code, `${file} is not JSON (${errno(e)})`);
  }
}

/** Throws `code` naming the file and the field when `value` is not a valid `kind`. */
export function assertDocument<T>(kind: DocumentKind, file: string, value: unknown, code: HarnessErrorCode): T {
  const problem = documentProblem(kind, value);
  if (problem !== undefined) {
    throw new HarnessError(code, `${file} is not a contract-fuzz ${kind}: ${problem} (see schemas/${kind}.schema.json)`);
  }
  return value as T;
}

/** A regular JSON file that is a valid `kind`. */
export const readDocument = <T>(kind: DocumentKind, file: string, code: HarnessErrorCode): T =>
  assertDocument<T>(kind, file, readJsonFile(file, kind, code), code);
