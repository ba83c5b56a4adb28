// A config section as command-line words placed before the user's, so the flag parser validates both alike
// and the last word wins: a flag on the command line beats the file. A repeatable flag given on the command
// line replaces the file's list rather than adding to it.
import type { FlagTable } from '../args.ts';
import type { ConfigValue } from './file.ts';

export function configArgv(flags: FlagTable, section: Readonly<Record<string, ConfigValue>>, given: ReadonlySet<string>): string[] {
  const words: string[] = [];
  for (const [name, value] of Object.entries(section)) {
    const spec = flags[name];
    if (!spec || spec.cliOnly) continue; // the schema already refused it
    if (spec.type === 'boolean') {
      if (value === true) words.push(`--${name}`);
      continue;
    }
    if (spec.multiple && given.has(name)) continue;
    // `--name=value`: a value that starts with '-' (a negative seed) stays a value.
    for (const v of Array.isArray(value) ? value : [value]) words.push(`--${name}=${String(v)}`);
  }
  return words;
}
