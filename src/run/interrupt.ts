// Ctrl-C during a run: the first stops sending and lets the command write what ran so far; a second quits.
export async function withInterrupt(what: string, task: (signal: AbortSignal) => Promise<number>): Promise<number> {
  const controller = new AbortController();
  const interrupt = () => {
    process.stderr.write(`\ncontract-fuzz: interrupted, writing ${what} of what ran so far (Ctrl-C again to quit now)\n`);
    controller.abort();
    process.once('SIGINT', () => process.exit(130));
  };
  process.once('SIGINT', interrupt);
  try {
    return await task(controller.signal);
  } finally {
    process.removeListener('SIGINT', interrupt);
  }
}
