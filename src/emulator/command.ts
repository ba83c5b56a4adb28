// `contract-fuzz serve [--port P] [--host H] [--operation-delay-ms D]`: the builtin emulator, standalone.
import { intOption, parse } from '../args.ts';
import { HarnessError } from '../errors.ts';
import { startEmulator } from './index.ts';
import { SERVE_FLAGS, SERVE_HELP } from './options.ts';

export async function serveCommand(argv: string[]): Promise<number> {
  const { values } = parse(argv, SERVE_FLAGS);
  if (values.help) { process.stdout.write(SERVE_HELP + '\n'); return 0; }
  const statusSource = values['status-source'] ?? 'model';
  if (statusSource !== 'model' && statusSource !== 'reference') throw new HarnessError('CF_ERR_USAGE', `--status-source must be model or reference, got '${statusSource}'`);
  const { port: p, 'operation-delay-ms': d } = SERVE_FLAGS;
  const port = intOption(values.port, 'port', 0, p.value.minimum, p.value.maximum);
  const operationDelayMs = intOption(values['operation-delay-ms'], 'operation-delay-ms', 20, d.value.minimum, d.value.maximum);
  let running;
  try {
    running = await startEmulator({ port, host: values.host ?? '127.0.0.1', operationDelayMs, statusSource });
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
