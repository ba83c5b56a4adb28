// One `contract-fuzz run`: open targets, prepare prerequisites, stream cases, run the scenarios, turn
// groups into findings, apply the baseline, write fixtures and reports. Returns the report and exit code.
import { checksFor } from '../checks/index.ts';
import { caseId, coverageContexts, planned, scenarioShard, type NamedContext, type Plan, type PlanItem } from '../generate/index.ts';
import { constraintsOf } from '../oracle/index.ts';
import { writeFixtures } from '../report/fixtures.ts';
import { assertWritableDir, assertWritableFile } from '../files.ts';
import { attemptWrite } from '../report/outputs.ts';
import { reportSinks } from '../report/sinks.ts';
import type { CoverageTable, DiffCoverageTable, Finding, Report } from '../report/types.ts';
import { openTarget, type OpenOptions, type OpenTarget } from '../targets/open.ts';
import { applyBaseline, readBaseline, writeBaseline, type Baseline } from './baseline.ts';
import { setMaxListeners } from 'node:events';
import { join } from 'node:path';
import { wrap } from '../targets/target.ts';
import { runScrubber, scrubOutcome, scrubOutcomes } from '../targets/scrub.ts';
import { throttleAware } from '../targets/throttleAware.ts';
import type { RetryOptions } from '../targets/retry.ts';
import { diffExchange, oracleExchange } from './exchange.ts';
import { fromGroup } from './findings.ts';
import { buildReport } from './buildReport.ts';
import { CaseTally } from './caseDigest.ts';
import { controlled } from './caseStream.ts';
import { FindingBudget } from './findingBudget.ts';
import { runControlInfo } from './runControlInfo.ts';
import { filterLine, runFilter } from './filters.ts';
import { interruptExitCode } from './interrupt.ts';
import { reachedRuns, reproduceFor, rerunCommand } from './reproduce.ts';
import { assertRecordedRun } from './replayRecording.ts';
import type { RunOptions } from './options.ts';
import { prepare, type NotPrepared, type Prepared } from './prerequisites.ts';
import { bindingPairs } from './binding.ts';
import { maskGroup } from './mask.ts';
import { addDiffCoverage } from './diffCoverage.ts';
import { profileOf } from '../profiles/index.ts';
import { findingWire } from './wire.ts';
import { drawNonceTag, runNonce } from './nonce.ts';
import { notTestedFinding } from './notTested.ts';
import { notUndoneLines } from './caseCreations.ts';
import { fixtureModelOf } from './fixtureModel.ts';
import { runCases } from './runner.ts';
import { boundHeapGrowth } from './heapGrowth.ts';
import { createProgress, phased, type ProgressOptions, type ProgressStream } from './progress.ts';
import { scenarioFindings, scenarioScope, scenarioToFinding } from './scenarioFindings.ts';
import { scenariosOf } from '../scenarios/index.ts';
import { adaptiveRunInfo, inFlightLimitFor, slotsFor } from './concurrency.ts';
import { createListingGuard } from '../listingGuard.ts';

export interface RunIO {
  write(text: string): void;
  writeErr(text: string): void;
  isTTY: boolean;
  /** Where the progress bar draws (default: writeErr, a terminal when isTTY). */
  errStream?: ProgressStream;
}

export interface RunResult { report: Report; exitCode: number }

export interface RunHooks {
  /** Opens the --target / --diff specs (default openTarget); `contract-fuzz record` opens a recording target. */
  openTarget?: (spec: string, options: OpenOptions) => Promise<OpenTarget>;
  /** How throttling answers are retried (default: the SDKs' standard mode; tests use tiny delays). */
  retry?: RetryOptions;
  /** The progress output's clock and timer (tests). */
  progress?: Pick<ProgressOptions, 'now' | 'every'>;
}

/** Each operation gets its own seed from the run's, so running one operation alone gives the same cases. */
const operationSeed = (seed: number, operation: string): number => {
  let h = seed | 0;
  for (let i = 0; i < operation.length; i++) h = Math.imul(h ^ operation.charCodeAt(i), 0x01000193);
  return h | 0;
};

function* skipping(items: Iterator<PlanItem>, keep: (i: PlanItem) => boolean): Generator<PlanItem> {
  for (let n = items.next(); !n.done; n = items.next()) if (keep(n.value)) yield n.value;
}

