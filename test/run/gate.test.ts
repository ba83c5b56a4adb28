// Issue 9 §4: two axes on every finding. Confidence (documented / inferred) is gated by --strictness, severity
// (error / warning / info) by --fail-on (default error); info never gates.
import { describe, expect, it } from 'vitest';
import type { Discrepancy } from '../../src/contract/discrepancy.ts';
import { outcomeCheck } from '../../src/checks/outcome.ts';
import { gates } from '../../src/run/findings.ts';
import { parseRunOptions, RUN_HELP } from '../../src/run/options.ts';

const d = (severity: Discrepancy['severity'], confidence: Discrepancy['confidence']): Discrepancy => ({
  operation: 'RegisterInstance', kind: 'error-code', constraint: 'InstanceId#pattern', severity, confidence, source: 'model',
  expected: { outcome: 'error', codes: ['InvalidInput'], statuses: [400], source: 'model' }, actual: { status: 400, code: 'ValidationException' }, detail: '',
});

describe('gating: --fail-on × --strictness', () => {
  it('gates exactly the severities --fail-on names and the confidences --strictness names', () => {
    const table: string[] = [];
    for (const failOn of ['error', 'warning'] as const) {
      for (const strictness of ['documented', 'inferred'] as const) {
        for (const severity of ['error', 'warning', 'info'] as const) {
          for (const confidence of ['documented', 'inferred'] as const) {
            if (gates(d(severity, confidence), { failOn, strictness })) table.push(`${failOn}/${strictness}: ${severity} ${confidence}`);
          }
        }
      }
    }
    expect(table).toEqual([
      'error/documented: error documented',
      'error/inferred: error documented', 'error/inferred: error inferred',
      'warning/documented: error documented', 'warning/documented: warning documented',
      'warning/inferred: error documented', 'warning/inferred: error inferred', 'warning/inferred: warning documented', 'warning/inferred: warning inferred',
    ]);
  });

  it('a same-class code is an error (an SDK raises another exception class); a wrong status a warning', () => {
    const c = { operation: 'RegisterInstance', kind: 'invalid', input: {}, breaks: ['InstanceId#pattern'], exercises: [], context: {}, contextName: 'main' } as never;
    const expected = { outcome: 'error', codes: ['InvalidInput'], statuses: [400], source: 'model', confidence: 'documented', message: '', violations: [] } as never;
    const sameClass = outcomeCheck({ case: c, expected, outcome: { status: 400, code: 'ValidationException', headers: {}, latencyMs: 0 } });
    expect(sameClass.map((x) => [x.kind, x.severity])).toEqual([['error-code', 'error']]);
    const status = outcomeCheck({ case: c, expected, outcome: { status: 403, code: 'InvalidInput', headers: {}, latencyMs: 0 } });
    expect(status.map((x) => [x.kind, x.severity])).toEqual([['status', 'warning']]);
  });

  it('--fail-on takes error (default) or warning; anything else is one usage line', () => {
    expect(parseRunOptions([], () => 1).failOn).toBe('error');
    expect(parseRunOptions(['--fail-on', 'warning'], () => 1).failOn).toBe('warning');
    expect(() => parseRunOptions(['--fail-on', 'info'], () => 1)).toThrow(expect.objectContaining({ code: 'CF_ERR_USAGE', message: "--fail-on must be error or warning, got 'info'" }));
    expect(RUN_HELP).toMatch(/--fail-on S\s+error \(default\) \| warning/);
  });
});
