// `contract-fuzz run` (argv with the config file's section in front: cli.ts): options, Ctrl-C (stop sending, still write the report of what ran), exit code.
import { parse } from '../args.ts';
import { RUN_FLAGS, RUN_HELP } from './flags.ts';
import { withInterrupt } from './interrupt.ts';

export async function runCommand(argv: string[]): Promise<number> {
  // --help before the options are checked against the models, so it loads neither them nor the run (start-up).
  if (parse(argv, RUN_FLAGS).values.help) { process.stdout.write(RUN_HELP + '\n'); return 0; }
  const { parseRunOptions } = await import('./options.ts');
  const options = parseRunOptions(argv);
  // The run itself (and through it the targets and the AWS SDK) loads only when there is a run to do.
  const { executeRun } = await import('./run.ts');
  return withInterrupt('the report', async (signal) => (await executeRun(options, signal, {
    write: (t) => process.stdout.write(t), writeErr: (t) => process.stderr.write(t), isTTY: process.stderr.isTTY === true, errStream: process.stderr,
  })).exitCode);
}
