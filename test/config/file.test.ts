// contract-fuzz.config.json: read from the working directory or --config FILE, validated against the schema,
// merged under the flags (flags win). A bad file is one line and exit 2 naming the file and the key.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withConfig } from '../../src/config/index.ts';
import { HarnessError } from '../../src/errors.ts';
import { parseRunOptions } from '../../src/run/options.ts';
import { cli } from '../support/cli.ts';

const work = mkdtempSync(join(tmpdir(), 'cf-config-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let n = 0;
const file = (doc: unknown): string => {
  const f = join(work, `c${++n}.json`);
  writeFileSync(f, typeof doc === 'string' ? doc : JSON.stringify(doc));
  return f;
};
const NONE = join(work, 'absent.json');
const run = (argv: string[], defaultFile = NONE) => parseRunOptions(withConfig('run', argv, defaultFile), () => 42);
const code = (f: () => unknown): string | undefined => {
  try { f(); } catch (e) { if (e instanceof HarnessError) return `${e.code} ${e.message}`; throw e; }
  return undefined;
};

describe('config file', () => {
  it('holds any run option by its flag name; flags win', () => {
    const f = file({ $schema: './schemas/config.schema.json', run: { runs: 7, seed: -5, 'no-scenarios': true, strictness: 'inferred', include: ['rule:*', 'Attributes*'], target: 'http://127.0.0.1:1' } });
    const o = run(['--config', f]);
    expect(o).toMatchObject({ runs: 7, seed: -5, scenarios: false, strictness: 'inferred', include: ['rule:*', 'Attributes*'], target: 'http://127.0.0.1:1' });
    const flagged = run(['--config', f, '--runs', '3', '--include', 'idempotency:*', '--target', 'builtin']);
    expect(flagged).toMatchObject({ runs: 3, seed: -5, include: ['idempotency:*'], target: 'builtin' });
  });

  it('is read from the working directory by default; none there is fine', () => {
    const f = file({ run: { runs: 9 } });
    expect(run([], f).runs).toBe(9);
    expect(run([]).runs).toBe(100);
  });

  it('a comma-separated string works where the flag repeats', () => {
    expect(run(['--config', file({ run: { exclude: 'rule:a*, state:*' } })]).exclude).toEqual(['rule:a*', 'state:*']);
  });

  it.each([
    [{ run: { runz: 5 } }, '/run/runz is not a known field'],
    [{ runs: 5 }, '/runs is not a known field'],
    [{ run: { runs: 'many' } }, '/run/runs must be integer'],
    [{ run: { runs: 10_000_001 } }, '/run/runs must be <= 10000000'],
    [{ run: { strictness: 'lenient' } }, '/run/strictness must be one of "documented", "inferred"'],
    [{ run: { keep: 'yes' } }, '/run/keep must be boolean'],
    [{ run: { help: true } }, '/run/help is not a known field'],
    [{ serve: { prot: 1 } }, '/serve/prot is not a known field'],
    [{ run: [] }, '/run must be object'],
    ['{"run": {', 'is not JSON'],
  ])('a bad file is one line naming the file and the key: %j', (doc, said) => {
    const f = file(doc);
    const answer = code(() => run(['--config', f]));
    expect(answer).toMatch(/^CF_ERR_CONFIG /);
    expect(answer).toContain(f);
    expect(answer).toContain(said);
    expect(answer).not.toContain('\n');
  });

  it('a typo in the serve section fails a run too (the whole file is checked)', () => {
    expect(code(() => run(['--config', file({ run: {}, serve: { hots: 'x' } })]))).toContain('/serve/hots is not a known field');
  });

  it('a missing --config file is an error; --help does not read the file', () => {
    expect(code(() => run(['--config', NONE]))).toMatch(/^CF_ERR_CONFIG cannot read the config file .*absent\.json \(ENOENT\)/);
    expect(run(['--help', '--config', file({ run: { runz: 1 } })]).help).toBe(true);
  });

  it('the command line: exit 2, one line, for run and serve', async () => {
    writeFileSync(join(work, 'contract-fuzz.config.json'), JSON.stringify({ serve: { port: 'http' } }));
    const served = await cli(['serve'], work);
    expect(served.code).toBe(2);
    expect(served.stderr).toBe('contract-fuzz: contract-fuzz.config.json: /serve/port must be integer (schema: contract-fuzz config --schema)\n');
    const ran = await cli(['run', '--config', 'nope.json'], work);
    expect(ran.code).toBe(2);
    expect(ran.stderr.trim().split('\n')).toHaveLength(1);
    const schema = await cli(['config', '--schema'], work);
    expect(schema.code).toBe(0);
    expect(JSON.parse(schema.stdout)).toHaveProperty('$id', 'urn:contract-fuzz:schema:config:1');
  }, 60_000);
});
