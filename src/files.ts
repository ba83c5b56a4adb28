// Writes that never leave a half-written report: write a temp file beside the target, then rename.
import { mkdirSync, statSync } from 'node:fs';
import { mkdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { HarnessError } from './errors.ts';

const code = (e: unknown): string | undefined => (e as NodeJS.ErrnoException)?.code;

/** mkdir -p, one level at a time: Node 20's `mkdir(…, {recursive: true})` never settles for some paths
 * (a folder under /proc), which would hang a run at its very end. */
export async function ensureDir(dir: string): Promise<void> {
  try {
    await mkdir(dir);
    return;
  } catch (e) {
    if (code(e) === 'EEXIST' && (await stat(dir)).isDirectory()) return;
    if (code(e) !== 'ENOENT' || dirname(dir) === dir) throw e;
  }
  await ensureDir(dirname(dir));
  try { await mkdir(dir); } catch (e) { if (code(e) !== 'EEXIST') throw e; }
}

/** ensureDir for synchronous callers (`models import`), one level at a time for the same reason. */
export function ensureDirSync(dir: string): void {
  try {
    mkdirSync(dir);
    return;
  } catch (e) {
    if (code(e) === 'EEXIST' && statSync(dir).isDirectory()) return;
    if (code(e) !== 'ENOENT' || dirname(dir) === dir) throw e;
  }
  ensureDirSync(dirname(dir));
  try { mkdirSync(dir); } catch (e) { if (code(e) !== 'EEXIST') throw e; }
}

export async function writeFileAtomic(path: string, content: string): Promise<void> {
  await ensureDir(dirname(path));
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, content);
  await rename(tmp, path);
}

/** Checked before a run starts: a folder the run cannot write to is a usage error, not a lost report.
 * With `create: false` nothing is left behind: the nearest existing ancestor must be a folder that takes a file.
 * Writability is probed by making (and removing) a file: access() says yes to root even where nothing can be
 * made (/proc, a read-only mount). */
export async function assertWritableDir(dir: string, what: string, { create = true } = {}): Promise<void> {
  try {
    let at = dir;
    if (!create) {
      for (;;) {
        const info = await stat(at).catch((e: unknown) => { if (code(e) === 'ENOENT' && dirname(at) !== at) return undefined; throw e; });
        if (info) {
          if (!info.isDirectory()) throw Object.assign(new Error(`${at} is not a folder`), { code: 'ENOTDIR' });
          break;
        }
        at = dirname(at);
      }
    } else {
      await ensureDir(dir);
    }
    const probe = join(at, `.contract-fuzz-${process.pid}.probe`);
    await writeFile(probe, '');
    await unlink(probe);
  } catch (e) {
    throw new HarnessError('CF_ERR_CONFIG', `cannot write ${what} to ${dir} (${code(e) ?? (e as Error).message})`);
  }
}

/** A file the run will write at its end (written as a temp file beside it, then renamed over it): its folder must
 * take files and the path must not be a folder. Nothing is created. */
export async function assertWritableFile(file: string, what: string): Promise<void> {
  const info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) throw new HarnessError('CF_ERR_CONFIG', `cannot write ${what} to ${file} (it is a folder)`);
  await assertWritableDir(dirname(file), what, { create: false }).catch((e: unknown) => {
    throw new HarnessError('CF_ERR_CONFIG', (e as Error).message.replace(` to ${dirname(file)} `, ` to ${file} `));
  });
}
