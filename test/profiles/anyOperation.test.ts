// Issue 10 §4 acceptance: any operation of both committed models runs by name against `serve` (generators read
// from its profile); the ones the emulator implements give 0 findings. Before, `--operation
// servicediscovery#DeregisterInstance` was refused ("not fuzzed", exit 2) and a model-only operation crashed.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, startCli, until } from '../support/cli.ts';

let work: string;
let server: ReturnType<typeof startCli>;
let url = '';
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'cf-any-op-'));
  server = startCli(['serve', '--port', '0'], work);
  await until('serve listens', () => /http:\/\/127\.0\.0\.1:\d+/.test(server.stdout()), 60_000);
  url = /http:\/\/127\.0\.0\.1:\d+/.exec(server.stdout())![0];
}, 90_000);
afterAll(async () => {
  server.child.kill('SIGTERM');
  await server.done;
  await rm(work, { recursive: true, force: true });
});

const run = async (operation: string) => {
  const dir = join(work, operation.replace('#', '-'));
  const x = await cli(['run', '--target', url, '--operation', operation, '--runs', '5', '--seed', '7', '--report-dir', dir], work);
  return { x, report: x.code === 2 ? undefined : JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as { summary: { cases: number; discrepancies: number }; run: { operations: string[] } } };
};

describe('any operation by name against serve', () => {
  it.each([
    'servicediscovery#DeregisterInstance', // hand-written profile, generic generators
    'servicediscovery#ListNamespaces', // derived: a NextToken only the service issues
    'proton#CreateService', // derived, named by key (the bare name is ambiguous); creates names
    'proton#GetServiceInstance', // derived: the instance it names does not exist
  ])('%s: runs, 0 findings', async (operation) => {
    const { x, report } = await run(operation);
    expect(x.code, x.stderr + x.stdout).toBe(0);
    expect(report!.summary.cases).toBeGreaterThan(10);
    expect(report!.summary.discrepancies).toBe(0);
  }, 180_000);

  it('an operation whose values cannot be generated yet says so in one line (exit 2) or runs; never an internal error', async () => {
    const { x } = await run('proton#CreateEnvironmentTemplateVersion'); // a union member (shape type union)
    expect([0, 1, 2]).toContain(x.code);
    expect(x.stderr).not.toMatch(/internal error|\n\s+at /);
    if (x.code === 2) expect(x.stderr.trim().split('\n')).toHaveLength(1);
  }, 180_000);
});
