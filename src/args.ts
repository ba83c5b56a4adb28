// Option parsing shared by the commands: node's parseArgs, with unknown flags and bad values turned into
// one-line usage errors (HarnessError CF_ERR_USAGE → exit 2).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { HarnessError } from './errors.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parse<O extends Options>(argv: string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (e) {
    // Node's message may continue on a second line with the fix ("use --runs=-1"): keep it, on one line.
    throw new HarnessError('CF_ERR_USAGE', (e as Error).message.replace(/\s*\n\s*/g, ' '));
  }
}

export function intOption(value: string | undefined, name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new HarnessError('CF_ERR_USAGE', `--${name} must be an integer from ${min} to ${max}, got '${value}'`);
  }
  return n;
}
