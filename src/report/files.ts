// Writes that never leave a half-written report: write a temp file beside the target, then rename.
import { constants } from 'node:fs';
import { access, mkdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { HarnessError } from '../errors.ts';

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

export async function writeFileAtomic(path: string, content: string): Promise<void> {
  await ensureDir(dirname(path));
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, content);
  await rename(tmp, path);
}

/** Checked before a run starts: a folder the run cannot write to is a usage error, not a lost report.
 * With `create: false` nothing is made: the nearest existing ancestor must be a writable folder. */
export async function assertWritableDir(dir: string, what: string, { create = true } = {}): Promise<void> {
  try {
    if (!create) {
      let at = dir;
      for (;;) {
        const info = await stat(at).catch((e: unknown) => { if (code(e) === 'ENOENT' && dirname(at) !== at) return undefined; throw e; });
        if (info) {
          if (!info.isDirectory()) throw Object.assign(new Error(`${at} is not a folder`), { code: 'ENOTDIR' });
          await access(at, constants.W_OK);
          return;
        }
        at = dirname(at);
      }
    }
    const probe = join(dir, `.contract-fuzz-${process.pid}.probe`);
    await ensureDir(dir);
    await writeFile(probe, '');
    await unlink(probe);
  } catch (e) {
    throw new HarnessError('CF_ERR_CONFIG', `cannot write ${what} to ${dir} (${code(e) ?? (e as Error).message})`);
  }
}
