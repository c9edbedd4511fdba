/**
 * The clock the driver reads and sets timers on. Injected so tests and the CLI can use a fake
 * clock that moves only when told to.
 */
export interface Clock {
  /** Milliseconds on some monotonic scale. */
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The browser's (or Node's) real clock. */
export function createRealClock(): Clock {
  return {
    now: () => globalThis.performance?.now() ?? Date.now(),
    setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
    clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
  };
}
