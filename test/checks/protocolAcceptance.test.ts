// Issue 9 §1/§2 acceptance: whole runs (in-process executeRun) against faulty targets (msw handlers over a
// real loopback socket in front of a real emulator, test/support/faultyTarget.ts) whose only faults are how
// they frame their answers, plus, for §1, one accepted-invalid payload that must not hide behind them.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/types.ts';
import { parseRunOptions } from '../../src/run/options.ts';
import { executeRun } from '../../src/run/run.ts';
import { startFaultyTarget, type Deviation } from '../support/faultyTarget.ts';

let work: string;
beforeAll(async () => { work = await mkdtemp(join(tmpdir(), 'cf-protocol-')); });
afterAll(async () => { await rm(work, { recursive: true, force: true }); });
const quiet = { write: () => undefined, writeErr: () => undefined, isTTY: false };
let runNo = 0;

async function runAgainst(deviation: Deviation, operation: string): Promise<Report> {
  const faulty = await startFaultyTarget(deviation);
  try {
    const dir = join(work, `run-${++runNo}`);
    await mkdir(join(dir, 'fixtures'), { recursive: true });
    const options = parseRunOptions(['--target', faulty.url, '--operation', operation, '--seed', '11', '--runs', '5', '--no-scenarios',
      '--shrink-requests', '60', '--report-dir', join(dir, 'reports'), '--fixtures-dir', join(dir, 'fixtures')]);
    return (await executeRun(options, new AbortController().signal, quiet)).report;
  } finally {
    await faulty.close();
  }
}

/** The answer as the emulator gave it, with other headers and/or another body. */
const rewrite = async (u: Response, o: { headers?: (h: Headers) => void; body?: (b: Record<string, unknown>) => Record<string, unknown> }): Promise<Response> => {
  const headers = new Headers(u.headers);
  o.headers?.(headers);
  let text = await u.text();
  if (o.body && u.status >= 300) {
    try { text = JSON.stringify(o.body(JSON.parse(text) as Record<string, unknown>)); } catch { /* not JSON: leave it */ }
  }
  return new HttpResponse(text, { status: u.status, headers });
};

const protocolFindings = (r: Report) => r.discrepancies.filter((d) => d.kind === 'protocol').map((d) => `${d.operation} ${d.constraint} ${d.severity}`);

describe('§1 an emulator that answers JSON as text/html and accepts a 65-character InstanceId', () => {
  // Every answer, success or error, comes as `text/html; charset=utf-8` (a widely used emulator does this).
  const htmlJson: Deviation = async (x) => {
    const tooLong = x.operation === 'RegisterInstance' && typeof x.input?.InstanceId === 'string' && x.input.InstanceId.length > 64;
    const u = tooLong
      ? new HttpResponse(JSON.stringify({ OperationId: 'fake-op' }), { status: 200 })
      : await x.pass();
    return rewrite(u, { headers: (h) => h.set('content-type', 'text/html; charset=utf-8') });
  };

  it('reports the accepted-invalid finding and exactly one content-type protocol finding per operation, no server-error', async () => {
    const report = await runAgainst(htmlJson, 'all');
    const kinds = report.discrepancies.map((d) => `${d.operation} ${d.kind} ${d.constraint}`);
    expect(kinds).toContain('RegisterInstance accepted-invalid InstanceId#length');
    expect(report.discrepancies.filter((d) => d.kind === 'server-error')).toEqual([]);
    expect(protocolFindings(report)).toEqual([
      'CreateServiceInstance protocol:content-type warning',
      'RegisterInstance protocol:content-type warning',
    ]);
    // The wrong header is seen on (nearly) every answer, yet it is one finding each, counted.
    for (const f of report.discrepancies.filter((d) => d.kind === 'protocol')) expect(f.count).toBeGreaterThan(5);
    // Nothing else: the emulator behind it is right about everything but the one InstanceId rule.
    expect(kinds.filter((k) => !k.includes('protocol:') && !k.includes('InstanceId#length'))).toEqual([]);
    const accepted = report.discrepancies.find((d) => d.kind === 'accepted-invalid')!;
    expect((accepted.request as { InstanceId: string }).InstanceId).toHaveLength(65);
    expect(accepted.gating).toBe(true);
  });
});

describe('§2 answers the AWS SDKs do not all decode alike', () => {
  it('the error code only in X-Amzn-ErrorType: one error finding per observed code saying botocore sees the HTTP status', async () => {
    const headerOnly: Deviation = async (x) => rewrite(await x.pass(), { body: ({ __type: _, ...rest }) => rest });
    const report = await runAgainst(headerOnly, 'RegisterInstance');
    const found = report.discrepancies.filter((d) => d.kind === 'protocol');
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) {
      expect(f).toMatchObject({ constraint: 'protocol:sdk-error-code:botocore', severity: 'error', confidence: 'documented', gating: true });
      expect(f.detail).toMatch(/^botocore \(boto3, AWS CLI\) reads "\d{3}" \(HTTP status\) → a generic service error; but .* raise /);
    }
    // One finding per observed code, and nothing else is wrong with this target.
    expect(new Set(found.map((f) => f.actual.code)).size).toBe(found.length);
    expect(report.discrepancies.filter((d) => d.kind !== 'protocol')).toEqual([]);
  });

  it('Cloud Map errors with `message` instead of the modelled `Message`: one warning', async () => {
    const lower: Deviation = async (x) => rewrite(await x.pass(), { body: ({ Message, ...rest }) => (Message === undefined ? rest : { ...rest, message: Message }) });
    const report = await runAgainst(lower, 'RegisterInstance');
    expect(protocolFindings(report)).toEqual(['RegisterInstance protocol:message-key warning']);
    expect(report.discrepancies.filter((d) => d.kind !== 'protocol')).toEqual([]);
  });
});

describe('--diff builtin <candidate>: the candidate\'s wire format is judged as in any run', () => {
  it('a candidate answering JSON as text/html gets one content-type warning per operation; the reference none', async () => {
    const htmlJson: Deviation = async (x) => rewrite(await x.pass(), { headers: (h) => h.set('content-type', 'text/html; charset=utf-8') });
    const faulty = await startFaultyTarget(htmlJson);
    try {
      const dir = join(work, `run-${++runNo}`);
      const options = parseRunOptions(['--target', 'builtin', '--diff', faulty.url, '--operation', 'all', '--seed', '11', '--runs', '5',
        '--no-scenarios', '--shrink-requests', '20', '--report-dir', join(dir, 'reports'), '--no-fixtures']);
      const { report } = await executeRun(options, new AbortController().signal, quiet);
      expect(protocolFindings(report)).toEqual([
        'CreateServiceInstance protocol:content-type warning',
        'RegisterInstance protocol:content-type warning',
      ]);
      expect(report.discrepancies.filter((d) => d.kind !== 'protocol')).toEqual([]);
    } finally {
      await faulty.close();
    }
  });
});
