// The config file for `run` and `serve` (contract-fuzz.config.json, or --config FILE): its schema, made from
// the two flag tables, and the merge of a command's section into its argv. `contract-fuzz config --schema`
// prints the schema (schemas/config.schema.json is a copy, kept equal by test/config/schema.test.ts).
import { parse, type FlagTable } from '../args.ts';
import { SERVE_FLAGS, SERVE_HELP } from '../emulator/options.ts';
import { HarnessError } from '../errors.ts';
import { RUN_FLAGS, RUN_HELP } from '../run/flags.ts';
import { configArgv } from './argv.ts';
import { readConfig, type ConfigValue } from './file.ts';
import { configSchema, type ConfigSection } from './schema.ts';

export const CONFIG_SECTIONS = {
  run: { flags: RUN_FLAGS, help: RUN_HELP },
  serve: { flags: SERVE_FLAGS, help: SERVE_HELP },
} as const satisfies Record<string, ConfigSection>;

export type ConfigCommand = keyof typeof CONFIG_SECTIONS;

export const CONFIG_SCHEMA = configSchema(CONFIG_SECTIONS);

/** `argv` with the config file's section for `command` in front (flags win); unchanged for --help. */
export function withConfig(command: ConfigCommand, argv: string[], cwdFile?: string): string[] {
  const flags: FlagTable = CONFIG_SECTIONS[command].flags;
  const { values } = parse(argv, flags);
  if (values.help === true) return argv;
  const explicit = typeof values.config === 'string' ? values.config : undefined;
  const config = readConfig(explicit, CONFIG_SCHEMA, cwdFile);
  const section = config?.doc[command];
  if (section === undefined || typeof section === 'string') return argv;
  return [...configArgv(flags, section as Record<string, ConfigValue>, new Set(Object.keys(values))), ...argv];
}

const CONFIG_HELP = `usage: contract-fuzz config --schema

Prints the JSON Schema of contract-fuzz.config.json (also shipped as schemas/config.schema.json). The file holds
a "run" and a "serve" section; their keys are the commands' flags without '--':
  { "$schema": "./node_modules/contract-fuzz/schemas/config.schema.json",
    "run": { "target": "http://127.0.0.1:4566", "runs": 500, "exclude": ["rule:*"] },
    "serve": { "port": 4566 } }`;

export async function configCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, { schema: { type: 'boolean' }, help: { type: 'boolean' } });
  if (values.help) { process.stdout.write(CONFIG_HELP + '\n'); return 0; }
  if (!values.schema) throw new HarnessError('CF_ERR_USAGE', "config: say what to print (contract-fuzz config --schema)");
  process.stdout.write(JSON.stringify(CONFIG_SCHEMA, null, 2) + '\n');
  return 0;
}
