/**
 * The room's clock: a clock that can be held still. While the room discusses a decision, the
 * projector holds it, so the conversation driver sees no time pass: the silence rule does not fire
 * and the reply, when it comes, is not a wait. In the hot seat the clock is never held and the
 * conversation runs in real time, as in normal play. No change to the engine is needed: the driver
 * already takes any `Clock`.
 *
 * @example
 * const clock = createRoomClock(createRealClock());
 * const driver = createConversationDriver(actor, clock, options);
 * clock.hold();    // discussion: time stands still for the customer
 * clock.release(); // the customer's time goes on
 */
import type { Clock } from '../conversation/clock.ts';

export interface RoomClock extends Clock {
  /** Stop time for the conversation; timers set now or earlier wait. */
  hold(): void;
  /** Let time run again; waiting timers fire after what was left of their delay. */
  release(): void;
  readonly held: boolean;
  /** Ms the clock has been held in total. */
  heldMs(): number;
}

interface Timer {
  fn: () => void;
  /** Due on the room's own time scale. */
  due: number;
  handle: unknown;
}

export function createRoomClock(base: Clock): RoomClock {
  let heldSince: number | null = null;
  let heldTotal = 0;
  const timers = new Set<Timer>();
  const now = (): number => (heldSince ?? base.now()) - heldTotal;

  const arm = (timer: Timer): void => {
    timer.handle = base.setTimeout(() => {
      timers.delete(timer);
      timer.fn();
    }, Math.max(0, timer.due - now()));
  };

  return {
    now,
    setTimeout(fn, ms) {
      const timer: Timer = { fn, due: now() + Math.max(0, ms), handle: null };
      timers.add(timer);
      if (heldSince === null) arm(timer);
      return timer;
    },
    clearTimeout(handle) {
      const timer = handle as Timer;
      if (!timers.has(timer)) return;
      timers.delete(timer);
      if (timer.handle !== null) base.clearTimeout(timer.handle);
    },
    hold() {
      if (heldSince !== null) return;
      heldSince = base.now();
      for (const timer of timers) {
        if (timer.handle !== null) base.clearTimeout(timer.handle);
        timer.handle = null;
      }
    },
    release() {
      if (heldSince === null) return;
      heldTotal += base.now() - heldSince;
      heldSince = null;
      for (const timer of timers) arm(timer);
    },
    get held() {
      return heldSince !== null;
    },
    heldMs: () => heldTotal + (heldSince === null ? 0 : base.now() - heldSince),
  };
}
