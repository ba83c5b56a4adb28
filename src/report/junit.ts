// junit.xml, valid against the JUnit schema of Jenkins' xUnit plugin (junit-10.xsd; test/support/junit-10.xsd):
// one testsuite per operation, one testcase per root cause (CI UIs list each bug on its own line) and one
// passing or skipped testcase per property of the plan that no root cause breaks. A root cause seen on several
// operations gets its own suite named after them, so it is still one testcase. A failure carries the minimal
// payload, the constraints it was seen on and the command that reproduces it.
import { join } from 'node:path';
import { perCase, type OperationPlan, type Property } from '../../properties/index.ts';
import { HarnessError } from '../errors.ts';
import { writeFileAtomic } from '../files.ts';
import { hasProfile, profileOf } from '../profiles/index.ts';
import { rootCauseLine, seenOnText, shortPayload } from './render.ts';
import type { Report, ReportSink, RootCause } from './types.ts';

const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string)
    // XML 1.0 cannot carry most control characters, which fuzzed payloads are full of.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Seconds as the schema's SUREFIRE_TIME wants them: digits, a dot, digits. */
const seconds = (ms: number): string => (Math.max(0, ms) / 1000).toFixed(3);

interface Case { xml: string; failed: boolean; skipped: boolean }

/** The operation's plan, from its profile; without a hand-written one, the per-case properties (no scenarios).
 * An operation without a profile would vanish from junit.xml and CI would count it green: say so instead. */
function planOf(operation: string): OperationPlan {
  if (!hasProfile(operation)) throw new HarnessError('CF_ERR_UNKNOWN_OPERATION', `no JUnit plan for operation '${operation}' (it has no profile)`);
  return profileOf(operation).junit ?? { operation, properties: perCase };
}

const propertyOf = (operation: string, kind: string): string =>
  planOf(operation).properties.find((p) => p.kinds.includes(kind as Property['kinds'][number]))?.id ?? kind;

function causeCase(c: RootCause, operation: string, report: Report): Case {
  const classname = esc(`contract-fuzz.${operation}.${propertyOf(c.operations[0]!, c.kind)}`);
  const name = esc(`${c.kind}: ${c.signature} [${c.id}]`);
  const body = [
    rootCauseLine(c), `seen on ${seenOnText(c, 50)}`, c.detail, `source: ${c.source}`,
    `payload: ${shortPayload(c.example.rawBody ?? c.example.request)}`, `reproduce: ${c.reproduce}`,
    ...c.consequences.map((q) => `consequence: ${q.operation} ${q.kind} [${q.constraint}]`),
  ].join('\n');
  if (c.gating) {
    return { xml: `    <testcase classname="${classname}" name="${name}" time="0.000">\n      <failure message="${esc(`${c.severity} · ${c.confidence}: ${c.signature}`)}" type="${esc(c.kind)}">${esc(body)}</failure>\n    </testcase>`, failed: true, skipped: false };
  }
  // Not gating: in the baseline (skipped, it is a known failure), or a severity/confidence the gate ignores.
  const why = c.baselined ? 'baselined' : `${c.severity} · ${c.confidence}: not gating (--fail-on ${report.run.failOn ?? 'error'}, --strictness ${report.run.strictness})`;
  const inner = c.baselined ? `<skipped message="${esc(why)}"/>` : `<system-out>${esc(`${why}\n${body}`)}</system-out>`;
  return { xml: `    <testcase classname="${classname}" name="${name}" time="0.000">${inner}</testcase>`, failed: false, skipped: c.baselined };
}

function suite(name: string, cases: Case[], time: string, timestamp: string): string {
  const failures = cases.filter((c) => c.failed).length;
  const skipped = cases.filter((c) => c.skipped).length;
  return `  <testsuite name="${esc(name)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${time}" timestamp="${esc(timestamp)}">\n${cases.map((c) => c.xml).join('\n')}\n  </testsuite>`;
}

export function renderJunit(report: Report): string {
  const suites: { name: string; cases: Case[] }[] = [];
  for (const operation of report.run.operations) {
    const plan = planOf(operation);
    const cases: Case[] = [];
    for (const p of plan.properties) {
      const causes = report.findings.filter((c) => c.operations.length === 1 && c.operations[0] === operation && p.kinds.includes(c.kind));
      if (causes.length > 0) {
        cases.push(...causes.map((c) => causeCase(c, operation, report)));
        continue;
      }
      const classname = esc(`contract-fuzz.${operation}`);
      // What did not run is skipped, never passed: scenarios off or cut, a run interrupted or stopped before the end.
      const notRun = p.scenario && report.run.scenarios === false ? 'scenarios did not run'
        : report.run.interrupted ? 'the run was interrupted before this was fully checked'
          : report.run.stoppedEarly ? 'the run stopped early (--max-findings) before this was fully checked' : undefined;
      cases.push(notRun
        ? { xml: `    <testcase classname="${classname}" name="${esc(p.id)}" time="0.000"><skipped message="${esc(notRun)}"/></testcase>`, failed: false, skipped: true }
        : { xml: `    <testcase classname="${classname}" name="${esc(p.id)}" time="0.000"/>`, failed: false, skipped: false });
    }
    // Kinds no property of the plan names (protocol findings, …) still get their testcase.
    const known = new Set(plan.properties.flatMap((p) => p.kinds as string[]));
    for (const c of report.findings) if (c.operations.length === 1 && c.operations[0] === operation && !known.has(c.kind)) cases.push(causeCase(c, operation, report));
    suites.push({ name: operation, cases });
  }
  // A root cause seen on several operations (an answer signature) is one bug: one testcase, in a suite of its own.
  const shared = new Map<string, Case[]>();
  for (const c of report.findings) {
    if (c.operations.length < 2) continue;
    const name = c.operations.join(', ');
    shared.set(name, [...(shared.get(name) ?? []), causeCase(c, name, report)]);
  }
  for (const [name, cases] of shared) suites.push({ name, cases });
  // No per-suite timing is kept: the run's duration goes on <testsuites>, suites and cases say 0.
  const rendered = suites.map((s) => suite(s.name, s.cases, '0.000', report.run.startedAt));
  const all = suites.flatMap((s) => s.cases);
  const failures = all.filter((c) => c.failed).length;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="contract-fuzz" tests="${all.length}" failures="${failures}" errors="0" time="${seconds(report.run.durationMs)}">\n${rendered.join('\n')}\n</testsuites>\n`;
}

export const junitSink = (dir: string): ReportSink => ({
  onRunEnd: (report) => writeFileAtomic(join(dir, 'junit.xml'), renderJunit(report)),
});
