// Issue 11 §8: progress on stderr. A bar on a terminal (cli-progress, drawn on a fake TTY stream here), one plain
// line every 10 s without one (an injected clock and timer), nothing with --quiet; never on stdout (the report).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planned } from '../../src/generate/index.ts';
import { parseRunOptions } from '../../src/run/options.ts';
import { createProgress } from '../../src/run/progress.ts';
import { executeRun } from '../../src/run/run.ts';

let work: string;
beforeAll(async () => { work = await mkdtemp(join(tmpdir(), 'cf-progress-')); });
afterAll(async () => { await rm(work, { recursive: true, force: true }); });

/** A terminal that keeps what is drawn on it. */
const fakeTty = () => {
  let text = '';
  return { isTTY: true, columns: 160, write: (t: string) => { text += t; return true; }, text: () => text };
};
/** A timer the test fires by hand. */
const manualTimer = () => {
  const timers: Array<{ ms: number; fn: () => void; on: boolean }> = [];
  return {
    timers,
    every: (ms: number, fn: () => void) => { const t = { ms, fn, on: true }; timers.push(t); return () => { t.on = false; }; },
    fire: () => { for (const t of timers) if (t.on) t.fn(); },
  };
};

describe('the plan knows its size', () => {
  it('total = coverage phase + runs, the same count the plan yields', () => {
    const p = planned('RegisterInstance', { seed: 3, runs: 17 });
    expect(p.coverage).toBeGreaterThan(50);
    expect(p.total).toBe(p.coverage + 17);
    let n = 0;
    let coverage = 0;
    for (const item of p.items) { n++; if (item.phase === 'coverage') coverage++; }
    expect([n, coverage]).toEqual([p.total, p.coverage]);
  });
});

describe('createProgress', () => {
  it('bar: phase, done/total, cases/s, ETA and findings on a terminal; cleared when stopped', () => {
    const tty = fakeTty();
    let t = 0;
    const bar = createProgress({ mode: 'bar', stream: tty, total: 200, now: () => t });
    bar.phase('coverage');
    t = 2_000;
    bar.update(100, 3);
    bar.log('contract-fuzz: warning: something\n');
    bar.stop();
    const drawn = tty.text();
    expect(drawn).toMatch(/coverage\s.*100\/200 cases · 50 cases\/s · ETA 2s · 3 finding\(s\)/);
    expect(drawn).toMatch(/prepare\s.*0\/200 cases/);
    expect(drawn).toContain('contract-fuzz: warning: something\n'); // a whole line, above the bar
    expect(drawn.endsWith('\x1b[0J')).toBe(true); // the library clears the bar: the report that follows starts clean
  });

  it('lines: one plain line per 10 s tick, no terminal codes', () => {
    const timer = manualTimer();
    const out: string[] = [];
    let t = 0;
    const p = createProgress({ mode: 'lines', stream: { write: (s: string) => out.push(s) }, total: 1000, now: () => t, every: timer.every });
    expect(timer.timers.map((x) => x.ms)).toEqual([10_000]);
    p.phase('random');
    t = 10_000;
    p.update(250, 1);
    timer.fire();
    t = 20_000;
    p.update(500, 2);
    timer.fire();
    p.stop();
    timer.fire(); // stopped: nothing more
    expect(out).toEqual([
      'contract-fuzz: random · 250/1000 cases · 25 cases/s · ETA 30s · 1 finding(s)\n',
      'contract-fuzz: random · 500/1000 cases · 25 cases/s · ETA 20s · 2 finding(s)\n',
    ]);
    expect(out.join('')).not.toMatch(/\x1b/);
  });

  // Seen on a clean clone: `--duration 20s` printed "random · 11810/20000631 cases · ETA 4h42m": the plan's cap
  // (10,000,000 random cases an operation) as the total, and an ETA from it, in a run that ends in 20 s.
  it('time-boxed (--duration): cases so far and the time left in the box, not the cap as a total', () => {
    const timer = manualTimer();
    const out: string[] = [];
    let t = 1_000;
    const p = createProgress({ mode: 'lines', stream: { write: (s: string) => out.push(s) }, total: 20_000_631, deadline: 21_000, now: () => t, every: timer.every });
    p.phase('random');
    t = 11_000;
    p.update(11_810, 0);
    timer.fire();
    // The box is spent: the run has cut the total to what ran; the scenarios count against it again.
    p.addTotal(12_000 - 20_000_631);
    p.phase('scenarios');
    t = 22_000;
    p.update(11_900, 1);
    timer.fire();
    p.stop();
    expect(out).toEqual([
      'contract-fuzz: random · 11810 cases (time box: 10s left) · 1181 cases/s · ETA 10s · 0 finding(s)\n',
      'contract-fuzz: scenarios · 11900/12000 cases · 567 cases/s · ETA 0s · 1 finding(s)\n',
    ]);
  });

  // Seen on a TTY on a clean clone: while preparing (no plan yet, total 0) the bar was drawn full with "0/0 cases ·
  // ETA 0s", as if the run were over before it began.
  it('bar before the plan is known: empty, no ETA', () => {
    const tty = fakeTty();
    const bar = createProgress({ mode: 'bar', stream: tty, total: 0, now: () => 0 });
    bar.stop();
    expect(tty.text()).toMatch(/prepare\s+\u2591{24} 0\/\? cases · 0 cases\/s · ETA \? · 0 finding\(s\)/);
  });

  it('time-boxed bar: fills with the time spent, shows no cap', () => {
    const tty = fakeTty();
    let t = 0;
    const bar = createProgress({ mode: 'bar', stream: tty, total: 20_000_631, deadline: 20_000, now: () => t });
    bar.phase('random');
    t = 10_000;
    bar.update(11_810, 2);
    bar.stop();
    const drawn = tty.text();
    expect(drawn).toMatch(/random\s+\u2588{12}\u2591{12} 11810 cases \(time box: 10s left\) · 1181 cases\/s · ETA 10s · 2 finding\(s\)/);
    expect(drawn).not.toContain('20000631');
  });

  it('off: nothing at all, no timer', () => {
    const timer = manualTimer();
    const out: string[] = [];
    const p = createProgress({ mode: 'off', stream: { write: (s: string) => out.push(s) }, total: 10, every: timer.every });
    p.phase('coverage'); p.update(5, 1); p.stop();
    expect([out, timer.timers]).toEqual([[], []]);
  });
});

