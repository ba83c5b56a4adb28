// ajv (JSON Schema 2020-12) loaded on first use, not at start-up: every command imports the document and config
// readers, few meet a document or a config file to validate. Loading it costs about as much as a bare
// `node -e 0` (issue 11 §3: start-up within 3× of that). ajv is CommonJS: required synchronously, so its
// callers stay synchronous.
import { createRequire } from 'node:module';
import type { Ajv2020 } from 'ajv/dist/2020.js';

let loaded: typeof Ajv2020 | undefined;

export function ajv2020(): typeof Ajv2020 {
  return (loaded ??= (createRequire(import.meta.url)('ajv/dist/2020.js') as { Ajv2020: typeof Ajv2020 }).Ajv2020);
}
