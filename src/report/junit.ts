// junit.xml: one testcase per property per operation; a failure carries the minimal payload and the
// command that reproduces it. CI systems render this without knowing anything about contract-fuzz.
import { join } from 'node:path';
import { PLANS } from '../../properties/index.ts';
import { HarnessError } from '../errors.ts';
import { writeFileAtomic } from '../files.ts';
import { findingLine, shortPayload } from './render.ts';
import type { Report, ReportSink } from './types.ts';

const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string)
    // XML 1.0 cannot carry most control characters, which fuzzed payloads are full of.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

export function renderJunit(report: Report): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let skipped = 0;
  for (const operation of report.run.operations) {
    const plan = Object.hasOwn(PLANS, operation) ? PLANS[operation] : undefined;
    // An operation without a plan would vanish from junit.xml and CI would count it green: say so instead.
    if (!plan) throw new HarnessError('CF_ERR_UNKNOWN_OPERATION', `no JUnit plan for operation '${operation}' (properties/index.ts)`);
    const cases: string[] = [];
    let suiteFailures = 0;
    let suiteSkipped = 0;
    for (const p of plan.properties) {
      const found = report.discrepancies.filter((f) => f.operation === operation && f.gating && p.kinds.includes(f.kind));
      tests++;
      if (p.scenario && report.run.scenarios === false) {
        skipped++;
        suiteSkipped++;
        cases.push(`    <testcase classname="${esc(operation)}" name="${esc(p.id)}"><skipped message="scenarios did not run"/></testcase>`);
        continue;
      }
      if (found.length === 0 && report.run.interrupted) {
        // An interrupted run did not finish checking this property: not a pass.
        skipped++;
        suiteSkipped++;
        cases.push(`    <testcase classname="${esc(operation)}" name="${esc(p.id)}"><skipped message="the run was interrupted before this was fully checked"/></testcase>`);
        continue;
      }
      if (found.length === 0) {
        cases.push(`    <testcase classname="${esc(operation)}" name="${esc(p.id)}"/>`);
        continue;
      }
      failures++;
      suiteFailures++;
      const body = found.map((f) => `${findingLine(f)}\n  ${f.detail}\n  payload: ${shortPayload(f.rawBody ?? f.request)}\n  reproduce: ${f.reproduce}`).join('\n\n');
      cases.push(`    <testcase classname="${esc(operation)}" name="${esc(p.id)}">\n      <failure message="${esc(`${found.length} finding(s): ${p.says}`)}" type="${esc(found[0].kind)}">${esc(body)}</failure>\n    </testcase>`);
    }
    suites.push(`  <testsuite name="${esc(operation)}" tests="${plan.properties.length}" failures="${suiteFailures}"${suiteSkipped ? ` skipped="${suiteSkipped}"` : ''}>\n${cases.join('\n')}\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="contract-fuzz" tests="${tests}" failures="${failures}"${skipped ? ` skipped="${skipped}"` : ''}>\n${suites.join('\n')}\n</testsuites>\n`;
}

export const junitSink = (dir: string): ReportSink => ({
  onRunEnd: (report) => writeFileAtomic(join(dir, 'junit.xml'), renderJunit(report)),
});
