// Issue 9 §5: every printed reproduce command reproduces its finding when run as printed (the real bin, in the
// folder the run ran in): the fixture replay and the rerun form, after `--profile envelope` and after a run against
// a recording (`--target replay:DIR`). A recording replayed with another seed is one line naming the recorded seed.
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/types.ts';
import { argvOf, cli, type Exit } from '../support/cli.ts';
import { DEVIATIONS, startFaultyTarget, type Deviation, type FaultyTarget } from '../support/faultyTarget.ts';

let work: string;
beforeAll(async () => { work = await mkdtemp(join(tmpdir(), 'cf-reproduce-')); });
afterAll(async () => { await rm(work, { recursive: true, force: true }); });

const readReport = async (dir: string): Promise<Report> => JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as Report;
const folder = async (name: string): Promise<string> => { const d = join(work, name); await mkdir(d, { recursive: true }); return d; };
const envelope = (body: unknown, status: number): Response =>
  new HttpResponse(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A gateway answering {"success":…} envelopes (DESIGN, seed 000) that accepts an InstanceId over 64 characters. */
const envelopeGateway: Deviation = async (x) => {
  const id = x.operation === 'RegisterInstance' ? x.input?.InstanceId : undefined;
  if (typeof id === 'string' && id.length > 64) return envelope({ success: true, data: { OperationId: 'made-up' } }, 200);
  const u = await x.forward();
  if (u.status < 300) return envelope({ success: true, data: u.body ?? {} }, u.status);
  const code = u.code === 'InvalidInput' || u.code === 'ValidationException' ? 'VALIDATION_ERROR' : u.code;
  return envelope({ success: false, error: { code, message: String(u.body?.Message ?? u.body?.message ?? '') } }, u.status);
};

/** Runs a printed command in `cwd` and says whether the finding reproduced: replay says so per fixture, a rerun in its report. */
async function runPrinted(printed: string, cwd: string, finding: { id: string; kind: string; constraint: string }): Promise<Exit> {
  const x = await cli(argvOf(printed), cwd);
  expect(x.code, `${printed}\n${x.stderr}${x.stdout}`).toBe(1);
  if (argvOf(printed)[0] === 'replay') {
    expect(x.stdout, printed).toMatch(new RegExp(`✗ reproduces .*${finding.kind} \\[${finding.constraint.replace(/[[\]#]/g, '\\$&')}\\]`));
    expect(x.stdout, printed).toMatch(/1 reproduce, 0 changed, 0 fixed/);
  } else {
    const again = await readReport(join(cwd, 'reports'));
    expect(again.discrepancies.map((f) => f.id), printed).toContain(finding.id);
  }
  return x;
}

const RUN = ['--operation', 'RegisterInstance', '--no-scenarios', '--runs', '5', '--seed', '11', '--shrink-requests', '40'];

describe('after --profile envelope', () => {
  let gateway: FaultyTarget;
  beforeAll(async () => { gateway = await startFaultyTarget(envelopeGateway); });
  afterAll(async () => { await gateway.close(); });

  it('the fixture replay and the rerun form printed with the finding both reproduce it', async () => {
    for (const form of ['replay', 'rerun'] as const) {
      const cwd = await folder(`envelope-${form}`);
      const x = await cli(['run', '--target', gateway.url, '--profile', 'envelope', ...RUN, ...(form === 'rerun' ? ['--no-fixtures'] : [])], cwd);
      expect(x.code, x.stderr + x.stdout).toBe(1);
      const report = await readReport(join(cwd, 'reports'));
      const finding = report.discrepancies.find((f) => f.kind === 'accepted-invalid' && f.constraint === 'InstanceId#length');
      expect(finding, x.stdout).toBeDefined();
      expect(argvOf(finding!.reproduce)[0]).toBe(form === 'replay' ? 'replay' : 'run');
      expect(x.stdout).toContain(`reproduce: ${finding!.reproduce}`);
      await runPrinted(finding!.reproduce, cwd, finding!);
    }
  }, 120_000);
});

describe('with options away from their defaults and a scenario finding', () => {
  // Two deviations: an InstanceId over 64 characters is accepted (a case finding, documented) and a reused
  // CreatorRequestId with other parameters is accepted (a scenario finding, inferred: gates only with --strictness inferred).
  const tooLong = DEVIATIONS['instance-id-too-long-accepted']();
  const mismatch = DEVIATIONS['token-mismatch-accepted']();
  const both: Deviation = (x) => (x.operation === 'RegisterInstance' && typeof x.input?.InstanceId === 'string' && x.input.InstanceId.length > 64 ? tooLong(x) : mismatch(x));
  const OPTIONS = ['--operation', 'RegisterInstance', '--runs', '20', '--seed', '5', '--strictness', 'inferred', '--region', 'eu-west-1', '--timeout-ms', '5000', '--shrink-requests', '60'];

  it('every printed command reproduces its finding: each fixture replay, and the rerun form', async () => {
    for (const form of ['replay', 'rerun'] as const) {
      const target = await startFaultyTarget(both);
      try {
        const cwd = await folder(`options-${form}`);
        const x = await cli(['run', '--target', target.url, ...OPTIONS, ...(form === 'rerun' ? ['--no-fixtures'] : [])], cwd);
        expect(x.code, x.stderr + x.stdout).toBe(1);
        const report = await readReport(join(cwd, 'reports'));
        const kinds = report.discrepancies.filter((f) => f.gating).map((f) => `${f.kind} ${f.constraint}`);
        expect(kinds).toEqual(expect.arrayContaining(['accepted-invalid InstanceId#length', 'idempotency idempotency:token-mismatch']));
        // A rerun form is the same command for every finding of the operation: run it once, every finding is back.
        const printed = [...new Set(report.discrepancies.map((f) => f.reproduce))];
        expect(printed.length).toBe(form === 'rerun' ? 1 : report.discrepancies.length);
        for (const command of printed) {
          expect(argvOf(command)[0]).toBe(form === 'replay' ? 'replay' : 'run');
          const findings = report.discrepancies.filter((f) => f.reproduce === command);
          if (form === 'replay') await runPrinted(command, cwd, findings[0]!);
          else {
            await runPrinted(command, cwd, findings[0]!);
            const again = await readReport(join(cwd, 'reports'));
            expect(again.discrepancies.map((f) => f.id).sort()).toEqual(report.discrepancies.map((f) => f.id).sort());
            expect(again.summary.gating).toBe(report.summary.gating); // --strictness inferred came along
          }
        }
      } finally {
        await target.close();
      }
    }
  }, 180_000);
});

describe('after a run against a recording (--target replay:DIR)', () => {
  it('the printed command reproduces the finding; another seed than the recording\'s is one line naming it (exit 2)', async () => {
    const target = await startFaultyTarget('instance-id-too-long-accepted');
    const cwd = await folder('recorded');
    try {
      const rec = await cli(['record', '--target', target.url, ...RUN, '--out', 'recorded', '--report-dir', 'record-reports', '--fixtures-dir', 'record-fixtures'], cwd);
      expect(rec.code, rec.stderr + rec.stdout).toBe(1);
    } finally {
      await target.close(); // offline from here on
    }
    const x = await cli(['run', '--target', 'replay:recorded', ...RUN], cwd);
    expect(x.code, x.stderr + x.stdout).toBe(1);
    const report = await readReport(join(cwd, 'reports'));
    const finding = report.discrepancies.find((f) => f.kind === 'accepted-invalid' && f.constraint === 'InstanceId#length');
    expect(finding, x.stdout).toBeDefined();
    await runPrinted(finding!.reproduce, cwd, finding!);

    const other = await cli(['run', '--target', 'replay:recorded', ...RUN.map((a) => (a === '11' ? '12' : a)), '--report-dir', 'other'], cwd);
    expect(other.code, other.stdout).toBe(2);
    const lines = other.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^contract-fuzz: .*recorded with --seed 11\b/);
    expect(other.stdout).toBe('');
  }, 120_000);
});
