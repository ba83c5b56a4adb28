// Issue 10 §6: `run --model FILE` / `serve --model FILE` fuzz any awsJson service offline, over loopback: the README's
// DynamoDB CreateTable example exactly as written (models import → serve --model → run --model --target), a small
// stand-in service (works without python3-botocore) against serve and against builtin, and bad model files as one
// line and exit 2. On try2 `--model` was an unknown option (exit 2) and no operation outside the two committed
// models could be named.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, startCli, startServe } from '../support/cli.ts';
import { REST_WIDGETS, writeWidgets } from '../support/widgetsModel.ts';

const DYNAMODB = '/usr/lib/python3/dist-packages/botocore/data/dynamodb/2012-08-10/service-2.json';
const haveBotocore = existsSync(DYNAMODB);
if (!haveBotocore) console.log(`anyModel: the DynamoDB example skipped — python3-botocore is not installed (${DYNAMODB} missing; .ci/run installs it)`);

interface Report { summary: { discrepancies: number }; run: { operations: string[]; caseDigest: Record<string, { cases: number }> } }
const report = (dir: string): Report => JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as Report;

const servers: ReturnType<typeof startCli>[] = [];
afterAll(async () => {
  for (const s of servers) s.child.kill('SIGTERM');
  await Promise.all(servers.map((s) => s.done));
});

async function serve(args: string[], cwd: string): Promise<string> {
  const s = await startServe(args, cwd);
  servers.push(s);
  return s.url;
}

describe('--model: another awsJson service', () => {
  it.skipIf(!haveBotocore)('the README example: DynamoDB CreateTable against serve --model, 0 findings', async () => {
    const work = mkdtempSync(join(tmpdir(), 'cf-dynamodb-'));
    const imported = await cli(['models', 'import', DYNAMODB, '--out', 'models'], work);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/^wrote models\/dynamodb\/model\.json \(53 operations, \d+ shapes\)/);
    const url = await serve(['--model', 'models/dynamodb/model.json'], work);
    expect(servers.at(-1)!.stdout()).toContain('dynamodb: DynamoDB_20120810.* (mock)');
    const x = await cli(['run', '--model', 'models/dynamodb/model.json', '--operation', 'dynamodb#CreateTable', '--target', url, '--seed', '1', '--runs', '20', '--quiet'], work);
    expect(x.code, x.stderr + x.stdout).toBe(0);
    expect(x.stdout).toMatch(/CreateTable: 0 finding\(s\); 110\/110 constraints exercised both ways/);
    const r = report(join(work, 'reports'));
    expect(r.run.operations).toEqual(['CreateTable']);
    expect(r.run.caseDigest.CreateTable!.cases).toBeGreaterThan(500);
    expect(r.summary.discrepancies).toBe(0);
  }, 240_000);

  it('every operation of a stand-in service against serve --model (the raw botocore file), 0 findings', async () => {
    const work = mkdtempSync(join(tmpdir(), 'cf-widgets-'));
    const file = writeWidgets(work);
    const url = await serve(['--model', file], work);
    const x = await cli(['run', '--model', file, '--target', url, '--seed', '3', '--runs', '30', '--quiet'], work);
    expect(x.code, x.stderr + x.stdout).toBe(0);
    const r = report(join(work, 'reports'));
    expect(r.run.operations).toEqual(['CreateWidget', 'DescribeWidget']); // default with --model: service#*
    for (const op of r.run.operations) expect(r.run.caseDigest[op]!.cases).toBeGreaterThan(30);
    expect(r.summary.discrepancies).toBe(0);
  }, 240_000);

  it('the same against builtin (the in-process emulator serves the --model service too), named service#Operation', async () => {
    const work = mkdtempSync(join(tmpdir(), 'cf-widgets-'));
    const x = await cli(['run', '--model', writeWidgets(work), '--operation', 'widgets#CreateWidget', '--seed', '4', '--runs', '30', '--quiet'], work);
    expect(x.code, x.stderr + x.stdout).toBe(0);
    expect(report(join(work, 'reports')).summary.discrepancies).toBe(0);
  }, 240_000);

  it.each([
    ['run', 'missing.json', /^contract-fuzz: cannot read model file missing\.json \(ENOENT\)\n$/],
    ['serve', 'missing.json', /^contract-fuzz: cannot read model file missing\.json \(ENOENT\)\n$/],
    ['run', 'not-json', /^contract-fuzz: not-json is not JSON: /],
    ['serve', 'rest', /^contract-fuzz: rest: protocol 'rest-json' is not supported \(awsJson 1\.0\/1\.1 only\)\n$/],
    ['run', 'rest', /^contract-fuzz: rest: protocol 'rest-json' is not supported \(awsJson 1\.0\/1\.1 only\)\n$/],
  ])('%s --model %s: one line, exit 2', async (command, name, says) => {
    const work = mkdtempSync(join(tmpdir(), 'cf-bad-model-'));
    if (name === 'not-json') writeFileSync(join(work, 'not-json'), '{"metadata":');
    if (name === 'rest') writeWidgets(work, REST_WIDGETS, 'rest');
    const x = await cli([command, '--model', name, ...(command === 'serve' ? ['--port', '0'] : ['--quiet'])], work);
    expect(x.code).toBe(2);
    expect(x.stderr).toMatch(says);
    expect(x.stderr.trim().split('\n')).toHaveLength(1);
  }, 60_000);

  it('an operation the model does not have, and a service no model names: one line, exit 2', async () => {
    const work = mkdtempSync(join(tmpdir(), 'cf-bad-op-'));
    const file = writeWidgets(work);
    for (const op of ['widgets#DeleteEverything', 'gadgets#*']) {
      const x = await cli(['run', '--model', file, '--operation', op, '--quiet'], work);
      expect(x.code).toBe(2);
      expect(x.stderr).toMatch(/^contract-fuzz: unknown (operation|service) /);
      expect(x.stderr.trim().split('\n')).toHaveLength(1);
    }
  }, 60_000);
});
