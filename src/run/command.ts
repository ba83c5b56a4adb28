// `contract-fuzz run`: options, Ctrl-C (stop sending, still write the report of what ran), exit code.
import { executeRun } from './run.ts';
import { parseRunOptions, RUN_HELP } from './options.ts';

export async function runCommand(argv: string[]): Promise<number> {
  const options = parseRunOptions(argv);
  if (options.help) { process.stdout.write(RUN_HELP + '\n'); return 0; }
  const controller = new AbortController();
  const interrupt = () => {
    process.stderr.write('\ncontract-fuzz: interrupted, writing the report of what ran so far (Ctrl-C again to quit now)\n');
    controller.abort();
    process.once('SIGINT', () => process.exit(130));
  };
  process.once('SIGINT', interrupt);
  try {
    const { exitCode } = await executeRun(options, controller.signal, {
      write: (t) => process.stdout.write(t), writeErr: (t) => process.stderr.write(t), isTTY: process.stderr.isTTY === true,
    });
    return exitCode;
  } finally {
    process.removeListener('SIGINT', interrupt);
  }
}
