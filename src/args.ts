// Option parsing shared by the commands: node's parseArgs, with unknown flags and bad values turned into
// one-line usage errors (HarnessError CF_ERR_USAGE → exit 2). A command's flag table (FlagTable) is the one
// description of its options: parseArgs reads `type`/`multiple`, the config file's JSON Schema
// (src/config/schema.ts) reads every entry, so a flag added to a table is a config key too.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { HarnessError } from './errors.ts';
import { joinNegativeValues } from './negativeValues.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/** What a config file may hold for a flag, as JSON Schema (default: a string, or a number written as one). */
export type FlagValueSchema = Readonly<Record<string, unknown>>;

export interface FlagSpec {
  readonly type: 'string' | 'boolean';
  readonly multiple?: boolean;
  /** The config file's value for this flag; absent: `string`/`number` for string flags, `boolean` for boolean ones. */
  readonly value?: FlagValueSchema;
  /** Not an option of the run itself (--help, --config): no config key. */
  readonly cliOnly?: boolean;
}
export type FlagTable = Readonly<Record<string, FlagSpec>>;

/** An integer flag (given as text on the command line, as a number in a config file). */
export const intFlag = (minimum: number, maximum: number) => ({ type: 'string', value: { type: 'integer', minimum, maximum } }) as const satisfies FlagSpec;
/** A flag whose value is one of `values`. */
export const enumFlag = (...values: string[]) => ({ type: 'string', value: { enum: values } }) as const satisfies FlagSpec;

export function parse<O extends Options>(argv: string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({ args: joinNegativeValues(argv, options), options, allowPositionals, strict: true });
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