describe('a run', () => {
  const args = (extra: string[]) => parseRunOptions(['--seed', '5', '--runs', '10', '--operation', 'CreateServiceInstance', '--report-dir', join(work, `r${Math.random()}`), '--no-fixtures', ...extra]);

  it('on a terminal: the bar on stderr with the plan\'s total, from prepare to cleanup; the report on stdout alone', async () => {
    const tty = fakeTty();
    let stdout = '';
    const r = await executeRun(args([]), new AbortController().signal, { write: (t) => { stdout += t; }, writeErr: (t) => tty.write(t), isTTY: true, errStream: tty });
    const total = planned('CreateServiceInstance', { seed: 0, runs: 10 }).total;
    expect(r.report.summary.cases).toBe(total);
    const drawn = tty.text();
    expect(drawn).toContain(`${total}/${total} cases`);
    for (const phase of ['prepare', 'cleanup']) expect(drawn).toContain(phase);
    expect(stdout).not.toMatch(/cases\/s · ETA|\x1b/);
    expect(stdout).toMatch(/PASS/);
  });

  it('without a terminal: a plain line per tick of the 10 s timer', async () => {
    // The run asks for a 10 s timer; the test's timer ticks every 20 ms instead, so a short run shows lines.
    const asked: number[] = [];
    const every = (ms: number, fn: () => void) => { asked.push(ms); const h = setInterval(fn, 20); return () => clearInterval(h); };
    let stderr = '';
    const r = await executeRun(args([]), new AbortController().signal, { write: () => undefined, writeErr: (s) => { stderr += s; }, isTTY: false }, { progress: { every } });
    expect(asked).toEqual([10_000]);
    const lines = stderr.split('\n').filter((l) => l.startsWith('contract-fuzz: '));
    expect(lines.length).toBeGreaterThan(0);
    // Before the plan is known (preparing) the total is `?`.
    for (const l of lines) expect(l).toMatch(/^contract-fuzz: (prepare|coverage|random|scenarios|shrink|cleanup) · \d+\/(\d+|\?) cases · \d+ cases\/s · ETA \S+ · \d+ finding\(s\)$/);
    expect(lines.some((l) => l.includes(`/${r.report.summary.cases} cases`))).toBe(true);
    expect(stderr).not.toMatch(/\x1b/);
  });

  it('--quiet: no progress at all', async () => {
    const timer = manualTimer();
    const tty = fakeTty();
    await executeRun(args(['--quiet']), new AbortController().signal, { write: () => undefined, writeErr: (t) => tty.write(t), isTTY: true, errStream: tty }, { progress: { every: timer.every } });
    expect(tty.text()).toBe('');
    expect(timer.timers).toEqual([]);
  });
});
