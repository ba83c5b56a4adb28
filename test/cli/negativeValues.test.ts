// Seen on a clean clone: `run --rate-limit -1` (and `--max-findings -1`, `--duration -5m`, `--runs -1`) answered
// with node's "Option '--rate-limit' argument is ambiguous. Did you forget to specify the option argument…?": the
// user did give one. A negative number after a flag that takes a value is that value, so the flag's own check
// says what it must be.
import { describe, expect, it } from 'vitest';
import { joinNegativeValues } from '../../src/negativeValues.ts';
import { parseRunOptions } from '../../src/run/options.ts';

const usageError = (argv: string[]): string => {
  try { parseRunOptions(argv); } catch (e) { expect(e).toMatchObject({ code: 'CF_ERR_USAGE' }); return (e as Error).message; }
  throw new Error(`accepted: ${argv.join(' ')}`);
};

describe('a negative number given to a flag', () => {
  it.each([
    [['--rate-limit', '-1'], /^--rate-limit must be a number of requests per second above 0 .*got '-1'$/],
    [['--max-findings', '-1'], /^--max-findings must be an integer from 1 to .*got '-1'$/],
    [['--duration', '-5m'], /^--duration must be a time .*got '-5m'$/],
    [['--runs', '-1'], /^--runs must be .*got '-1'$/],
    [['--concurrency', '-.5'], /^--concurrency must be .*got '-.5'$/],
  ])('%j: the flag says what it takes, one line', (argv, message) => {
    const text = usageError(argv);
    expect(text).toMatch(message);
    expect(text).not.toMatch(/ambiguous|\n/);
  });

  it('is only joined to a flag that takes a value, never to a boolean flag, never after --', () => {
    const options = { 'rate-limit': { type: 'string' }, quiet: { type: 'boolean' } } as const;
    expect(joinNegativeValues(['--rate-limit', '-1', '--quiet'], options)).toEqual(['--rate-limit=-1', '--quiet']);
    expect(joinNegativeValues(['--quiet', '-1'], options)).toEqual(['--quiet', '-1']);
    expect(joinNegativeValues(['--rate-limit', '--quiet'], options)).toEqual(['--rate-limit', '--quiet']);
    expect(joinNegativeValues(['--', '--rate-limit', '-1'], options)).toEqual(['--', '--rate-limit', '-1']);
    expect(joinNegativeValues(['--rate-limit=-1'], options)).toEqual(['--rate-limit=-1']);
  });
});
