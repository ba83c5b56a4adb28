// `contract-fuzz run` (argv with the config file's section in front: cli.ts): options, Ctrl-C (stop sending, still write the report of what ran), exit code.
import { withInterrupt } from './interrupt.ts';
import { parseRunOptions, RUN_HELP } from './options.ts';

export async function runCommand(argv: string[]): Promise<number> {
  const options = parseRunOptions(argv);
  if (options.help) { process.stdout.write(RUN_HELP + '\n'); return 0; }
  // The run itself (and through it the targets and the AWS SDK) loads only when there is a run to do.
  const { executeRun } = await import('./run.ts');
  return withInterrupt('the report', async (signal) => (await executeRun(options, signal, {
    write: (t) => process.stdout.write(t), writeErr: (t) => process.stderr.write(t), isTTY: process.stderr.isTTY === true, errStream: process.stderr,
  })).exitCode);
}
