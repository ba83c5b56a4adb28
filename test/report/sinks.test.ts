import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderConsole } from '../../src/report/console.ts';
import { renderJunit } from '../../src/report/junit.ts';
import { renderMarkdown } from '../../src/report/markdown.ts';
import type { Finding, Report } from '../../src/report/types.ts';
import { applyBaseline, readBaseline, writeBaseline } from '../../src/run/baseline.ts';
import { findingId } from '../../src/report/findingId.ts';
import { assignRootCauses, rootCauses } from '../../src/report/rootCauses.ts';

const finding = (over: Partial<Finding> = {}): Finding => ({
  id: findingId('RegisterInstance', 'accepted-invalid', 'InstanceId#pattern', undefined),
  operation: 'RegisterInstance', kind: 'accepted-invalid', constraint: 'InstanceId#pattern', severity: 'error',
  source: 'model', confidence: 'documented', detail: 'accepted (HTTP 200); expected InvalidInput',
  expected: { outcome: 'error', codes: ['InvalidInput'], statuses: [400], source: 'model' }, actual: { status: 200 },
  count: 3, request: { ServiceId: 'srv-x', InstanceId: 'a\u0001<b>', Attributes: {} }, context: {}, seed: 1, path: '0:2', shrinkSteps: 2,
  gating: true, baselined: false, reproduce: 'npx contract-fuzz replay fixtures/RegisterInstance/accepted-invalid-x.json --target builtin',
  ...over,
});
const report = (findings: Finding[]): Report => {
  assignRootCauses(findings);
  const causes = rootCauses(findings);
  return {
    tool: { name: 'contract-fuzz', version: '0.1.0' },
    run: { seed: 1, target: 'builtin', operations: ['RegisterInstance', 'CreateServiceInstance'], runs: 10, concurrency: 4, strictness: 'documented', failOn: 'error', startedAt: '2026-12-01T20:00:00.000Z', durationMs: 1000, casesPerSecond: 10 },
    summary: {
      cases: 10, requests: 12, discrepancies: findings.length, gating: findings.filter((f) => f.gating).length,
      findings: causes.length, gatingFindings: causes.filter((c) => c.gating).length, byKind: {}, byOperation: {},
    },
    coverage: { RegisterInstance: { 'InstanceId#pattern': { valid: 1, invalid: 2 } } }, findings: causes, discrepancies: findings, fixed: [],
  };
};

describe('report sinks', () => {
  it('junit: one testcase per root cause, in place of the property it breaks; the failure carries the payload and the command, as valid XML text', () => {
    const xml = renderJunit(report([finding()]));
    // 14 properties over two operations; the broken one is represented by its one root cause.
    expect(xml.match(/<testcase /g)?.length).toBe(14);
    expect(xml).toContain('<testsuites name="contract-fuzz" tests="14" failures="1" errors="0" time="1.000">');
    const failure = xml.slice(xml.indexOf('<failure'), xml.indexOf('</failure>'));
    expect(xml).toMatch(/classname="contract-fuzz.RegisterInstance.invalid-rejected" name="accepted-invalid: [^"]*" time="0.000">\s*<failure/);
    expect(xml).not.toMatch(/classname="contract-fuzz.RegisterInstance" name="invalid-rejected"/);
    expect(xml).toMatch(/classname="contract-fuzz.CreateServiceInstance" name="invalid-rejected"/);
    expect(failure).toContain('npx contract-fuzz replay fixtures/RegisterInstance/accepted-invalid-x.json');
    expect(failure).toContain('&lt;b&gt;');
    expect(failure).not.toMatch(/[\u0000-\u0008]/); // control characters cannot appear in XML 1.0
  });
  // Regression: with --no-scenarios the idempotency and state testcases showed as passed though they never ran.
  it('junit: scenario properties that did not run are skipped, not passed', () => {
    const r = report([]);
    r.run.scenarios = false;
    const xml = renderJunit(r);
    expect(xml).toContain('skipped="2"'); // per operation: idempotency and state
    expect(xml).toMatch(/name="idempotency" time="0.000"><skipped/);
  });
  it('junit: baselined findings do not fail', () => {
    expect(renderJunit(report([finding({ gating: false, baselined: true })]))).toContain('failures="0"');
  });
  it('markdown and console say pass/fail and show each finding with its reproduction', () => {
    const md = renderMarkdown(report([finding()]));
    expect(md).toMatch(/^# contract-fuzz: ❌ 1 gating finding/);
    expect(md).toContain('`InstanceId#pattern`');
    const text = renderConsole(report([finding()]), 'reports');
    expect(text).toContain('FAIL: 1 gating');
    expect(text).toContain('reproduce: npx contract-fuzz replay');
    expect(renderConsole(report([]), 'reports')).toContain('PASS: 0 gating');
  });
  it('long string values are cut in human-facing output (Proton spec is sensitive and up to 51,200 chars)', () => {
    const text = renderConsole(report([finding({ request: { spec: 's'.repeat(51_200) } })]), 'reports');
    expect(text).not.toContain('s'.repeat(200));
    expect(text).toContain('(51200 chars)');
  });
});

describe('baseline', () => {
  it('round-trips, marks known findings as not gating and lists vanished ones as fixed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cf-baseline-'));
    const file = join(dir, 'baseline.json');
    const known = finding();
    const gone = finding({ constraint: 'InstanceId#length', id: findingId('RegisterInstance', 'accepted-invalid', 'InstanceId#length', undefined) });
    await writeBaseline(file, [known, gone]);
    const baseline = await readBaseline(file);
    const fresh = [finding(), finding({ kind: 'status', id: 'new', constraint: 'x' })];
    const ran = (operations: string[]) => ({ operations, coverage: { RegisterInstance: { 'InstanceId#length': { valid: 1, invalid: 1 } } }, cases: { RegisterInstance: 2 }, scenarios: new Set<string>() });
    const { fixed } = applyBaseline(fresh, baseline, ran(['RegisterInstance']));
    expect(fresh[0]).toMatchObject({ baselined: true, gating: false });
    expect(fresh[1]).toMatchObject({ baselined: false, gating: true });
    expect(fixed).toEqual([gone.id]);
    expect(applyBaseline([finding()], baseline, ran(['CreateServiceInstance']))).toEqual({ fixed: [], notExercised: [gone.id] });
    expect(JSON.parse(await readFile(file, 'utf8')).baselineVersion).toBe(1);
  });
  it('ids are stable and depend on operation, kind, constraint and observed code only', () => {
    expect(findingId('A', 'k', 'c', 'X')).toBe(findingId('A', 'k', 'c', 'X'));
    expect(findingId('A', 'k', 'c', 'X')).not.toBe(findingId('A', 'k', 'c', 'Y'));
  });
  it('a file that is not a baseline is a clear harness error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cf-baseline-'));
    await expect(readBaseline(join(dir, 'missing.json'))).rejects.toMatchObject({ code: 'CF_ERR_BASELINE' });
  });
});
