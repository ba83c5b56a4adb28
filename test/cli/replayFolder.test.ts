// Issue 9 §5: `replay DIR` on a folder that also holds files that are not fixtures (a package.json, a report.json)
// says it skipped each (one line) and replays the rest; a file shaped like a fixture but broken is still an error.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.ts';

let work: string;
beforeAll(async () => { work = await mkdtemp(join(tmpdir(), 'cf-replay-dir-')); });
afterAll(async () => { await rm(work, { recursive: true, force: true }); });

// Hand-written (the context may be left out): an InstanceId of 65 characters, once accepted by some target.
const fixture = {
  fixtureVersion: 1, id: 'hand0000001', operation: 'RegisterInstance', kind: 'accepted-invalid', constraint: 'InstanceId#length',
  request: { ServiceId: 'srv-a-srv', InstanceId: 'i'.repeat(65), Attributes: { AWS_INSTANCE_IPV4: '10.0.0.1' } },
  expected: { outcome: 'error', codes: ['InvalidInput'], statuses: [400], source: 'model' }, observed: { status: 200 },
  detail: 'accepted (HTTP 200); expected InvalidInput', target: 'http://127.0.0.1:1', seed: 1, path: '',
  tool: { name: 'contract-fuzz', version: '0.1.0' },
};

describe('replay DIR', () => {
  it('skips files that are not fixtures, one line each, and replays the rest', async () => {
    const dir = join(work, 'fixtures');
    await mkdir(join(dir, 'RegisterInstance'), { recursive: true });
    await writeFile(join(dir, 'RegisterInstance', 'accepted-invalid-hand0000001.json'), JSON.stringify(fixture));
    await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'x', version: '1.0.0' }));
    await writeFile(join(dir, 'report.json'), JSON.stringify({ tool: { name: 'contract-fuzz' }, summary: {}, discrepancies: [] }));
    await writeFile(join(dir, 'notes.json'), '["a list"]');
    const x = await cli(['replay', dir, '--target', 'builtin'], work);
    expect(x.code, x.stderr + x.stdout).toBe(0); // the builtin emulator refuses the 65-character InstanceId: fixed
    const skipped = (x.stdout + x.stderr).split('\n').filter((l) => /skipped .*\.json/.test(l));
    expect(skipped).toHaveLength(3);
    for (const name of ['package.json', 'report.json', 'notes.json']) expect(skipped.filter((l) => l.includes(name)), name).toHaveLength(1);
    expect(x.stdout).toMatch(/✓ fixed .*accepted-invalid-hand0000001\.json/);
    expect(x.stdout).toMatch(/1 fixture\(s\) against builtin: 0 reproduce, 0 changed, 1 fixed; 3 file\(s\) skipped/);
  }, 60_000);

  it('a fixture-shaped file that is broken is still an error (exit 2, one line), and so is a folder with no fixture at all', async () => {
    const broken = join(work, 'broken');
    await mkdir(broken, { recursive: true });
    const { observed: _, ...withoutObserved } = fixture;
    await writeFile(join(broken, 'accepted-invalid-x.json'), JSON.stringify(withoutObserved));
    const empty = join(work, 'only-strays');
    await mkdir(empty, { recursive: true });
    await writeFile(join(empty, 'package.json'), '{}');
    const [b, e] = await Promise.all([cli(['replay', broken], work), cli(['replay', empty], work)]);
    expect(b.code, b.stderr).toBe(2);
    expect(b.stderr.trim().split('\n')).toHaveLength(1);
    expect(b.stderr).toMatch(/accepted-invalid-x\.json is not a contract-fuzz fixture/);
    expect(e.code, e.stderr).toBe(2);
    expect(e.stderr).toMatch(/no fixtures/);
  }, 60_000);
});
