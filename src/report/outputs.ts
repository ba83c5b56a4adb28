// The end of a run writes several outputs (fixtures, report.json, junit.xml, summary.md, the baseline). One that
// fails late (a full disk, a folder removed under the run) must cost neither the others nor the report: each
// write is attempted, and a failure becomes one line for stderr (the run then exits 2).

const errno = (e: unknown): string => (e as NodeJS.ErrnoException)?.code ?? String((e as Error)?.message ?? e).split('\n')[0]!.slice(0, 200);

/** "cannot write <what> to <where> (<errno>)". */
export const writeFailure = (what: string, where: string, e: unknown): string => `cannot write ${what} to ${where} (${errno(e)})`;

/** Runs `write`; a failure is returned as one line, never thrown. */
export async function attemptWrite(what: string, where: string, write: () => unknown): Promise<string | undefined> {
  try {
    await write();
    return undefined;
  } catch (e) {
    return writeFailure(what, where, e);
  }
}
