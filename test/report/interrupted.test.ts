// Issue 9 §6: an interrupted run's summary.md and junit.xml never look green. Rendered from a report value, so
// the rule holds whatever shape the sinks take (the CLI test spawns the real bin and sends SIGTERM).
import { describe, expect, it } from 'vitest';
import { renderJunit } from '../../src/report/junit.ts';
import { renderMarkdown } from '../../src/report/markdown.ts';
import { assignRootCauses, rootCauses } from '../../src/report/rootCauses.ts';
import type { Finding, Report } from '../../src/report/types.ts';

const failing: Finding = {
  id: 'abc', operation: 'RegisterInstance', kind: 'accepted-invalid', constraint: 'InstanceId#pattern', severity: 'error',
  source: 'model', confidence: 'documented', detail: 'accepted (HTTP 200); expected InvalidInput',
  expected: { outcome: 'error', codes: ['InvalidInput'], statuses: [400], source: 'model' }, actual: { status: 200 },
  count: 1, request: { InstanceId: '!' }, context: {}, seed: 1, path: '', shrinkSteps: 0,
  gating: true, baselined: false, reproduce: 'npx contract-fuzz run --seed 1',
};
const report = (findings: Finding[], interrupted: boolean): Report => {
  const ds = findings.map((f) => ({ ...f }));
  assignRootCauses(ds);
  const causes = rootCauses(ds);
  return {
    tool: { name: 'contract-fuzz', version: '0.1.0' },
    run: {
      seed: 1, target: 'builtin', operations: ['RegisterInstance', 'CreateServiceInstance'], runs: 10, concurrency: 4, strictness: 'documented',
      scenarios: !interrupted, startedAt: 'T', durationMs: 1000, casesPerSecond: 10, ...(interrupted ? { interrupted: true } : {}),
    },
    summary: {
      cases: 10, requests: 12, discrepancies: ds.length, gating: ds.filter((f) => f.gating).length,
      findings: causes.length, gatingFindings: causes.filter((c) => c.gating).length, byKind: {}, byOperation: {},
    },
    coverage: {}, findings: causes, discrepancies: ds, fixed: [],
  };
};
const testcases = (xml: string): string[] => xml.match(/<testcase\b[^>]*(\/>|>[\s\S]*?<\/testcase>)/g) ?? [];

describe('an interrupted run', () => {
  it('summary.md says INTERRUPTED, never "no gating discrepancies", with or without findings', () => {
    for (const findings of [[], [failing]]) {
      const md = renderMarkdown(report(findings, true));
      expect(md.split('\n')[0]).toMatch(/^# contract-fuzz: .*INTERRUPTED/);
      expect(md).not.toMatch(/✅|no gating discrepancies/);
    }
    expect(renderMarkdown(report([], false))).toMatch(/✅ no gating discrepancies/); // a finished clean run still is green
  });

  it('junit.xml: what found nothing is skipped (it may not have run), what failed stays failed; no testcase passes', () => {
    const xml = renderJunit(report([failing], true));
    const all = testcases(xml);
    expect(all.length).toBeGreaterThan(2);
    expect(all.filter((t) => /<failure\b/.test(t))).toHaveLength(1);
    for (const t of all) expect(t, t).toMatch(/<skipped\b|<failure\b/);
    // Each testsuite counts its own skipped testcases (junit-10.xsd has no `skipped` on <testsuites>).
    const suites = xml.match(/<testsuite [^>]*>/g) ?? [];
    for (const suite of suites) expect(suite).toMatch(/skipped="\d+"/);
    expect(suites.reduce((n, suite) => n + Number(/skipped="(\d+)"/.exec(suite)![1]), 0)).toBe(all.length - 1);
    // Not interrupted: a property without findings passes.
    expect(testcases(renderJunit(report([failing], false))).some((t) => !/<skipped\b|<failure\b/.test(t))).toBe(true);
  });
});
