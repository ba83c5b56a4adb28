// Issue 9 §3/§4: one bug, one root cause. Each target below injects ONE answer-level bug (the ones the issue
// reproduced on main: 23-66 separate gating findings each) in front of a real emulator; the report must show it
// as one root cause listing the constraints it was seen on, every discrepancy naming it, and gate by severity.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classOf } from '../../src/protocol/errorClasses.ts';
import type { Report } from '../../src/report/types.ts';
import { parseRunOptions } from '../../src/run/options.ts';
import { executeRun } from '../../src/run/run.ts';
import { startFaultyTarget, type Deviation, type Upstream } from '../support/faultyTarget.ts';

let work: string;
beforeAll(async () => { work = await mkdtemp(join(tmpdir(), 'cf-rootcauses-')); });
afterAll(async () => { await rm(work, { recursive: true, force: true }); });
const quiet = { write: () => undefined, writeErr: () => undefined, isTTY: false };
let runNo = 0;

/** Rewrites the emulator's answer where `edit` says so (undefined: unchanged). */
const rewrite = (edit: (u: Upstream, x: Parameters<Deviation>[0]) => Response | undefined): Deviation => async (x) => {
  const u = await x.forward();
  return edit(u, x) ?? new HttpResponse(u.text, { status: u.status, headers: u.headers });
};
const isValidation = (u: Upstream): boolean => classOf(u.code) === 'validation';

const TARGETS = {
  /** Cloud Map validation errors come back as ValidationException (header and body). */
  'renamed-invalid-input': rewrite((u) => (u.code === 'InvalidInput'
    ? new HttpResponse(JSON.stringify({ ...u.body, __type: 'ValidationException' }), { status: u.status, headers: { ...u.headers, 'x-amzn-errortype': 'ValidationException' } })
    : undefined)),
  /** Every validation error is answered with HTTP 500 (code and body kept). */
  'validation-500': rewrite((u) => (isValidation(u) ? new HttpResponse(u.text, { status: 500, headers: u.headers }) : undefined)),
  /** Every validation error is answered with HTTP 403 (code and body kept). */
  'validation-403': rewrite((u) => (isValidation(u) ? new HttpResponse(u.text, { status: 403, headers: u.headers }) : undefined)),
  /** Every error loses its type: no X-Amzn-ErrorType, no __type (message kept). */
  'error-type-dropped': rewrite((u) => {
    if (u.code === undefined) return undefined;
    const { __type: _, ...body } = u.body ?? {};
    const { 'x-amzn-errortype': __, ...headers } = u.headers;
    return new HttpResponse(JSON.stringify(body), { status: u.status, headers });
  }),
  /** RegisterInstance answers its OperationId as a number: the output shape breaks, and so do the scenarios. */
  'operation-id-number': rewrite((u, x) => (x.operation === 'RegisterInstance' && u.status === 200 && typeof u.body?.OperationId === 'string'
    ? new HttpResponse(JSON.stringify({ OperationId: 12345 }), { status: 200, headers: u.headers })
    : undefined)),
} satisfies Record<string, Deviation>;

async function run(deviation: keyof typeof TARGETS, args: string[]): Promise<{ report: Report; exitCode: number }> {
  const faulty = await startFaultyTarget(TARGETS[deviation]);
  try {
    const dir = join(work, `run-${++runNo}`);
    const options = parseRunOptions(['--target', faulty.url, '--seed', '11', '--runs', '5', '--shrink-requests', '20', '--no-fixtures', '--report-dir', dir, ...args]);
    return await executeRun(options, new AbortController().signal, quiet);
  } finally {
    await faulty.close();
  }
}

const lines = (r: Report): string => r.discrepancies.map((d) => `${d.operation} ${d.kind} ${d.constraint} ${d.actual.code ?? '-'} ${d.actual.status}`).join('\n');

/** Every discrepancy names its root cause, and the root cause lists it with its count. */
function expectConsistent(r: Report): void {
  const ids = new Set(r.findings.map((f) => f.id));
  for (const d of r.discrepancies) expect(ids.has(d.finding!), `${d.kind} ${d.constraint} names ${d.finding}`).toBe(true);
  for (const f of r.findings) {
    const members = r.discrepancies.filter((d) => d.finding === f.id && !d.consequence);
    expect(f.seenOn.map((s) => s.discrepancy).sort()).toEqual(members.map((d) => d.id).sort());
    expect(f.count).toBe(members.reduce((n, d) => n + d.count, 0));
    expect(f.reproduce).toBeTruthy();
  }
  expect(r.summary.findings).toBe(r.findings.length);
}

