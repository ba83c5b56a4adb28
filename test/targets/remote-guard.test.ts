// Issue 8 §1: only loopback targets run without an explicit opt-in. An AWS endpoint named by URL
// (https://servicediscovery.<region>.amazonaws.com) needs --allow-aws exactly like `--target aws`; any other
// remote host needs --allow-remote. For every command; one line, exit 2, before any request or credential lookup.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isHarnessError } from '../../src/errors.ts';
import { assertTargetAllowed } from '../../src/targets/open.ts';

const BIN = fileURLToPath(new URL('../../bin/contract-fuzz.js', import.meta.url));

const refusal = (spec: string, o: { allowAws?: boolean; allowRemote?: boolean }): string | undefined => {
  try {
    assertTargetAllowed(spec, { allowAws: o.allowAws ?? false, allowRemote: o.allowRemote ?? false });
    return undefined;
  } catch (e) {
    expect(isHarnessError(e) && e.code).toBe('CF_ERR_USAGE');
    return (e as Error).message;
  }
};

describe('which targets need an opt-in', () => {
  it.each([
    'builtin', 'http://127.0.0.1:4566', 'http://localhost:5000', 'http://[::1]:8080/gw', 'sdk+http://127.0.0.2:1', 'http://api.localhost:9',
    'replay:fixtures/recorded',
  ])('%s: loopback or offline, allowed as it is', (spec) => {
    expect(refusal(spec, {})).toBeUndefined();
  });

  it.each([
    'https://servicediscovery.us-east-1.amazonaws.com', 'sdk+https://proton.eu-west-1.amazonaws.com', 'https://servicediscovery.cn-north-1.amazonaws.com.cn',
    'https://servicediscovery.us-east-1.api.aws', 'aws',
  ])('%s: AWS, needs --allow-aws (and --allow-remote is not enough)', (spec) => {
    expect(refusal(spec, {})).toMatch(/--allow-aws/);
    expect(refusal(spec, { allowRemote: true })).toMatch(/--allow-aws/);
    expect(refusal(spec, { allowAws: true })).toBeUndefined();
  });

  it.each(['http://10.0.0.5:4566', 'https://gateway.example.com', 'sdk+http://192.168.1.2:5000', 'http://[2001:db8::1]:80', 'http://localhost.example.com'])(
    '%s: remote, needs --allow-remote', (spec) => {
      expect(refusal(spec, {})).toMatch(/--allow-remote/);
      expect(refusal(spec, { allowAws: true })).toMatch(/--allow-remote/);
      expect(refusal(spec, { allowRemote: true })).toBeUndefined();
    });
});

function cli(args: string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_')));
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...env, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('every command refuses a remote target without the opt-in: one line, exit 2, nothing written', () => {
  const cwd = mkdtempSync(join(tmpdir(), 'cf-remote-'));
  afterAll(() => rmSync(cwd, { recursive: true, force: true }));
  const AWS = 'https://servicediscovery.us-east-1.amazonaws.com';
  const REMOTE = 'http://10.255.255.1:4566';

  it.each([
    ['record --credentials chain, an AWS endpoint', ['record', '--target', AWS, '--credentials', 'chain'], /--allow-aws/],
    ['record, a remote host', ['record', '--target', REMOTE], /--allow-remote/],
    ['run, an AWS endpoint by URL', ['run', '--target', AWS], /--allow-aws/],
    ['run --diff, a remote host', ['run', '--target', 'builtin', '--diff', REMOTE], /--allow-remote/],
    ['run, sdk+ remote', ['run', '--target', `sdk+${REMOTE}`], /--allow-remote/],
    ['replay --target, a remote host', ['replay', 'nothing.json', '--target', REMOTE], /--allow-remote/],
  ])('%s', async (_name, args, message) => {
    const r = await cli(args, cwd);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.code).toBe(2);
    expect(readdirSync(cwd)).toEqual([]);
  }, 30_000);
});
