import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertWritableDir, writeFileAtomic } from '../../src/files.ts';

describe('report files', () => {
  it('writes through missing folders, atomically', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cf-files-'));
    const file = join(dir, 'a', 'b', 'report.json');
    await writeFileAtomic(file, '{"x":1}\n');
    expect(await readFile(file, 'utf8')).toBe('{"x":1}\n');
  });
  // Regression: Node 20's recursive mkdir never settles for a folder under /proc, so a run with
  // --report-dir /proc/x spun at 100% CPU after its last request instead of failing.
  it('a report folder that cannot be created is a clear CF_ERR_CONFIG at once, never a hang', async () => {
    await expect(assertWritableDir('/proc/contract-fuzz-nope', 'reports')).rejects.toMatchObject({ code: 'CF_ERR_CONFIG', message: expect.stringContaining('/proc/contract-fuzz-nope') });
    const dir = await mkdtemp(join(tmpdir(), 'cf-files-'));
    await writeFile(join(dir, 'file'), '');
    await expect(assertWritableDir(join(dir, 'file', 'sub'), 'fixtures')).rejects.toMatchObject({ code: 'CF_ERR_CONFIG' });
    await expect(assertWritableDir(join(dir, 'new', 'deeper'), 'reports')).resolves.toBeUndefined();
    // Fixtures are only checked, not created: a clean run leaves no empty fixtures folder behind.
    await expect(assertWritableDir(join(dir, 'fx', 'RegisterInstance'), 'fixtures', { create: false })).resolves.toBeUndefined();
    await expect(stat(join(dir, 'fx'))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(assertWritableDir(join(dir, 'file', 'fx'), 'fixtures', { create: false })).rejects.toMatchObject({ code: 'CF_ERR_CONFIG' });
  }, 5_000);
});
