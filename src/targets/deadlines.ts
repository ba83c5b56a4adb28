// The total-time deadlines of the exchanges in flight: one timer per timeout length instead of one per request.
// Exchanges given the same timeout expire in the order they started, so each length keeps a FIFO list (O(1) to
// add and to remove) and one timer armed for its oldest entry. A request that settles in time only unlinks
// itself; the timer, when it fires, expires whatever is due and re-arms for the next oldest. Each request still
// times out at its own start + timeout (not rounded to a tick), and with nothing in flight no timer is left
// armed (a finished run exits at once).

/** An entry: the exchange handler itself carries its links (no allocation per request). */
export interface Expiring {
  deadline: number;
  prev: Expiring | undefined;
  next: Expiring | undefined;
  queue: DeadlineQueue | undefined;
  /** Its deadline passed: the queue has already let go of it. */
  expire(): void;
}

// setTimeout takes at most 2^31-1 ms (longer is taken as 1 ms): a longer wait is re-armed when it ends.
const MAX_DELAY = 2_147_483_647;

export class DeadlineQueue {
  private head: Expiring | undefined;
  private tail: Expiring | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly fire = (): void => this.expireDue();

  constructor(readonly timeoutMs: number) {}

  /** Expires `e` at `started + timeoutMs` (performance.now() time) unless removed before. */
  add(e: Expiring, started: number): void {
    e.deadline = started + this.timeoutMs;
    e.queue = this;
    e.next = undefined;
    e.prev = this.tail;
    if (this.tail === undefined) this.head = e;
    else this.tail.next = e;
    this.tail = e;
    if (this.timer === undefined) this.arm(this.timeoutMs);
  }

  remove(e: Expiring): void {
    if (e.queue !== this) return;
    e.queue = undefined;
    if (e.prev === undefined) this.head = e.next;
    else e.prev.next = e.next;
    if (e.next === undefined) this.tail = e.prev;
    else e.next.prev = e.prev;
    e.prev = e.next = undefined;
    if (this.head === undefined && this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  private arm(ms: number): void {
    this.timer = setTimeout(this.fire, Math.min(MAX_DELAY, Math.max(1, Math.ceil(ms))));
  }

  private expireDue(): void {
    this.timer = undefined;
    const now = performance.now();
    for (let e = this.head; e !== undefined && e.deadline <= now; e = this.head) {
      this.remove(e);
      e.expire();
    }
    // The timer's clock (the event loop's) may run a little behind performance.now(): an entry not yet due
    // is waited for again, the way a timer of its own would have fired for it.
    if (this.head !== undefined && this.timer === undefined) this.arm(this.head.deadline - now);
  }
}

const queues = new Map<number, DeadlineQueue>();
let last: DeadlineQueue | undefined;

/** The process's queue for this timeout length (a run uses one or two lengths). */
export function deadlineQueue(timeoutMs: number): DeadlineQueue {
  if (last !== undefined && last.timeoutMs === timeoutMs) return last;
  let q = queues.get(timeoutMs);
  if (q === undefined) queues.set(timeoutMs, (q = new DeadlineQueue(timeoutMs)));
  return (last = q);
}
