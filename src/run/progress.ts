// Progress of a run on stderr: on a terminal a bar (cli-progress draws it: no terminal codes of ours), otherwise one
// plain line every 10 s so CI logs show life, with --quiet nothing. Phase, cases done of the plan's total, cases/s,
// ETA, findings so far. Stopped (and the bar cleared) before the report is printed, so the two never interleave.
import cliProgress from 'cli-progress';

export type Phase = 'prepare' | 'coverage' | 'random' | 'scenarios' | 'shrink' | 'cleanup';
export type ProgressMode = 'bar' | 'lines' | 'off';

/** Where the bar draws: a terminal stream (process.stderr), or anything shaped like one. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressOptions {
  mode: ProgressMode;
  stream: ProgressStream;
  /** Cases the run plans in all (coverage phase + runs, every operation). */
  total: number;
  now?: () => number;
  /** Calls `fn` every `ms` until the returned function is called (default: an unref'd setInterval). */
  every?: (ms: number, fn: () => void) => () => void;
  /** Lines mode: one line per this many ms (default 10 s). */
  intervalMs?: number;
  /** --duration: when the time box ends (on `now`'s clock). Until the random phase is over the total is only the
   * plan's cap, so the progress shows the cases so far and the time left in the box instead. */
  deadline?: number;
}

export interface Progress {
  phase(p: Phase): void;
  /** Cases done so far (all operations) and findings so far. */
  update(done: number, findings: number): void;
  /** Adds planned cases (a later operation's plan), or removes ones that will not run. */
  addTotal(n: number): void;
  /** A whole line (ending in a newline) for stderr: above the bar while there is one. */
  log(text: string): void;
  stop(): void;
}

const defaultEvery = (ms: number, fn: () => void): (() => void) => {
  const timer = setInterval(fn, ms);
  timer.unref();
  return () => clearInterval(timer);
};

const seconds = (ms: number): string => {
  const s = Math.max(0, Math.round(ms / 1000));
  return s >= 3600 ? `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m` : s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
};

export function createProgress(o: ProgressOptions): Progress {
  if (o.mode === 'off') return { phase: () => undefined, update: () => undefined, addTotal: () => undefined, log: (t) => { o.stream.write(t); }, stop: () => undefined };
  const now = o.now ?? Date.now;
  const started = now();
  let phase: Phase = 'prepare';
  let total = o.total;
  let done = 0;
  let findings = 0;
  const rate = (): number => { const s = (now() - started) / 1000; return s > 0 ? done / s : 0; };
  const boxed = (): boolean => o.deadline !== undefined && (phase === 'prepare' || phase === 'coverage' || phase === 'random');
  const left = (): string => seconds((o.deadline ?? 0) - now());
  const eta = (): string => {
    if (boxed()) return left();
    const r = rate(); return total === 0 ? '?' : r > 0 && done < total ? seconds(((total - done) / r) * 1000) : done >= total ? '0s' : '?';
  };
  // Total 0: no plan yet (preparing), not a plan of nothing.
  const count = (): string => (boxed() ? `${done} cases (time box: ${left()} left)` : `${done}/${total === 0 ? '?' : total} cases`);
  const payload = () => ({ phase: phase.padEnd(9), count: count(), speed: Math.round(rate()), findings, etaText: eta() });

  if (o.mode === 'bar') {
    // A MultiBar with one bar: its log() prints a line above the bar instead of through it.
    const multi = new cliProgress.MultiBar({
      stream: o.stream as NodeJS.WritableStream, format: '{phase} {bar} {count} · {speed} cases/s · ETA {etaText} · {findings} finding(s)',
      clearOnComplete: true, hideCursor: false, barsize: 24, fps: 4,
    }, cliProgress.Presets.shades_classic);
    const bar = multi.create(total, 0, payload());
    // In a time box the bar fills with the time spent (the case count has no total yet), else with the cases done.
    const draw = (): void => {
      if (boxed()) { bar.setTotal(Math.max(1, o.deadline! - started)); bar.update(Math.min(now() - started, o.deadline! - started), payload()); }
      else { bar.setTotal(Math.max(total, 1)); bar.update(done, payload()); } // total 0 would draw a full bar
    };
    draw();
    multi.update(); // drawn at once, not a frame later
    let stopped = false;
    return {
      phase(p) { phase = p; draw(); },
      update(d, f) { done = d; findings = f; draw(); },
      addTotal(n) { total += n; draw(); },
      log(text) { if (stopped) o.stream.write(text); else multi.log(text); },
      // Draw the last state (and any pending log line) once, then the library clears the bar.
      stop() { if (!stopped) { stopped = true; draw(); multi.update(); multi.stop(); } },
    };
  }

  const line = (): void => {
    const p = payload();
    o.stream.write(`contract-fuzz: ${phase} · ${p.count} · ${p.speed} cases/s · ETA ${p.etaText} · ${findings} finding(s)\n`);
  };
  const cancel = (o.every ?? defaultEvery)(o.intervalMs ?? 10_000, line);
  return {
    phase(p) { phase = p; },
    update(d, f) { done = d; findings = f; },
    addTotal(n) { total += n; },
    log(text) { o.stream.write(text); },
    stop: cancel,
  };
}

/** The items of a plan, telling the progress which phase the case handed out belongs to. */
export function* phased<T extends { phase: 'coverage' | 'fill' }>(items: Iterator<T>, progress: Progress): Generator<T> {
  let last: Phase | undefined;
  for (let n = items.next(); !n.done; n = items.next()) {
    const p: Phase = n.value.phase === 'fill' ? 'random' : 'coverage';
    if (p !== last) progress.phase((last = p));
    yield n.value;
  }
}
