// The recording on its way to disk: each exchange, scrubbed and capped, is appended to a spool file the moment it
// is answered (memory holds only a sort key per exchange), and the recording files are written from the spool one
// exchange at a time. A run of any length with answers of any size never builds one huge string.
import { closeSync, mkdtempSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDir } from '../../files.ts';
import { exchangeKey, recordingFile, type RecordedExchange, type Recording } from './recording.ts';

export type RecordingHeader = Omit<Recording, 'exchanges' | 'operation'>;

interface Entry { operation: string; key: string; offset: number; length: number }

export interface Spool {
  /** Appends one (already scrubbed) exchange of `operation`. */
  add(operation: string, x: RecordedExchange): void;
  readonly count: number;
  /** Writes `DIR/<Operation>-<seed>.json` per operation with exchanges, ordered by (X-Amz-Target, body), stable. */
  write(dir: string, header: RecordingHeader, operations: string[]): Promise<Array<{ file: string; operation: string; exchanges: number }>>;
  /** Removes the spool (always call, also after a failure). */
  discard(): void;
}

export function createSpool(): Spool {
  const folder = mkdtempSync(join(tmpdir(), 'cf-record-'));
  const path = join(folder, 'exchanges.jsonl');
  const fd = openSync(path, 'w+', 0o600);
  const entries: Entry[] = [];
  let offset = 0;
  let closed = false;

  const read = (e: Entry): string => {
    const buf = Buffer.alloc(e.length);
    readSync(fd, buf, 0, e.length, e.offset);
    return buf.toString('utf8');
  };

  return {
    add(operation, x) {
      const line = Buffer.from(`${JSON.stringify(x, null, 2).replace(/\n/g, '\n    ')}\n`);
      writeSync(fd, line, 0, line.length, offset);
      entries.push({ operation, key: exchangeKey(x.reqheaders['x-amz-target'] ?? '', x.body), offset, length: line.length - 1 });
      offset += line.length;
    },
    get count() { return entries.length; },
    async write(dir, header, operations) {
      await ensureDir(dir);
      const written = [];
      for (const operation of operations) {
        const mine = entries.filter((e) => e.operation === operation);
        if (mine.length === 0) continue;
        mine.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)); // stable: same key keeps arrival order
        const file = recordingFile(dir, operation, header.seed);
        const tmp = `${file}.${process.pid}.tmp`;
        const out = openSync(tmp, 'w');
        try {
          const { recordingVersion, ...rest } = header;
          const head = JSON.stringify({ recordingVersion, operation, ...rest }, null, 2).replace(/\n}$/, '');
          writeSync(out, `${head},\n  "exchanges": [\n`);
          mine.forEach((e, i) => writeSync(out, `    ${read(e)}${i + 1 < mine.length ? ',' : ''}\n`));
          writeSync(out, '  ]\n}\n');
        } finally {
          closeSync(out);
        }
        renameSync(tmp, file);
        written.push({ file, operation, exchanges: mine.length });
      }
      return written;
    },
    discard() {
      if (closed) return;
      closed = true;
      closeSync(fd);
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