function emptyCoverage(operations: string[]): CoverageTable {
  const table: CoverageTable = {};
  for (const op of operations) {
    table[op] = {};
    for (const c of constraintsOf(op)) if (c.kind !== 'state') table[op][c.id] = { valid: 0, invalid: 0 };
  }
  return table;
}

export async function executeRun(o: RunOptions, signal: AbortSignal, io: RunIO, hooks: RunHooks = {}): Promise<RunResult> {
  boundHeapGrowth(); // flat memory however long the run (src/run/heapGrowth.ts)
  const started = Date.now();
  const startedAt = new Date(started).toISOString();
  const baseline: Baseline | undefined = o.baseline ? await readBaseline(o.baseline) : undefined;
  const filter = runFilter(o.operations, o.include, o.exclude);

  // Connections for the most the in-flight limit may reach; each target's limit (fixed or adaptive) is below them.
  const openOptions = { deferProbe: true, region: o.region, timeoutMs: o.timeoutMs, concurrency: o.maxConcurrency ?? o.concurrency, allowAws: o.allowAws, allowRemote: o.allowRemote, profile: o.profile };
  const opened: OpenTarget[] = [];
  const prepared: Prepared[] = [];
  let requests = 0;
  // Every request of the run, scenarios and shrinking included, goes through this count.
  // SDK targets say which members the SDK filled in (idempotency tokens): the report records them.
  const sdkFilled: Record<string, Set<string>> = {};
  const scrubber = runScrubber();
  const limits: Array<ReturnType<typeof inFlightLimitFor>> = [];
  const counted = (t: OpenTarget, index: number): OpenTarget => ({
    // Outcomes are scrubbed before anything sees them: a target may echo the signature or token back.
    // Without credentials to learn (the usual target) no async layer of its own: one fewer promise per request.
    ...wrap(t, (send) => (call, opts) => {
      requests++;
      const sending = t.secrets ? t.secrets().then((s) => { scrubber.addSecrets(...s); return send(call, opts); }) : send(call, opts);
      return sending.then((outcome) => {
        prepared[index]?.track(call, outcome);
        if (outcome.sdkFilled) for (const m of outcome.sdkFilled) (sdkFilled[call.operation] ??= new Set()).add(m);
        return outcome;
      });
    }, scrubOutcomes(scrubber, { deferrable: true }), ...throttleAware({ rateLimit: o.rateLimit, retry: { ...hooks.retry, onRetry: () => { requests++; } } }),
    (limits[index] = inFlightLimitFor(o, t)).wrapper),
    isAws: t.isAws, ...(t.fresh ? { fresh: true } : {}), ...(t.runTag === undefined ? {} : { runTag: t.runTag }),
    ...(t.reachable ? { reachable: t.reachable } : {}),
  });
  const open = hooks.openTarget ?? openTarget;
  // Each in-flight request listens on the run's abort signal; concurrency decides how many, not a leak.
  setMaxListeners(0, signal);
  // Progress goes to stderr and stops (a bar is cleared) before the report is printed.
  const bar = createProgress({
    mode: o.quiet ? 'off' : io.isTTY ? 'bar' : 'lines', total: 0, ...(o.durationMs === undefined ? {} : { deadline: started + o.durationMs }), ...hooks.progress,
    stream: io.errStream ?? { isTTY: io.isTTY, write: (t: string) => io.writeErr(t) },
  });
  const coverage = emptyCoverage(o.operations);
  const diffCoverage: DiffCoverageTable = {};
  const findings: Finding[] = [];
  let cases = 0;
  // Cases a target did not send, per operation and reason (SDK targets): counted, never judged.
  const skipped: Record<string, Record<string, number>> = {};
  const casesByOperation: Record<string, number> = {};
  const scenariosRan = new Set<string>();
  const skip = (op: string, why: string, n = 1) => { const r = (skipped[op] ??= {}); r[why] = (r[why] ?? 0) + n; };
  // Run control: which cases were taken (digest), --duration, --max-findings.
  const tally = new CaseTally();
  const budget = new FindingBudget(o.maxFindings, { gate: o, baselined: new Set(baseline?.findings.map((e) => e.id)) });
  let randomCases = 0;
  const found = (f: Finding): void => { findings.push(f); budget.see(f); };
  // What the cases left, undone once an operation's cases are done (src/run/release.ts); awaited before cleanup.
  const releasing: Array<Promise<void>> = [];
  for (const n of o.notRunnable ?? []) io.writeErr(`contract-fuzz: ${n.operation} not run: ${n.reason}\n`);
  try {
    for (const spec of o.diff ? [o.target, o.diff] : [o.target]) {
      const t = await open(spec, openOptions);
      try { assertRecordedRun(t, o); } catch (e) { await t.close(); throw e; }
      // Credentials from a profile or SSO are known only now; each request refreshes them (tokens rotate).
      if (t.secrets) scrubber.addSecrets(...(await t.secrets()));
      opened.push(counted(t, opened.length));
    }
    // After the targets (their errors come first, and nothing is created for a run that cannot start),
    // before any request: a folder the run cannot write to must not cost the report at the end.
    // The targets' reachability is checked alongside preparation (a round trip less against a slow target); an
    // unreachable target still is the error a run reports first.
    const reachable = () => Promise.all(opened.map((t) => t.reachable));
    try {
      await assertWritableDir(o.reportDir, 'reports');
      if (o.fixturesDir) for (const dir of [o.fixturesDir, ...o.operations.map((op) => join(o.fixturesDir!, op))]) await assertWritableDir(dir, 'fixtures', { create: false });
      if (o.writeBaseline) await assertWritableFile(o.writeBaseline, 'the baseline');
    } catch (e) {
      await reachable();
      throw e;
    }
    // A model-only create nothing can undo leaves what it made on a long-lived target: said once, up front.
    if (!o.keep && opened.some((t) => !t.fresh)) for (const line of notUndoneLines(o.operations)) io.writeErr(line);
    const contexts: Record<string, NamedContext[]> = {};
    for (const op of o.operations) contexts[op] = coverageContexts(op);
    // A fresh nonce every run: nothing the run creates collides with an earlier run's (reports mask it).
    // A target that dictates the names (a recording answers only the ones it was made with) has the last word.
    const runTag = opened.find((t) => t.runTag !== undefined)?.runTag ?? drawNonceTag();
    // The targets side by side (a differential run has two): each preparation is round trips to its own target.
    const [preparing, probed] = await Promise.all([Promise.allSettled(opened.map((t) => prepare(t, {
      operations: o.operations, contexts, runTag, nonce: runNonce(runTag), signal, undoCreates: !o.keep && !t.fresh && t.runTag === undefined,
      ...(o.serviceId ? { serviceId: o.serviceId } : {}), ...(o.protonService ? { protonService: o.protonService } : {}),
    }))), Promise.allSettled(opened.map((t) => t.reachable))]);
    const rejected = (r: PromiseSettledResult<unknown>): r is PromiseRejectedResult => r.status === 'rejected';
    // Unreachable: that one line, whatever preparation made of the target's silence.
    const unprepared = probed.find(rejected) ?? preparing.find(rejected);
    if (unprepared) {
      // What the other target prepared goes away with it (the cleanup below only knows a fully prepared run).
      await Promise.all(preparing.map((r) => (r.status === 'fulfilled' && !o.keep ? r.value.cleanup() : undefined)));
      throw unprepared.reason;
    }
    for (const r of preparing) if (r.status === 'fulfilled') prepared.push(r.value);
    const reference = opened[0];
    const checks = checksFor({ messages: o.messages });
    // Per target: the population upkeep waits while a scenario walks a service's listing page by page.
    const listings = opened.map(() => createListingGuard());
    const exchange = o.diff
      ? diffExchange({ reference, candidate: opened[1], bindings: [prepared[0].binding, prepared[1].binding], signal, listings: [listings[0], listings[1]] })
      : oracleExchange({ target: reference, binding: prepared[0].binding, checks, signal, scrub: (x) => scrubOutcome(scrubber, x), listing: listings[0] });
    const rawOk = opened.every((t) => t.supports?.rawBody !== false);
    const reproduce = reproduceFor(o);
    const pairs = prepared.flatMap((p) => bindingPairs(p.binding));
    // Operations a target could not prepare are not tested: one finding each (the first target's reason).
    const untested = new Map<string, NotPrepared>();
    for (const n of prepared.flatMap((p) => p.notPrepared)) if (!untested.has(n.operation)) untested.set(n.operation, n);
    for (const n of untested.values()) {
      bar.log(`contract-fuzz: ${n.operation} not tested: ${n.line}\n`);
      found(notTestedFinding(n, { seed: o.seed, gate: o, reproduce: rerunCommand(o, n.operation), pairs }));
    }
    // Every plan up front (sizes only: no case is generated before it is sent), so the progress knows the total.
    const plans = new Map<string, Plan>();
    for (const op of o.operations) {
      if (!untested.has(op)) plans.set(op, planned(op, { seed: operationSeed(o.seed, op), runs: o.runs, contexts: prepared[0].contexts[op] ?? contexts[op], ...(o.shard ? { shard: o.shard } : {}),
        ...(filter.active ? { keep: (id: string) => filter.keeps(op, id) } : {}) }));
    }
    bar.addTotal([...plans.values()].reduce((n, p) => n + p.total, 0));
    // The operations side by side (their cases, scenarios and shrinking share --concurrency through the target's
    // connection pool): against a slow target one operation's scenarios, whose steps wait for each other, overlap
    // the other's cases. What each finds is gathered per operation and merged in operation order.
    const done = new Map<string, number>();
    let groupsSoFar = 0;
    let failing = false; // an operation failed (the harness, not the target): the others take no new cases
    // Not with --max-findings (which finding stops the run must not depend on timing), and not when a model-only
    // operation is in the run: its creates and deletes (proton#DeleteService…) would meet the others' state.
    const sideBySide = o.maxFindings === undefined && o.operations.every((op) => profileOf(op).origin === 'hand-written');
    const operationRun = async (op: string, k: number) => {
      const opFindings: Finding[] = [];
      const plan = plans.get(op);
      if (signal.aborted || budget.reached() || failing || plan === undefined) return opFindings;
      // --duration: side by side, each operation until the time is spent; one after another, they share it (one
      // that ends early leaves the rest to the next).
      const reached = { fill: 0, random: 0 };
      const deadline = o.durationMs === undefined ? undefined : started + (sideBySide ? o.durationMs : (o.durationMs * (k + 1)) / o.operations.length);
      const items = controlled(phased(plan.items, bar), {
        operation: op, tally, reached, stopped: () => budget.reached() || failing,
        ...(deadline !== undefined ? { deadline } : {}),
      });
      // SDK targets cannot send malformed JSON or non-object bodies: those cases are skipped, not misjudged.
      const stream = rawOk ? items : skipping(items, (i) => {
        const sendable = i.case.rawBody === undefined && i.case.wireOperation === undefined && !i.case.breaks.some((b) => b.startsWith('protocol:'));
        if (!sendable) skip(op, 'an SDK cannot send raw bodies, non-object bodies or other operations');
        return sendable;
      });
      // Scenarios share the operation's state: not split, one shard runs them all (src/generate/shard.ts).
      const scenariosHere = !o.shard || scenarioShard(op, o.shard.total) === o.shard.index;
      // Against a slow target a scenario is a chain of round trips that no number of slots shortens: side by side
      // with the operation's cases (their own ids; chained steps go first for a slot), not after them. One after
      // another against a target this run started (fast anyway) or a recording (answers in the recorded order).
      const overlap = sideBySide && opened.every((t) => !t.fresh && t.runTag === undefined);
      let casesDone = false;
      // Resolves to the findings' maker: they are made once the cases are done (the time-boxed reproduce line needs
      // what the cases reached).
      const scenarios = async (reproduceOp: () => typeof reproduce): Promise<() => Finding[]> => {
        // An operation without scenarios: its plan lists none.
        if (!o.scenarios || !scenariosHere || signal.aborted || budget.reached() || failing || scenariosOf(op).length === 0) return () => [];
        if (!overlap || casesDone) bar.phase('scenarios');
        const seed = operationSeed(o.seed, `${op}#scenarios`);
        const run = (i: number) => scenarioFindings({ operation: op, target: opened[i], binding: prepared[i].binding, contexts: prepared[i].contexts[op] ?? contexts[op], seed, runs: Math.max(1, Math.min(5, Math.ceil(o.runs / 20))), signal, keep: (id) => filter.keeps(op, id), concurrency: slotsFor(limits), listing: listings[i], eager: overlap });
        // Differential: the candidate and the reference side by side; only what the candidate does and the reference does not.
        const [failed, onRef] = await Promise.all([run(o.diff ? 1 : 0), o.diff ? run(0) : Promise.resolve([])]);
        if (!signal.aborted) scenariosRan.add(op);
        const onReference = new Set(onRef.map((f) => f.constraint));
        return () => failed.filter((f) => !onReference.has(f.constraint)).map((f) => scenarioToFinding(f, o, reproduceOp()));
      };
      let reproduceOp = reproduce;
      const scenariosRunning = overlap ? scenarios(() => reproduceOp) : undefined;
      scenariosRunning?.catch(() => undefined); // awaited below; a rejection before then is not unhandled
      let groupsHere = 0;
      // Side by side against a slow target (its limit already at the cap), the scenarios' first steps (their chains
      // are the critical path) take their slots before the cases' first burst takes the rest. Below the cap the
      // cases go first as before: the chains get room past the limit then.
      if (scenariosRunning && limits.every((l) => l.adaptive && l.limit.limit >= l.limit.max)) await new Promise<void>((resolve) => setImmediate(resolve));
      const result = await runCases({
        items: stream, exchange, concurrency: slotsFor(limits), shrinkRequests: o.shrinkRequests, signal,
        onProgress: (n, groups) => {
          done.set(op, n);
          groupsSoFar += groups - groupsHere;
          groupsHere = groups;
          let all = 0;
          for (const v of done.values()) all += v;
          bar.update(all, findings.length + groupsSoFar);
        },
        onShrinking: () => bar.phase('shrink'),
        onGroup: (d) => budget.see(d),
      }).catch(async (e: unknown) => {
        failing = true;
        await scenariosRunning?.catch(() => undefined); // nothing of this operation is in flight when cleanup starts
        throw e;
      });
      if (plan.total > result.cases) bar.addTotal(result.cases - plan.total); // skipped, time-boxed or interrupted
      randomCases += reached.random;
      casesDone = true;
      // Side by side against a slow target: what the cases left goes while the scenarios run, the rest once they are
      // done, while the other operation runs (src/run/release.ts).
      const scenariosRun = o.scenarios && scenariosHere && scenariosOf(op).length > 0;
      const releases = overlap && !o.keep;
      const scopes = prepared.map((p) => (scenariosRun ? scenarioScope({ operation: op, binding: p.binding, contexts: p.contexts[op] ?? contexts[op] }) : undefined));
      if (releases) releasing.push(...prepared.map((p, i) => p.release(op, (scope) => scope !== scopes[i])));
      // A time-boxed run is reproduced by the random cases it reached (the clock does not repeat).
      reproduceOp = o.durationMs === undefined ? reproduce : reproduceFor(reachedRuns(o, reached.fill));
      cases += result.cases;
      casesByOperation[op] = result.cases;
      for (const [why, n] of Object.entries(result.skipped)) skip(op, why, n);
      for (const [id, counts] of Object.entries(result.coverage[op] ?? {})) {
        const cell = (coverage[op][id] ??= { valid: 0, invalid: 0 });
        cell.valid += counts.valid;
        cell.invalid += counts.invalid;
      }
      addDiffCoverage(diffCoverage, result.diffCoverage);
      for (const g of result.groups) opFindings.push({ ...fromGroup(maskGroup(g, prepared.map((p) => p.binding)), o, reproduceOp), caseId: caseId(op, g.item.index), ...findingWire(g, opened, prepared, scrubber) });
      if (scenariosRunning && o.scenarios && scenariosOf(op).length > 0 && !signal.aborted) bar.phase('scenarios');
      const scenarioFindingsOf = await (scenariosRunning ?? scenarios(() => reproduceOp));
      if (releases && scenariosRun) releasing.push(...prepared.map((p, i) => p.release(op, (scope) => scope === scopes[i])));
      for (const finding of scenarioFindingsOf()) { budget.see(finding); opFindings.push(finding); }
      return opFindings;
    };
    if (sideBySide) {
      const ran = await Promise.allSettled(o.operations.map((op, k) => operationRun(op, k).catch((e: unknown) => { failing = true; throw e; })));
      for (const r of ran) if (r.status === 'rejected') throw r.reason;
      for (const r of ran) if (r.status === 'fulfilled') findings.push(...r.value);
    } else {
      // --max-findings: one operation after another, so which findings come first (and stop the run) does not
      // depend on how two operations' answers interleave.
      for (const [k, op] of o.operations.entries()) findings.push(...(await operationRun(op, k)));
    }
  } finally {
    await Promise.all(releasing); // never rejects: before cleanup, so nothing is undone twice
    bar.phase('cleanup');
    // Whatever happened, what this run created goes away, on every target (unless --keep); a target this run
    // started (builtin) goes away whole with it. A problem is one warning line per target: never a finding,
    // never in the way of the report.
    // The targets side by side (a differential run has two); the warnings in target order.
    const cleaned = await Promise.all(prepared.map((p, i) => (o.keep || opened[i].fresh ? [] : p.cleanup())));
    for (const [i, problems] of cleaned.entries()) {
      if (problems.length > 0) bar.log(`contract-fuzz: warning: cleanup on ${opened[i].name} failed ${problems.length} time(s): ${problems[0]}\n`);
    }
    await Promise.allSettled(opened.map((t) => t.close()));
    bar.stop();
  }

  // Ids the run filters left out have no row: they were neither generated nor checked.
  if (filter.active) for (const op of o.operations) for (const id of Object.keys(coverage[op] ?? {})) if (!filter.keeps(op, id)) { delete coverage[op][id]; delete diffCoverage[op]?.[id]; }
  const durationMs = Date.now() - started;
  const report: Report = buildReport({
    run: {
      seed: o.seed, target: o.target, ...(o.diff ? { diff: o.diff } : {}), operations: o.operations, runs: o.runs,
      reproduce: rerunCommand(o, o.operations.length === 1 ? o.operations[0]! : 'all'),
      concurrency: o.concurrency, ...adaptiveRunInfo(limits), strictness: o.strictness, failOn: o.failOn, scenarios: o.scenarios && !signal.aborted, startedAt, durationMs,
      casesPerSecond: durationMs > 0 ? Math.round((cases * 1000) / durationMs) : 0,
      ...(signal.aborted ? { interrupted: true } : {}), ...(o.baseline ? { baseline: o.baseline } : {}),
      ...(Object.keys(sdkFilled).length ? { sdkFilled: Object.fromEntries(Object.entries(sdkFilled).map(([op, m]) => [op, [...m].sort()])) } : {}),
      ...(Object.keys(skipped).length ? { skipped } : {}),
      ...runControlInfo(o, { tally, randomCases, budget }),
      ...(filter.active ? { filters: filter.summary() } : {}),
      ...(prepared[0] && Object.keys(prepared[0].undoSummary()).length ? { undo: prepared[0].undoSummary() } : {}),
    },
    cases, requests, coverage, findings, ...(o.diff ? { diffCoverage } : {}),
  }, (all) => {
    const { fixed, notExercised } = applyBaseline(all, baseline, { operations: o.operations, coverage, cases: casesByOperation, scenarios: scenariosRan, keeps: filter.keeps });
    return { fixed, ...(baseline ? { notExercised } : {}) };
  });
  // An output that fails this late is one line and exit 2; it never costs the report or the other outputs.
  const unwritten: Array<string | undefined> = [];
  // Nothing to replay when nothing could be sent or judged: a not-tested or throttled finding is reproduced by running again.
  if (o.fixturesDir) unwritten.push(await writeFixtures(o.fixturesDir, findings.filter((f) => f.kind !== 'not-tested' && f.kind !== 'throttled'), o.diff ?? o.target, fixtureModelOf(o.model)));
  const sinks = reportSinks(o.reportDir, io.write);
  for (const sink of sinks) unwritten.push(await attemptWrite('reports', o.reportDir, () => sink.onRunEnd(report)));
  if (report.run.filters) io.write(`${filterLine(report.run.filters)}\n`);
  for (const [op, reasons] of Object.entries(skipped)) {
    for (const [why, n] of Object.entries(reasons)) io.write(`  ${op}: ${n} case(s) not sent: ${why}\n`);
  }
  if (o.writeBaseline) {
    const baselineFile = o.writeBaseline;
    let entries = 0;
    const problem = await attemptWrite('the baseline', baselineFile, async () => { entries = await writeBaseline(baselineFile, findings); });
    unwritten.push(problem);
    if (problem === undefined) io.write(`baseline written: ${baselineFile} (${entries} entries)\n`);
  }
  const problems = [...new Set(unwritten.filter((p) => p !== undefined))];
  for (const p of problems) io.writeErr(`contract-fuzz: ${p}\n`);
  // Stopped by --max-findings: never green, whatever the baseline made of what it found.
  const exitCode = signal.aborted ? interruptExitCode(signal) : problems.length > 0 ? 2 : report.summary.gating > 0 || report.run.stoppedEarly ? 1 : 0;
  return { report, exitCode };
}
