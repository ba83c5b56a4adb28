// Reading a config file: a regular JSON file (FIFO-safe, src/schemas/read.ts), valid against the schema made
// from the flag tables. Anything else is one line, CF_ERR_CONFIG (exit 2), naming the file and the key as a
// JSON pointer. No file at the default path is fine (no config); a --config FILE that is not there is an error.
import { existsSync } from 'node:fs';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { HarnessError } from '../errors.ts';
import { describeError } from '../schemas/documents.ts';
import { readJsonFile } from '../schemas/read.ts';
import { ajv2020 } from '../schemas/ajv2020.ts';
import { DEFAULT_CONFIG_FILE } from './schema.ts';

export type ConfigValue = string | number | boolean | string[] | number[];
export type ConfigDocument = Record<string, Record<string, ConfigValue> | string | undefined>;

const validators = new WeakMap<object, ValidateFunction>();

function validatorOf(schema: object): ValidateFunction {
  let v = validators.get(schema);
  if (!v) validators.set(schema, (v = new (ajv2020())({ allErrors: false, strict: true, strictTypes: false }).compile(schema)));
  return v;
}

/** The document, or a CF_ERR_CONFIG naming `file` and the first wrong key. */
export function checkConfig(file: string, doc: unknown, schema: object): ConfigDocument {
  const validate = validatorOf(schema);
  if (validate(doc)) return doc as ConfigDocument;
  const e = validate.errors?.[0];
  throw new HarnessError('CF_ERR_CONFIG', `${file}: ${e ? describeError(e) : '/ is not valid'} (schema: contract-fuzz config --schema)`);
}

/** The config to use: `--config FILE` (must exist), else ./contract-fuzz.config.json when there is one. */
export function readConfig(explicit: string | undefined, schema: object, cwdFile = DEFAULT_CONFIG_FILE): { file: string; doc: ConfigDocument } | undefined {
  const file = explicit ?? cwdFile;
  // lstat-free on purpose: a dangling symlink at the default path is "no file"; readJsonFile says what else is wrong.
  if (explicit === undefined && !existsSync(file)) return undefined;
  return { file, doc: checkConfig(file, readJsonFile(file, 'the config file', 'CF_ERR_CONFIG'), schema) };
}
