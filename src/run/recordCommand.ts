// `contract-fuzz record --target URL`: a run whose real request/response pairs are written, scrubbed, to
// `--out DIR/<Operation>-<seed>.json`. Takes the run options (--operation, --runs, --seed, --region, --timeout-ms,
// --report-dir, …) plus --out and --credentials.
import { HarnessError } from '../errors.ts';
import { assertWritableDir } from '../files.ts';
import { DEFAULT_RECORD_DIR, recordRun, type CredentialMode } from './record.ts';
import { withInterrupt } from './interrupt.ts';
import { parseRunOptions } from './options.ts';

export const RECORD_HELP = `usage: contract-fuzz record --target URL [--operation OP] [--runs N] [--seed S] [--out DIR] [--region R]
                           [--timeout-ms T] [--credentials fake|env|chain] [other 'run' options]

Runs the normal case stream against URL (http://HOST:PORT, https://HOST[:PORT], or builtin) and writes every
real request/response pair, as nock definitions, to DIR/<Operation>-<seed>.json (default ${DEFAULT_RECORD_DIR}).
Authorization, X-Amz-Security-Token, X-Amz-Date, SigV4 credentials and signatures and the credentials in use
are replaced by <scrubbed> before anything is written. Replay a recording with --target replay:FILE.

  --out DIR             where the recordings go (default ${DEFAULT_RECORD_DIR})
  --allow-aws / --allow-remote  needed for a URL that is not a loopback address (AWS / any other host)
  --credentials C       what signs the requests: fake (default: the AKIDEXAMPLE key, for emulators) |
                        env (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN) | chain (AWS default chain)

Exit codes as for 'run': 0 no gating finding, 1 findings, 2 usage or unreachable target, 130 / 143 interrupted (SIGINT / SIGTERM).`;

const MODES: readonly CredentialMode[] = ['fake', 'env', 'chain'];

/** Takes `--name V` / `--name=V` out of argv (the rest goes to the run's parser). */
function take(argv: string[], name: string): { value?: string; rest: string[] } {
  const rest: string[] = [];
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === `--${name}`) {
      if (i + 1 >= argv.length) throw new HarnessError('CF_ERR_USAGE', `option '--${name} <value>' argument missing`);
      value = argv[++i];
    } else if (a.startsWith(`--${name}=`)) value = a.slice(name.length + 3);
    else rest.push(a);
  }
  return value === undefined ? { rest } : { value, rest };
}

export async function recordCommand(argv: string[]): Promise<number> {
  const out = take(argv, 'out');
  const creds = take(out.rest, 'credentials');
  const options = parseRunOptions(creds.rest);
  if (options.help) { process.stdout.write(RECORD_HELP + '\n'); return 0; }
  if (!creds.rest.some((a) => a === '--target' || a.startsWith('--target='))) {
    throw new HarnessError('CF_ERR_USAGE', 'record needs --target URL (http://HOST:PORT, or builtin)');
  }
  const credentials = (creds.value ?? 'fake') as CredentialMode;
  if (!MODES.includes(credentials)) throw new HarnessError('CF_ERR_USAGE', `--credentials must be fake, env or chain, got '${creds.value}'`);
  if (out.value === '') throw new HarnessError('CF_ERR_USAGE', '--out needs a folder');
  // Before the run, like the report folders: recordings that cannot be written must not cost the whole run.
  await assertWritableDir(out.value ?? DEFAULT_RECORD_DIR, 'recordings', { create: false });

  return withInterrupt('the report and the recording', async (signal) => (await recordRun({ ...options, out: out.value ?? DEFAULT_RECORD_DIR, credentials }, signal, {
    write: (t) => process.stdout.write(t), writeErr: (t) => process.stderr.write(t), isTTY: process.stderr.isTTY === true,
  })).exitCode);
}
