// Issue 11 §4 §5: the run-control options' values, their bad input (one line, exit 2), the stream control
// (time box, early stop), and how a reproduce command carries them.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plan } from '../../src/generate/index.ts';
import { CaseTally, addDigests } from '../../src/run/caseDigest.ts';
import { controlled } from '../../src/run/caseStream.ts';
import { parseRunOptions, TIME_BOXED_RUNS } from '../../src/run/options.ts';
import { decidingWords, reachedRuns, rerunCommand } from '../../src/run/reproduce.ts';
import { argvOf, BIN } from '../support/cli.ts';

const ENV = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', CONTRACT_FUZZ_DEBUG: '', CI: '' };
let work: string;
beforeAll(async () => { work = await mkdtemp(join(tmpdir(), 'cf-control-')); });
afterAll(async () => { await rm(work, { recursive: true, force: true }); });

const usage = (argv: string[]): string => {
  try {
    parseRunOptions(argv);
    return 'accepted';
  } catch (e) {
    return `${(e as { code: string }).code} ${(e as Error).message}`;
  }
};

describe('--shard, --duration, --max-findings values', () => {
  it('accepts i/n, s/m/h and a positive count', () => {
    expect(parseRunOptions(['--shard', '2/3']).shard).toEqual({ index: 2, total: 3 });
    expect(parseRunOptions(['--duration', '90s']).durationMs).toBe(90_000);
    expect(parseRunOptions(['--duration', '10m']).durationMs).toBe(600_000);
    expect(parseRunOptions(['--duration', '1.5h']).durationMs).toBe(5_400_000);
    expect(parseRunOptions(['--max-findings', '3']).maxFindings).toBe(3);
    // the clock ends the random phase, unless --runs caps it
    expect(parseRunOptions(['--duration', '1m']).runs).toBe(TIME_BOXED_RUNS);
    expect(parseRunOptions(['--duration', '1m', '--runs', '50']).runs).toBe(50);
    expect(parseRunOptions([]).runs).toBe(100);
  });

  it.each([
    ['--shard', '0/3'], ['--shard', '3/2'], ['--shard', 'a/b'], ['--shard', '1/0'], ['--shard', '2'], ['--shard', '1/1001'],
    ['--duration', '10'], ['--duration', '0s'], ['--duration', '10d'], ['--duration', '5 m'], ['--duration', '200h'],
    ['--max-findings', '0'], ['--max-findings', 'x'],
  ])('%s %s is a usage error naming the option and the value', (flag, value) => {
    const said = usage([flag, value]);
    expect(said).toMatch(/^CF_ERR_USAGE /);
    expect(said).toContain(flag);
    expect(said).toContain(`'${value}'`);
  });

  it('a shard does not write a baseline (merge does)', () => {
    expect(usage(['--shard', '1/2', '--write-baseline', 'b.json'])).toMatch(/^CF_ERR_USAGE --write-baseline with --shard .*merge/);
  });

  it('the command line: one line on stderr, exit 2, for run and merge', () => {
    for (const args of [['run', '--shard', '3/2'], ['merge', join(work, 'missing')], ['merge']]) {
      const r = spawnSync(process.execPath, [BIN, ...args], { cwd: work, env: ENV, encoding: 'utf8', timeout: 60_000 });
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
    }
  }, 120_000);
});

describe('the case stream under control', () => {
  const items = () => plan('RegisterInstance', { seed: 1, runs: 40 });

  it('a time box ends the random phase only: the coverage phase runs whole', () => {
    let t = 0;
    const reached = { fill: 0, random: 0 };
    const taken = [...controlled(items(), { operation: 'RegisterInstance', tally: new CaseTally(), deadline: 10, stopped: () => false, reached, now: () => t++ })];
    const all = [...items()];
    const coverage = all.filter((i) => i.phase === 'coverage').length;
    expect(taken.filter((i) => i.phase === 'coverage')).toHaveLength(coverage);
    expect(taken.filter((i) => i.phase === 'fill')).toHaveLength(10);
    expect(reached).toEqual({ fill: 10, random: 10 });
  });

  it('an early stop ends the stream at once', () => {
    let n = 0;
    const taken = [...controlled(items(), { operation: 'RegisterInstance', tally: new CaseTally(), stopped: () => ++n > 5, reached: { fill: 0, random: 0 } })];
    expect(taken).toHaveLength(5);
  });

  it('case digests of disjoint parts add up to the digest of the whole, in any order', () => {
    const whole = new CaseTally();
    const parts = [new CaseTally(), new CaseTally()];
    for (let i = 0; i < 100; i++) { whole.take('Op', i); parts[i % 3 === 0 ? 0 : 1]!.take('Op', 99 - i); }
    expect(addDigests(parts.map((p) => p.digests(['Op']).Op!))).toEqual(whole.digests(['Op']).Op);
    const other = new CaseTally();
    for (let i = 1; i <= 100; i++) other.take('Op', i);
    expect(other.digests(['Op']).Op!.digest).not.toBe(whole.digests(['Op']).Op!.digest);
  });
});

describe('reproduce commands and merge identity', () => {
  it('a finding of a shard reruns with the same --shard; a time-boxed one with --runs it reached, no --duration', () => {
    const o = parseRunOptions(['--seed', '4', '--shard', '2/3', '--duration', '10m', '--max-findings', '2']);
    const rerun = rerunCommand(reachedRuns(o, 1234), 'RegisterInstance');
    expect(rerun).toContain('--shard 2/3');
    expect(rerun).toContain('--runs 1234');
    expect(rerun).not.toContain('--duration');
    expect(rerun).not.toContain('--max-findings');
    // and it parses back to the same shard
    expect(parseRunOptions(argvOf(rerun).slice(1)).shard).toEqual({ index: 2, total: 3 });
  });

  it('the option words shards must share: no --shard, every operation, the time box and --max-findings', () => {
    const words = decidingWords(parseRunOptions(['--seed', '4', '--shard', '2/3', '--duration', '10m', '--max-findings', '2']));
    expect(words).not.toContain('--shard');
    expect(words.join(' ')).toContain('--operation RegisterInstance,CreateServiceInstance');
    expect(words.join(' ')).toContain('--duration 10m --max-findings 2');
    expect(decidingWords(parseRunOptions(['--seed', '4', '--shard', '1/3', '--duration', '10m', '--max-findings', '2']))).toEqual(words);
  });
});
