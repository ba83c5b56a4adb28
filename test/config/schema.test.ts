// The config file's JSON Schema is made from the flag tables the parsers use: every flag of run and serve is a
// key of its section and every key is a flag; the shipped copy (schemas/config.schema.json) is the generated
// one; the schema's value ranges are the parser's; and a flag added to a table joins the schema by itself.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FlagTable } from '../../src/args.ts';
import { CONFIG_SCHEMA, CONFIG_SECTIONS } from '../../src/config/index.ts';
import { CONFIG_SCHEMA_ID, configSchema, helpLine } from '../../src/config/schema.ts';
import { SERVE_FLAGS } from '../../src/emulator/options.ts';
import { HarnessError } from '../../src/errors.ts';
import { PACKAGE_ROOT } from '../../src/packageRoot.ts';
import { parseRunOptions, RUN_FLAGS, RUN_HELP } from '../../src/run/options.ts';

type Section = { properties: Record<string, { description: string; type?: unknown; minimum?: number; maximum?: number; enum?: string[] }> };
const section = (name: string): Section => (CONFIG_SCHEMA.properties as Record<string, Section>)[name]!;
const configurable = (flags: FlagTable): string[] => Object.entries(flags).filter(([, s]) => !s.cliOnly).map(([n]) => n).sort();

describe('config schema from the flag tables', () => {
  it.each([['run', RUN_FLAGS], ['serve', SERVE_FLAGS]] as const)('every %s flag is a key of its section, and every key a flag', (name, flags) => {
    expect(Object.keys(section(name).properties).sort()).toEqual(configurable(flags));
    // --help and --config are about the invocation, not options a file sets
    expect(section(name).properties).not.toHaveProperty('help');
    expect(section(name).properties).not.toHaveProperty('config');
  });

  it('the sections are exactly the commands that read the file', () => {
    expect(Object.keys(CONFIG_SCHEMA.properties as object).sort()).toEqual(['$schema', ...Object.keys(CONFIG_SECTIONS)].sort());
    expect(CONFIG_SCHEMA.$id).toBe(CONFIG_SCHEMA_ID);
    expect(CONFIG_SCHEMA.additionalProperties).toBe(false);
  });

  it('every key has the description of its --help line', () => {
    for (const [name, s] of Object.entries(CONFIG_SECTIONS)) {
      for (const flag of configurable(s.flags)) {
        const said = helpLine(s.help, flag);
        expect(said, `${name} --${flag} has no --help line`).toBeTruthy();
        expect(section(name).properties[flag]!.description).toBe(`--${flag}: ${said}`);
      }
    }
    // continuation lines belong to the flag's description
    expect(helpLine(RUN_HELP, 'include')).toMatch(/comma-separated\)$/);
  });

  it('schemas/config.schema.json is the generated schema (regenerate: npx contract-fuzz config --schema > schemas/config.schema.json)', () => {
    const shipped = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'schemas', 'config.schema.json'), 'utf8')) as unknown;
    expect(shipped).toEqual(CONFIG_SCHEMA);
  });

  it("a flag added to a table is a config key with nothing else to write", () => {
    // Names no table has (the real --max-findings, --quiet and --shard are in RUN_FLAGS already).
    const flags = { ...RUN_FLAGS, 'new-number': { type: 'string' }, 'new-switch': { type: 'boolean' }, 'new-list': { type: 'string', multiple: true } } as const;
    const schema = configSchema({ run: { flags, help: `${RUN_HELP}\n  --new-switch          one line at the end` } });
    const props = (schema.properties as Record<string, Section>).run!.properties;
    expect(props['new-number']).toMatchObject({ type: ['string', 'number'] });
    expect(props['new-switch']).toEqual({ description: '--new-switch: one line at the end', type: 'boolean' });
    expect(props['new-list']).toMatchObject({ type: ['array', 'string'] });
  });

  it("the schema's integer ranges and enums are the run parser's", () => {
    const props = section('run').properties;
    for (const [key, p] of Object.entries(props)) {
      if (p.type === 'integer') {
        expect(() => parseRunOptions([`--${key}=${p.maximum}`])).not.toThrow();
        expect(() => parseRunOptions([`--${key}=${p.minimum}`])).not.toThrow();
        for (const bad of [p.maximum! + 1, p.minimum! - 1]) {
          expect(() => parseRunOptions([`--${key}=${bad}`]), `--${key} ${bad}`).toThrow(HarnessError);
        }
      }
      if (p.enum) {
        for (const v of p.enum) expect(() => parseRunOptions([`--${key}=${v}`])).not.toThrow();
        expect(() => parseRunOptions([`--${key}=nonsense`])).toThrow(HarnessError);
      }
    }
  });
});
