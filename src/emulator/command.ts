// `contract-fuzz serve [--port P] [--host H] [--operation-delay-ms D]`: the builtin emulator, standalone.
import { intOption, parse } from '../args.ts';
import { HarnessError } from '../errors.ts';
import { startEmulator } from './index.ts';

const HELP = `usage: contract-fuzz serve [--port P] [--host 127.0.0.1] [--operation-delay-ms D] [--status-source model|reference]

Runs the builtin reference emulator (Cloud Map + Proton, awsJson over HTTP) until Ctrl-C.
  --port P                 port to listen on (default 0: an ephemeral port, printed at start)
  --host H                 address to bind (default 127.0.0.1; loopback only unless you say otherwise)
  --operation-delay-ms D   how long Cloud Map operations stay SUBMITTED/PENDING before SUCCESS (default 20)
  --status-source S        HTTP statuses from the model's httpError (model, default) or the API reference (reference: 400)`;

export async function serveCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    port: { type: 'string' }, host: { type: 'string' }, 'operation-delay-ms': { type: 'string' },
    'status-source': { type: 'string' }, help: { type: 'boolean' },
  });
  if (values.help) { process.stdout.write(HELP + '\n'); return 0; }
  const statusSource = values['status-source'] ?? 'model';
  if (statusSource !== 'model' && statusSource !== 'reference') throw new HarnessError('CF_ERR_USAGE', `--status-source must be model or reference, got '${statusSource}'`);
  let running;
  try {
    running = await startEmulator({
      port: intOption(values.port, 'port', 0), host: values.host ?? '127.0.0.1',
      operationDelayMs: intOption(values['operation-delay-ms'], 'operation-delay-ms', 20), statusSource,
    });
  } catch (e) {
    throw new HarnessError('CF_ERR_CONFIG', `cannot listen on ${values.host ?? '127.0.0.1'}:${values.port ?? 0}: ${(e as Error).message}`);
  }
  process.stdout.write(`contract-fuzz emulator listening on ${running.url} (Cloud Map: Route53AutoNaming_v20170314.*, Proton: AwsProton20200720.*); Ctrl-C stops it\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await running.close();
  return 0;
}
