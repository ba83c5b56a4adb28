// --concurrency / --max-concurrency (issue 11 §6): the default is adaptive from 16 up to 128; --concurrency C
// alone keeps meaning a fixed limit; both: adaptive from C up to M; a start above the cap is a usage error.
import { describe, expect, it } from 'vitest';
import { HarnessError } from '../../src/errors.ts';
import { inFlightLimitFor, slotsFor } from '../../src/run/concurrency.ts';
import { parseRunOptions } from '../../src/run/options.ts';

const parse = (...argv: string[]) => {
  const o = parseRunOptions(['--seed', '1', ...argv]);
  return [o.concurrency, o.maxConcurrency];
};

describe('requests in flight', () => {
  it('parses the four forms', () => {
    expect(parse()).toEqual([16, 128]);
    expect(parse('--concurrency', '8')).toEqual([8, undefined]);
    expect(parse('--max-concurrency', '64')).toEqual([16, 64]);
    expect(parse('--max-concurrency', '4')).toEqual([4, 4]);
    expect(parse('--concurrency', '4', '--max-concurrency', '256')).toEqual([4, 256]);
  });

  it('a start above the cap, or a cap out of range, is one usage line', () => {
    for (const argv of [['--concurrency', '64', '--max-concurrency', '32'], ['--max-concurrency', '0'], ['--max-concurrency', '2000']]) {
      let error: unknown;
      try { parse(...argv); } catch (e) { error = e; }
      expect(error).toBeInstanceOf(HarnessError);
      expect((error as HarnessError).code).toBe('CF_ERR_USAGE');
    }
  });

  it('adapts against a target it did not start; builtin and recordings keep the start value fixed', () => {
    const o = { concurrency: 16, maxConcurrency: 128 };
    const remote = inFlightLimitFor(o, {});
    const builtin = inFlightLimitFor(o, { fresh: true });
    const recording = inFlightLimitFor(o, { runTag: 'abc' });
    expect([remote.adaptive, builtin.adaptive, recording.adaptive]).toEqual([true, false, false]);
    expect([remote.limit.limit, remote.limit.max, builtin.limit.limit, builtin.limit.max]).toEqual([16, 128, 16, 16]);
    // Enough work in flight to fill the highest limit any target may reach.
    expect(slotsFor([remote, builtin])).toBe(128);
    expect(slotsFor([builtin])).toBe(16);
    expect(inFlightLimitFor({ concurrency: 8 }, {}).adaptive).toBe(false);
  });
});
