// Thin entry point: pick the command, hand it argv, map harness errors to one line and exit code 2.
// Exit codes (DESIGN): 0 no discrepancy outside the baseline, 1 discrepancies, 2 usage/config/model/target error,
// 130 / 143 interrupted by SIGINT / SIGTERM (src/run/interrupt.ts).
import { isHarnessError } from './errors.ts';

// The AWS SDK prints a multi-line notice about Node 20 on first use; our stderr contract is one line.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

type Command = (argv: string[]) => Promise<number>;

/** A command whose options the config file may hold: its section goes in front of argv (flags win). */
const configured = (name: 'run' | 'serve', command: Command): Promise<Command> =>
  import('./config/index.ts').then(({ withConfig }) => (argv: string[]) => command(withConfig(name, argv)));

const commands: Record<string, () => Promise<Command>> = {
  run: async () => configured('run', (await import('./run/command.ts')).runCommand),
  serve: async () => configured('serve', (await import('./emulator/command.ts')).serveCommand),
  replay: async () => (await import('./run/replayCommand.ts')).replayCommand,
  record: async () => (await import('./run/recordCommand.ts')).recordCommand,
  merge: async () => (await import('./run/mergeCommand.ts')).mergeCommand,
  models: async () => (await import('./model/command.ts')).runModelsCommand,
  config: async () => (await import('./config/index.ts')).configCommand,
};

const USAGE = `usage: contract-fuzz <command> [options]

commands:
  run                 fuzz RegisterInstance and CreateServiceInstance against a target (default: builtin emulator)
  serve [--port P]    run the builtin reference emulator as a standalone server on 127.0.0.1
  replay FIXTURE|DIR  re-run fixtures against a target and say which still reproduce
  record --target URL capture a run's real request/response pairs into fixtures (secrets scrubbed)
  merge DIR…          merge the reports of the shards of one run (run --shard i/n) into the report of the whole
  models import FILE  normalize an official AWS model (botocore or Smithy JSON AST) into models/
  config --schema     print the JSON Schema of contract-fuzz.config.json (options for run and serve)

'contract-fuzz <command> --help' lists a command's options.`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(USAGE + '\n');
    return name ? 0 : 2;
  }
  if (name === '--version') {
    const { TOOL } = await import('./version.ts');
    process.stdout.write(`${TOOL.name} ${TOOL.version}\n`);
    return 0;
  }
  const load = commands[name];
  if (!load) {
    process.stderr.write(`contract-fuzz: unknown command '${name}' (try 'contract-fuzz --help')\n`);
    return 2;
  }
  try {
    // run and serve read contract-fuzz.config.json (flags win); applied here so the commands stay below config.
    const configured = name === 'run' || name === 'serve' ? (await import('./config/index.ts')).withConfig(name, rest) : rest;
    return await (await load())(configured);
  } catch (e) {
    if (isHarnessError(e)) {
      process.stderr.write(`contract-fuzz: ${e.message}\n`);
      return 2;
    }
    // A bug in the harness itself: still one line (and the stack only when asked for).
    const err = e as Error;
    process.stderr.write(`contract-fuzz: internal error: ${err?.message ?? String(e)}\n`);
    if (process.env.CONTRACT_FUZZ_DEBUG) process.stderr.write(`${err?.stack}\n`);
    return 2;
  }
}

const code = await main(process.argv.slice(2));
// Let pending writes (reports, stdout) flush before leaving; never cut a report short.
process.exitCode = code;
