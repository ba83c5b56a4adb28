// Issue 9 §5: a recording answers the run it was made with; another seed or operation is one line (exit 2).
import { describe, expect, it } from 'vitest';
import { isHarnessError } from '../../src/errors.ts';
import { assertRecordedRun } from '../../src/run/replayRecording.ts';

const rec = { name: 'replay:rec', recorded: { seeds: [4294967295], operations: ['RegisterInstance'] } };
const error = (f: () => void): string => {
  try { f(); } catch (e) { if (isHarnessError(e)) return `${e.code} ${e.message}`; throw e; }
  return 'no error';
};

describe('a run against a recording', () => {
  it('with the recorded seed (signed or unsigned) and operation goes ahead; a live target is never checked', () => {
    expect(error(() => assertRecordedRun(rec, { seed: 4294967295, operations: ['RegisterInstance'] }))).toBe('no error');
    expect(error(() => assertRecordedRun(rec, { seed: -1, operations: ['RegisterInstance'] }))).toBe('no error');
    expect(error(() => assertRecordedRun({ name: 'builtin' }, { seed: 1, operations: ['CreateServiceInstance'] }))).toBe('no error');
  });
  it('with another seed or an operation it does not hold is a usage error naming what was recorded', () => {
    expect(error(() => assertRecordedRun(rec, { seed: 5, operations: ['RegisterInstance'] })))
      .toMatch(/^CF_ERR_USAGE replay:rec was recorded with --seed 4294967295, not 5/);
    expect(error(() => assertRecordedRun(rec, { seed: 4294967295, operations: ['RegisterInstance', 'CreateServiceInstance'] })))
      .toMatch(/^CF_ERR_USAGE replay:rec holds no recording of CreateServiceInstance .*--operation RegisterInstance/);
  });
});
