// `contract-fuzz serve` options: the help text and the flag table (parseArgs reads it; the config file's JSON
// Schema is made from it, src/config/), kept apart from the server so the schema needs no emulator.
import { enumFlag, intFlag, type FlagTable } from '../args.ts';

export const SERVE_HELP = `usage: contract-fuzz serve [--port P] [--host 127.0.0.1] [--operation-delay-ms D] [--status-source model|reference] [--model FILE]

Runs the builtin reference emulator (Cloud Map + Proton, awsJson over HTTP) until Ctrl-C. Operations without
hand-written behaviour are a stateless validating mock: invalid input gets the reference validator's error,
valid input 200 and an output drawn from the model's output shape (nothing is stored).
  --port P                 port to listen on (default 0: an ephemeral port, printed at start)
  --host H                 address to bind (default 127.0.0.1; loopback only unless you say otherwise)
  --operation-delay-ms D   how long Cloud Map operations stay SUBMITTED/PENDING before SUCCESS (default 20)
  --status-source S        HTTP statuses from the model's httpError (model, default) or the API reference (reference: 400)
  --model FILE             also serve another awsJson service, every operation as the mock (a botocore
                           service-2.json, a Smithy JSON AST or what 'contract-fuzz models import' wrote)
  --config FILE            options from a JSON file's "serve" section (default: ./contract-fuzz.config.json when
                           present; flags win; schema: contract-fuzz config --schema)`;

export const SERVE_FLAGS = {
  port: intFlag(0, 65_535), host: { type: 'string' }, 'operation-delay-ms': intFlag(0, 2 ** 31 - 1),
  'status-source': enumFlag('model', 'reference'), model: { type: 'string' },
  config: { type: 'string', cliOnly: true }, help: { type: 'boolean', cliOnly: true },
} as const satisfies FlagTable;