describe.concurrent('one answer-level bug is one root cause, whatever constraints triggered it', () => {
  it('InvalidInput renamed to ValidationException: one error-code root cause (an error: SDKs raise another class)', async () => {
    const { report, exitCode } = await run('renamed-invalid-input', ['--operation', 'RegisterInstance', '--no-scenarios']);
    expect(report.discrepancies.length, lines(report)).toBeGreaterThan(15); // what main reported as separate findings
    expect(report.findings.map((f) => [f.kind, f.signature]), lines(report)).toEqual([['error-code', expect.stringContaining('→ ValidationException')]]);
    const [f] = report.findings;
    expect(f).toMatchObject({ severity: 'error', confidence: 'documented', gating: true, operations: ['RegisterInstance'] });
    expect(f!.seenOn.length).toBe(report.discrepancies.length);
    expect(f!.seenOn.map((s) => s.constraint)).toContain('InstanceId#pattern');
    expect(f!.example.request).toBeDefined();
    expectConsistent(report);
    expect(exitCode).toBe(1);
  });

  it('validation errors answered with HTTP 500, both operations: one server-error root cause', async () => {
    const { report, exitCode } = await run('validation-500', ['--no-scenarios']);
    expect(report.discrepancies.length).toBeGreaterThan(30);
    expect(report.findings.map((f) => [f.kind, f.operations]), lines(report)).toEqual([['server-error', ['CreateServiceInstance', 'RegisterInstance']]]);
    expect(report.findings[0]).toMatchObject({ severity: 'error', gating: true });
    expectConsistent(report);
    expect(exitCode).toBe(1);
  });

  it('validation errors answered with HTTP 403: one status root cause, a warning that gates only with --fail-on warning', async () => {
    const byDefault = await run('validation-403', ['--no-scenarios']);
    expect(byDefault.report.findings.map((f) => [f.kind, f.severity]), lines(byDefault.report)).toEqual([['status', 'warning']]);
    expect(byDefault.report.findings[0]!.signature).toContain('403');
    expect(byDefault.report.findings[0]!.gating).toBe(false);
    expect(byDefault.report.discrepancies.every((d) => !d.gating)).toBe(true);
    expect(byDefault.exitCode).toBe(0);
    expect(byDefault.report.run.failOn).toBe('error');
    expectConsistent(byDefault.report);
    const strict = await run('validation-403', ['--no-scenarios', '--fail-on', 'warning']);
    expect(strict.report.findings.map((f) => [f.kind, f.gating])).toEqual([['status', true]]);
    expect(strict.exitCode).toBe(1);
  });

  it('error type dropped from every error, both operations: one root cause "no error code"', async () => {
    const { report, exitCode } = await run('error-type-dropped', ['--no-scenarios']);
    expect(report.discrepancies.length).toBeGreaterThan(40);
    expect(report.findings.map((f) => f.kind), lines(report)).toEqual(['error-code']);
    expect(report.findings[0]!.signature).toMatch(/no error code/);
    expect(report.findings[0]!.operations).toEqual(['CreateServiceInstance', 'RegisterInstance']);
    expectConsistent(report);
    expect(exitCode).toBe(1);
  });

  it('OperationId as a number: the scenarios it breaks are consequences of the response-schema root cause', async () => {
    const { report } = await run('operation-id-number', ['--operation', 'RegisterInstance']);
    const scenario = report.discrepancies.filter((d) => d.kind === 'idempotency' || d.kind === 'state');
    expect(scenario.length, lines(report)).toBeGreaterThan(0);
    expect(report.findings.map((f) => f.kind), lines(report)).toEqual(['response-schema']);
    const [f] = report.findings;
    expect(f!.consequences.map((c) => c.discrepancy).sort()).toEqual(scenario.map((d) => d.id).sort());
    for (const d of scenario) expect(d).toMatchObject({ finding: f!.id, consequence: true });
    expectConsistent(report);
  });
});
