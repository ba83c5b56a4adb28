// Issue 7 §5: a user's typo is a usage error, not a target failure. `--proton-service nope-svc` used to run
// and exit 1 with 37 gating findings (every valid case "rejected" with ResourceNotFoundException), while
// `--service-id` with a typo exited 2. Both: one line on stderr, exit 2, no report blaming the target.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/contract-fuzz.js', import.meta.url));
const ENV = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', CONTRACT_FUZZ_DEBUG: '', CI: '' };
let work: string;
beforeAll(async () => { work = await mkdtemp(join(tmpdir(), 'cf-mistakes-')); });
afterAll(async () => { await rm(work, { recursive: true, force: true }); });

const cli = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { cwd: work, env: ENV, encoding: 'utf8', timeout: 60_000 });

describe('a prerequisite the user named that does not exist', () => {
  it.each([
    ['--proton-service', 'nope-svc', 'CreateServiceInstance'],
    ['--service-id', 'srv-typo', 'RegisterInstance'],
  ])('%s %s: one line naming it, exit 2', (flag, value, operation) => {
    const r = cli(['run', flag, value, '--operation', operation, '--runs', '3', '--seed', '1', '--no-scenarios', '--no-fixtures', '--report-dir', join(work, value)]);
    expect(r.status).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(value);
    expect(r.stdout).not.toMatch(/finding/);
  }, 60_000);
});
