// The real bin spawned as a child process, for tests that meet the command line as users do.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/contract-fuzz.js', import.meta.url));
const ENV = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', CONTRACT_FUZZ_DEBUG: '', CI: '' };

export interface Exit { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }

export function startCli(args: string[], cwd: string): { child: ChildProcess; done: Promise<Exit>; stdout: () => string } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const done = new Promise<Exit>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done, stdout: () => stdout };
}

export const cli = (args: string[], cwd: string): Promise<Exit> => startCli(args, cwd).done;

/** A command line as printed in a report (`npx contract-fuzz …`, POSIX-quoted) → argv for the bin. */
export function argvOf(printed: string): string[] {
  const words: string[] = [];
  const re = /'((?:[^']|'\\'')*)'|(\S+)/g;
  for (let m = re.exec(printed); m !== null; m = re.exec(printed)) {
    words.push(m[1] !== undefined ? m[1].replace(/'\\''/g, "'") : m[2]!);
  }
  if (words[0] !== 'npx' || words[1] !== 'contract-fuzz') throw new Error(`not a contract-fuzz command: ${printed}`);
  return words.slice(2);
}

/** `contract-fuzz serve --port 0 …` as a child process, once it prints the URL it listens on. */
export async function startServe(args: string[], cwd: string): Promise<ReturnType<typeof startCli> & { url: string }> {
  const s = startCli(['serve', '--port', '0', ...args], cwd);
  const listening = /http:\/\/127\.0\.0\.1:\d+/;
  await until('serve listens', () => listening.test(s.stdout()), 60_000);
  return { ...s, url: listening.exec(s.stdout())![0] };
}

export async function until(what: string, ok: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
