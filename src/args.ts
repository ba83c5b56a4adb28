// Option parsing shared by the commands: node's parseArgs, with unknown flags and bad values turned into
// one-line usage errors (HarnessError CF_ERR_USAGE → exit 2).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { HarnessError } from './errors.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parse<O extends Options>(argv: string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (e) {
    throw new HarnessError('CF_ERR_USAGE', (e as Error).message.split('\n')[0]);
  }
}

export function intOption(value: string | undefined, name: string, fallback: number, min = 0): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new HarnessError('CF_ERR_USAGE', `--${name} must be an integer >= ${min}, got '${value}'`);
  return n;
}
