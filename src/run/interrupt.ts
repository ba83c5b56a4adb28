// Ctrl-C (SIGINT) or a cancelled CI job / `docker stop` (SIGTERM) during a run: the first signal stops sending
// and lets the command write what ran so far; a second quits at once. The exit code says which signal it was.

/** Exit codes by the shell's convention (128 + signal number); DESIGN: 130 / 143. */
export const INTERRUPT_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;
export type InterruptSignal = keyof typeof INTERRUPT_EXIT_CODES;

/** The abort reason a signal leaves on the run's AbortSignal. */
export interface Interrupted { interrupted: InterruptSignal }

const isInterrupted = (reason: unknown): reason is Interrupted =>
  typeof reason === 'object' && reason !== null && (reason as Partial<Interrupted>).interrupted !== undefined
  && Object.hasOwn(INTERRUPT_EXIT_CODES, (reason as Interrupted).interrupted);

/** The exit code of a stopped run: 143 after SIGTERM, else 130 (Ctrl-C, or an abort from elsewhere). */
export const interruptExitCode = (signal: AbortSignal): number =>
  isInterrupted(signal.reason) ? INTERRUPT_EXIT_CODES[signal.reason.interrupted] : INTERRUPT_EXIT_CODES.SIGINT;

export async function withInterrupt(what: string, task: (signal: AbortSignal) => Promise<number>): Promise<number> {
  const controller = new AbortController();
  const signals = Object.keys(INTERRUPT_EXIT_CODES) as InterruptSignal[];
  const quitNow = (name: InterruptSignal) => () => process.exit(INTERRUPT_EXIT_CODES[name]);
  const handlers = new Map<InterruptSignal, () => void>();
  for (const name of signals) {
    handlers.set(name, () => {
      const again = name === 'SIGINT' ? 'Ctrl-C again to quit now' : 'SIGTERM again to quit now';
      process.stderr.write(`\ncontract-fuzz: interrupted${name === 'SIGINT' ? '' : ` (${name})`}, writing ${what} of what ran so far (${again})\n`);
      controller.abort({ interrupted: name } satisfies Interrupted);
      for (const [n, h] of handlers) process.removeListener(n, h);
      for (const n of signals) process.once(n, quitNow(n));
    });
  }
  for (const [name, handler] of handlers) process.once(name, handler);
  try {
    return await task(controller.signal);
  } finally {
    for (const [name, handler] of handlers) process.removeListener(name, handler);
  }
}
