/**
 * Finding the LMS's SCORM 1.2 API object the way the SCORM 1.2 Run-Time Environment says a SCO
 * must: look for `API` on the SCO's own window, then up its chain of parents (at most seven
 * steps up), then on `window.opener` and its parents. A frame from another origin, which the
 * browser will not let us read, ends that branch of the search instead of throwing.
 *
 * ```ts
 * const api = findScormApi(window); // null in normal web play
 * ```
 */

/** The eight calls of the SCORM 1.2 API (`LMSInitialize`…`LMSGetDiagnostic`). Values are strings. */
export interface Scorm12Api {
  LMSInitialize(arg: ''): string | boolean;
  LMSFinish(arg: ''): string | boolean;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string | boolean;
  LMSCommit(arg: ''): string | boolean;
  LMSGetLastError(): string | number;
  LMSGetErrorString(code: string): string;
  LMSGetDiagnostic(code: string): string;
}

/** The little of `Window` the search reads (a fake chain in tests). */
export interface WindowLike {
  readonly API?: unknown;
  readonly parent?: WindowLike | null;
  readonly opener?: WindowLike | null;
}

/** How many parents up the search goes, as in the RTE's sample API wrapper. */
export const MAX_PARENT_STEPS = 7;

const CALLS = ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError'] as const;

/** True when `value` has the SCORM 1.2 calls (a SCORM 2004 `API_1484_11` does not). */
export function isScorm12Api(value: unknown): value is Scorm12Api {
  if (typeof value !== 'object' || value === null) return false;
  return CALLS.every((name) => typeof (value as Record<string, unknown>)[name] === 'function');
}

/** The API on `start` or one of its parents (at most seven up), or null. */
export function findApiInParents(start: WindowLike | null | undefined): Scorm12Api | null {
  let win = start ?? null;
  for (let steps = 0; win && steps <= MAX_PARENT_STEPS; steps += 1) {
    const api = read(() => win?.API);
    if (isScorm12Api(api)) return api;
    const parent = read(() => win?.parent);
    if (!parent || parent === win) return null;
    win = parent;
  }
  return null;
}

/** The LMS's API for the SCO running in `win`: its own chain of parents first, then its opener's. */
export function findScormApi(win: WindowLike): Scorm12Api | null {
  return findApiInParents(win) ?? findApiInParents(read(() => win.opener));
}

/** Reading a property of another origin's window throws a SecurityError: treat it as absent. */
function read<T>(get: () => T): T | null {
  try {
    return get() ?? null;
  } catch {
    return null;
  }
}
