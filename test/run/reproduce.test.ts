// Issue 9 §5: every printed reproduce command carries the options that change requests or verdicts. The table in
// src/run/reproduce.ts is typed over every RunOptions key; this checks each carried option survives a round trip
// through the printed command and `run`'s own option parser.
import { describe, expect, it } from 'vitest';
import { parseRunOptions, type RunOptions } from '../../src/run/options.ts';
import { REPRODUCE_OPTIONS, replayCommand, reproduceFor, rerunCommand } from '../../src/run/reproduce.ts';
import { argvOf } from '../support/cli.ts';

// Every option away from its default (and values that need quoting).
const unusual: RunOptions = parseRunOptions([
  '--target', 'http://127.0.0.1:4566', '--diff', "sdk+http://127.0.0.1:5000", '--operation', 'RegisterInstance', '--runs', '7',
  '--seed', '4294967295', '--concurrency', '3', '--timeout-ms', '1234', '--region', 'eu-west-1', '--strictness', 'inferred',
  '--baseline', 'b.json', '--write-baseline', 'w.json', '--report-dir', 'r', '--fixtures-dir', 'f x', '--shrink-requests', '9',
  '--no-scenarios', '--messages', '--profile', 'envelope', '--service-id', "srv-it's", '--proton-service', 'svc 1',
  '--allow-aws', '--keep',
]);
const carriedKeys = (Object.keys(REPRODUCE_OPTIONS) as Array<keyof RunOptions>).filter((k) => 'flags' in REPRODUCE_OPTIONS[k]);

describe('the rerun form', () => {
  it('gives back every option that changes requests or verdicts, through run\'s own parser', () => {
    const printed = rerunCommand(unusual, 'RegisterInstance');
    const [command, ...argv] = argvOf(printed);
    expect(command).toBe('run');
    const again = parseRunOptions(argv);
    expect(carriedKeys.length).toBeGreaterThan(10);
    for (const k of carriedKeys) expect(again[k], `${k} in ${printed}`).toEqual(unusual[k]);
  });

  it('and the defaults too, without spelling them out', () => {
    const plain = parseRunOptions(['--seed', '5']);
    const printed = rerunCommand(plain, 'CreateServiceInstance');
    expect(printed).toBe('npx contract-fuzz run --target builtin --operation CreateServiceInstance --seed 5 --runs 100');
    const again = parseRunOptions(argvOf(printed).slice(1));
    for (const k of carriedKeys) if (k !== 'operations') expect(again[k], k).toEqual(plain[k]);
  });
});

describe('the replay form', () => {
  it('carries the target the finding was seen on and the options about that target and its prerequisites', () => {
    const o = parseRunOptions(['--target', 'http://127.0.0.1:8080', '--profile', 'envelope', '--region', 'eu-west-1', '--timeout-ms', '999', '--service-id', 'srv-1', '--seed', '1']);
    const printed = reproduceFor(o)({ operation: 'RegisterInstance', kind: 'accepted-invalid', id: 'abc' });
    expect(argvOf(printed)).toEqual(['replay', 'fixtures/RegisterInstance/accepted-invalid-abc.json', '--target', 'http://127.0.0.1:8080',
      '--profile', 'envelope', '--region', 'eu-west-1', '--timeout-ms', '999', '--service-id', 'srv-1']);
    expect(replayCommand(parseRunOptions(['--seed', '1']), 'x.json')).toBe('npx contract-fuzz replay x.json --target builtin');
  });

  it('is not used where a fixture replay cannot reproduce: no fixtures, a differential run, a recording', () => {
    const f = { operation: 'RegisterInstance', kind: 'accepted-invalid' as const, id: 'abc' };
    for (const args of [['--no-fixtures'], ['--diff', 'http://127.0.0.1:1'], ['--target', 'replay:fixtures/recorded']]) {
      expect(argvOf(reproduceFor(parseRunOptions([...args, '--seed', '3']))(f))[0], args.join(' ')).toBe('run');
    }
  });
});
