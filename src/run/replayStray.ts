// A fixtures folder may hold other JSON files (a package.json, a copied report.json). Those are not fixtures at
// all: `replay DIR` skips each with one line. A file that claims to be a fixture (it has `fixtureVersion`) or a
// recording is left to the loaders, which refuse a broken one: a damaged regression fixture is never skipped.
import { readFile } from 'node:fs/promises';

/** The marker every fixture carries (report/fixtures.ts), and the one recordings carry (they live beside fixtures). */
const MARKERS = ['fixtureVersion', 'recordingVersion'] as const;

/** Why `file` is not a fixture at all, or undefined when it is (or claims to be) one, or cannot be read as JSON. */
export async function strayReason(file: string): Promise<string | undefined> {
  let doc: unknown;
  try { doc = JSON.parse(await readFile(file, 'utf8')); } catch { return undefined; } // unreadable: the loader says why
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return 'not a contract-fuzz fixture (not a JSON object)';
  if (MARKERS.some((m) => Object.hasOwn(doc as object, m))) return undefined;
  return `not a contract-fuzz fixture (no ${MARKERS[0]})`;
}

export interface Strays { files: string[]; skipped: Array<{ file: string; why: string }> }

/** Splits what a folder walk found: files named on the command line are never skipped (a wrong one is an error). */
export async function withoutStrays(files: string[], named: string[]): Promise<Strays> {
  const reasons = await Promise.all(files.map((f) => (named.includes(f) ? undefined : strayReason(f))));
  return {
    files: files.filter((_, i) => reasons[i] === undefined),
    skipped: files.flatMap((file, i) => (reasons[i] === undefined ? [] : [{ file, why: reasons[i] }])),
  };
}
