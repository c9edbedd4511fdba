/**
 * A clock that moves only when told to: tests and the headless CLI advance it explicitly.
 *
 * @example
 * const clock = createFakeClock();
 * clock.setTimeout(() => console.log('ding'), 1000);
 * clock.advance(1000); // logs "ding"
 */
import type { Clock } from './clock.ts';

export interface FakeClock extends Clock {
  /** Moves time forward, running every timer that falls due, in order. */
  advance(ms: number): void;
  /** Moves time to the next pending timer and runs it; false when none is pending. */
  runNext(): boolean;
  /** Milliseconds until the next pending timer, or null when none is pending. */
  nextDueIn(): number | null;
  /** How many timers are pending (a disposed driver leaves none). */
  pendingCount(): number;
}

interface Timer {
  id: number;
  due: number;
  fn: () => void;
}

export function createFakeClock(start = 0): FakeClock {
  let now = start;
  let nextId = 1;
  const timers = new Map<number, Timer>();

  const earliest = (): Timer | undefined => {
    let first: Timer | undefined;
    for (const timer of timers.values()) {
      if (!first || timer.due < first.due || (timer.due === first.due && timer.id < first.id)) first = timer;
    }
    return first;
  };

  const clock: FakeClock = {
    now: () => now,
    setTimeout(fn, ms) {
      const id = nextId++;
      timers.set(id, { id, due: now + Math.max(0, Number.isFinite(ms) ? ms : 0), fn });
      return id;
    },
    clearTimeout(handle) {
      if (typeof handle === 'number') timers.delete(handle);
    },
    advance(ms) {
      const target = now + Math.max(0, ms);
      for (let timer = earliest(); timer && timer.due <= target; timer = earliest()) {
        timers.delete(timer.id);
        now = Math.max(now, timer.due);
        timer.fn();
      }
      now = target;
    },
    runNext() {
      const timer = earliest();
      if (!timer) return false;
      timers.delete(timer.id);
      now = Math.max(now, timer.due);
      timer.fn();
      return true;
    },
    nextDueIn() {
      const timer = earliest();
      return timer ? Math.max(0, timer.due - now) : null;
    },
    pendingCount: () => timers.size,
  };
  return clock;
}
