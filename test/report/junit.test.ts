// Issue 9 §7: junit.xml validates against the JUnit schema of Jenkins' xUnit plugin (our own junit-10.xsd,
// test/support/) with xmllint compiled to WebAssembly (xmllint-wasm: offline, no system package), and lists
// one testcase per root cause.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { renderJunit } from '../../src/report/junit.ts';
import type { Report } from '../../src/report/types.ts';
import { discrepancy, reportOf, wrongCode } from './reports.ts';

const xsd = readFile(new URL('../support/junit-10.xsd', import.meta.url), 'utf8');

async function validate(xml: string): Promise<string[]> {
  const result = await validateXML({ xml: [{ fileName: 'junit.xml', contents: xml }], schema: [{ fileName: 'junit-10.xsd', contents: await xsd }] });
  return result.valid ? [] : result.errors.map((e) => e.message);
}

/** Every kind of testcase at once: failing, baselined, not gating, shared by two operations, a consequence. */
function busyReport(run: Partial<Report['run']> = {}): Report {
  return reportOf([
    discrepancy({ request: { InstanceId: '\u0001<&"\'>]]>' } }),
    discrepancy({ constraint: 'InstanceId#length', baselined: true, gating: false }),
    wrongCode('InstanceId#pattern', 'ValidationException'),
    wrongCode('ServiceId#length', 'ValidationException'),
    wrongCode('name#length', undefined, { operation: 'CreateServiceInstance', expected: { outcome: 'error', codes: ['ValidationException'], statuses: [400], source: 'model' } }),
    wrongCode('InstanceId#length', undefined),
    discrepancy({ kind: 'status', constraint: 'CreatorRequestId#length', severity: 'warning', gating: false, actual: { status: 422, code: 'InvalidInput' } }),
    discrepancy({ kind: 'idempotency', constraint: 'idempotency:token-replay', answers: ['RegisterInstance code ValidationException'] }),
  ], run);
}

describe('junit.xml', () => {
  it('the validator rejects what main wrote (skipped on <testsuites>, no errors/time on <testsuite>)', async () => {
    const old = '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="contract-fuzz" tests="1" failures="0" skipped="1">\n  <testsuite name="RegisterInstance" tests="1" failures="0">\n    <testcase classname="RegisterInstance" name="idempotency"><skipped message="scenarios did not run"/></testcase>\n  </testsuite>\n</testsuites>\n';
    const errors = await validate(old);
    expect(errors.join('\n')).toMatch(/skipped/);
    expect(errors.join('\n')).toMatch(/errors|time/);
  });

  it('validates against junit-10.xsd: no findings, findings of every sort, scenarios off, an interrupted run', async () => {
    for (const r of [reportOf([]), busyReport(), busyReport({ scenarios: false }), busyReport({ interrupted: true })]) {
      const xml = renderJunit(r);
      expect(await validate(xml), xml).toEqual([]);
    }
  });

  it('one testcase per root cause, each on its own line; counts agree with the testcases', async () => {
    const r = busyReport();
    const xml = renderJunit(r);
    expect(r.findings.length).toBe(5); // 2 accepted-invalid, →ValidationException, no error code (2 operations), status; the consequence folded in
    for (const c of r.findings) expect(xml.split(`[${c.id}]"`).length - 1, c.signature).toBe(1);
    const testcases = xml.match(/<testcase /g)!.length;
    const failures = xml.match(/<failure /g)!.length;
    expect(xml).toContain(`<testsuites name="contract-fuzz" tests="${testcases}" failures="${failures}" errors="0" time="1.234">`);
    expect(failures).toBe(r.findings.filter((c) => c.gating).length);
    // The root cause seen on both operations is one testcase, in a suite named after both.
    expect(xml).toMatch(/<testsuite name="RegisterInstance, CreateServiceInstance|<testsuite name="CreateServiceInstance, RegisterInstance/);
    // Baselined: skipped; a warning the gate ignores: passed, with why in system-out.
    expect(xml).toMatch(/<skipped message="baselined"\/>/);
    expect(xml).toMatch(/status: InvalidInput → HTTP 422[^"]*\[[0-9a-f]{12}\]" time="0.000"><system-out>warning · documented: not gating/);
    // The consequence is listed inside its root cause, not on a line of its own.
    expect(xml).toMatch(/consequence: RegisterInstance idempotency \[idempotency:token-replay\]/);
    expect(xml).not.toMatch(/name="idempotency: /);
  });

  it('properties no root cause breaks pass, or are skipped when they did not run', () => {
    const xml = renderJunit(busyReport({ scenarios: false }));
    expect(xml).toMatch(/name="valid-accepted" time="0.000"\/>/);
    expect(xml).toMatch(/name="state" time="0.000"><skipped message="scenarios did not run"\/>/);
    // An interrupted run cannot say a property held: what no root cause broke is skipped, not passed.
    const cut = renderJunit(busyReport({ interrupted: true }));
    expect(cut).toMatch(/name="valid-accepted" time="0.000"><skipped message="the run was interrupted before this was fully checked"\/>/);
    expect(cut).not.toMatch(/name="[a-z-]+" time="0.000"\/>/);
  });
});
