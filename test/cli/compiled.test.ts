// The installed package runs compiled JavaScript (issue 11 §3): `npm ci` builds dist/ through `prepare`, and
// bin/contract-fuzz.js runs it without any TypeScript tooling. Skips, saying so, in a checkout never built.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/contract-fuzz.js', import.meta.url));
const DIST = fileURLToPath(new URL('../../dist/src/cli.js', import.meta.url));
const built = existsSync(DIST);
if (!built) console.warn(`skipped: compiled CLI tests need ${DIST} (run \`npm run build\`; \`npm ci\` does it)`);

const compiled = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], {
  encoding: 'utf8',
  // --import tsx would make the check meaningless: the compiled path must not need it.
  env: { ...process.env, CONTRACT_FUZZ_FROM_SOURCE: '0', NODE_OPTIONS: '' },
});

describe.skipIf(!built)('compiled CLI (dist/)', () => {
  it('answers --version with the package version', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    const r = compiled('--version');
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(`contract-fuzz ${pkg.version}`);
  });

  it('prints run --help without loading TypeScript or the AWS SDK', () => {
    // Node reports every ESM module it resolved when asked; neither tsx nor @aws-sdk may be among them.
    const r = spawnSync(process.execPath, ['--experimental-loader', 'data:text/javascript,export async function resolve(s,c,n){const r=await n(s,c);if(/tsx|@aws-sdk/.test(r.url))process.stderr.write("LOADED "+r.url+"\\n");return r}', BIN, 'run', '--help'], {
      encoding: 'utf8', env: { ...process.env, CONTRACT_FUZZ_FROM_SOURCE: '0', NODE_OPTIONS: '' },
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('--target');
    expect(r.stderr.split('\n').filter((l) => l.startsWith('LOADED '))).toEqual([]);
  });

  // Seen on a clean clone: `npm run bench -- startup` gave 3.3-3.4× a bare `node -e 0` (goal ≤ 3×): run --help
  // loaded the models, the generators (fast-check) and ajv, through the flag table's module and the config reader.
  it('prints run --help without loading the models, the generators or ajv', () => {
    const r = spawnSync(process.execPath, ['--experimental-loader', 'data:text/javascript,export async function resolve(s,c,n){const r=await n(s,c);if(/\\/src\\/(model|generate|profiles)\\/|fast-check|node_modules\\/ajv\\//.test(r.url))process.stderr.write("LOADED "+r.url+"\\n");return r}', BIN, 'run', '--help'], {
      encoding: 'utf8', env: { ...process.env, CONTRACT_FUZZ_FROM_SOURCE: '0', NODE_OPTIONS: '' },
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('--shard i/n');
    expect(r.stderr.split('\n').filter((l) => l.startsWith('LOADED '))).toEqual([]);
  });
});
