// The examples in `run --help` (and the README's "Common jobs") are commands that parse as written: every run
// example gives valid options, and its --include/--exclude patterns match ids. (Each was also run against
// `contract-fuzz serve` and a faulty target when written; see README "Common jobs".)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/packageRoot.ts';
import { runFilter } from '../../src/run/filters.ts';
import { parseRunOptions, RUN_HELP } from '../../src/run/options.ts';
import { argvOf } from '../support/cli.ts';

/** `[ENV=…] contract-fuzz run …  # comment` → the printed form argvOf reads. */
const examples = (text: string): string[] =>
  text.split('\n').map((l) => l.replace(/\s+# .*$/, '').trim()).map((l) => l.replace(/^(\w+=\S+\s+)*(npx\s+)?contract-fuzz\s/, 'npx contract-fuzz '))
    .filter((l) => l.startsWith('npx contract-fuzz run ') || l.startsWith('npx contract-fuzz replay '));

describe('examples people copy', () => {
  const readme = readFileSync(join(PACKAGE_ROOT, 'README.md'), 'utf8');
  const jobs = readme.slice(readme.indexOf('## Common jobs'), readme.indexOf('\n## ', readme.indexOf('## Common jobs') + 5));

  it.each([['run --help', RUN_HELP], ['README Common jobs', jobs]])('%s: every run example parses; its filters match', (_, text) => {
    const lines = examples(text);
    expect(lines.length).toBeGreaterThanOrEqual(6);
    for (const line of lines.filter((l) => l.startsWith('npx contract-fuzz run '))) {
      const o = parseRunOptions(argvOf(line).slice(1));
      expect(() => runFilter(o.operations, o.include, o.exclude), line).not.toThrow();
    }
    // the four jobs are all there
    for (const job of ['--baseline', '--diff', 'replay fixtures/', '--target aws --allow-aws']) expect(lines.some((l) => l.includes(job)), job).toBe(true);
  });
});
