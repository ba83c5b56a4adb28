// The config file's JSON Schema, made from the commands' flag tables (src/args.ts FlagTable): one section per
// command, one key per flag (its name as on the command line), its description taken from the command's
// --help line for the flag. A flag added to a table is a config key without anything else to write.
import type { FlagSpec, FlagTable } from '../args.ts';

export interface ConfigSection {
  flags: FlagTable;
  /** The command's --help text: each flag's line is its description. */
  help: string;
}

export const CONFIG_SCHEMA_ID = 'urn:contract-fuzz:schema:config:1';
export const DEFAULT_CONFIG_FILE = 'contract-fuzz.config.json';

type Schema = Record<string, unknown>;

/** The text after `--name METAVAR` on its help line, with the indented lines that continue it. */
export function helpLine(help: string, name: string): string | undefined {
  const lines = help.split('\n');
  const at = lines.findIndex((l) => new RegExp(`^\\s+--${name.replace(/[-]/g, '\\-')}(\\s|$)`).test(l));
  if (at < 0) return undefined;
  const first = lines[at].replace(/^\s+--\S+(\s\S+)?\s{2,}/, '').trim();
  const indent = lines[at].search(/\S/);
  const rest: string[] = [];
  for (const l of lines.slice(at + 1)) {
    if (l.trim() === '' || l.search(/\S/) <= indent || /^\s+--/.test(l)) break;
    rest.push(l.trim());
  }
  return [first, ...rest].join(' ');
}

function valueSchema(spec: FlagSpec): Schema {
  if (spec.type === 'boolean') return { type: 'boolean' };
  const one: Schema = { ...(spec.value ?? { type: ['string', 'number'] }) };
  // Repeatable flags: a list, or one string (comma-separated where the flag takes that).
  return spec.multiple ? { type: ['array', 'string'], items: one } : one;
}

function sectionSchema(command: string, s: ConfigSection): Schema {
  const properties: Record<string, Schema> = {};
  for (const [name, spec] of Object.entries(s.flags)) {
    if (spec.cliOnly) continue;
    const said = helpLine(s.help, name);
    properties[name] = { description: `--${name}${said ? `: ${said}` : ''}`, ...valueSchema(spec) };
  }
  return { description: `Options of 'contract-fuzz ${command}' (flags on the command line win).`, type: 'object', additionalProperties: false, properties };
}

/** The whole file: `{ "$schema"?, "<command>": { "<flag>": value } }`; unknown keys anywhere are errors. */
export function configSchema(sections: Readonly<Record<string, ConfigSection>>): Schema {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: CONFIG_SCHEMA_ID,
    title: 'contract-fuzz config file',
    description: `Options for contract-fuzz commands, as in ${DEFAULT_CONFIG_FILE} (read from the working directory, or --config FILE). Keys are the flags' names without '--'; flags given on the command line win; generated from the flag tables by 'contract-fuzz config --schema'.`,
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string', description: 'Where editors find this schema (e.g. ./node_modules/contract-fuzz/schemas/config.schema.json).' },
      ...Object.fromEntries(Object.entries(sections).map(([command, s]) => [command, sectionSchema(command, s)])),
    },
  };
}
