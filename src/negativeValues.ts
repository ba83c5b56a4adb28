// A negative number right after a flag that takes a value (`--rate-limit -1`) is that flag's value. node's parseArgs
// reads any token starting with '-' as an option and answers "argument is ambiguous… did you forget to specify the
// option argument?", which misleads: the user gave one. Joined as `--rate-limit=-1`, the flag's own check says
// what it takes.
import type { ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

const NEGATIVE_NUMBER = /^-\.?\d/;

export function joinNegativeValues(argv: readonly string[], options: Options): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--') { out.push(...argv.slice(i)); break; }
    const next = argv[i + 1];
    const takesValue = token.startsWith('--') && !token.includes('=') && options[token.slice(2)]?.type === 'string';
    if (takesValue && next !== undefined && NEGATIVE_NUMBER.test(next)) { out.push(`${token}=${next}`); i++; }
    else out.push(token);
  }
  return out;
}
