/**
 * A careful conversation with the LMS: every call goes through here, is checked with
 * `LMSGetLastError`, and never throws. A refused call is told to `onProblem` (the bridge logs
 * it) and the game carries on: an LMS that misbehaves must not stop a trainee's conversation.
 *
 * ```ts
 * const lms = new ScormConnection(api, (p) => console.warn(p.message));
 * lms.initialize();
 * lms.set('cmi.core.lesson_status', 'incomplete');
 * lms.commit();
 * ```
 */
import type { Scorm12Api } from './api.ts';

/** One call the LMS refused or failed. */
export interface ScormProblem {
  call: string;
  element?: string;
  /** The LMS's error code ("0" when the call itself threw or returned "false" without one). */
  code: string;
  message: string;
}

export class ScormConnection {
  private state: 'new' | 'open' | 'finished' = 'new';

  constructor(
    private readonly api: Scorm12Api,
    private readonly onProblem: (problem: ScormProblem) => void = () => undefined,
  ) {}

  /** True between a successful `initialize()` and `finish()`. */
  get open(): boolean {
    return this.state === 'open';
  }

  /** `LMSInitialize("")`; true when the LMS accepted it. */
  initialize(): boolean {
    if (this.state !== 'new') return this.state === 'open';
    const ok = this.call('LMSInitialize', undefined, () => this.api.LMSInitialize(''));
    if (ok) this.state = 'open';
    return ok;
  }

  /** `LMSGetValue(element)`; `fallback` when the LMS refuses or the session is not open. */
  get(element: string, fallback = ''): string {
    if (this.state !== 'open') return fallback;
    let value: unknown;
    const ok = this.call('LMSGetValue', element, () => {
      value = this.api.LMSGetValue(element);
      return true;
    });
    return ok && typeof value === 'string' ? value : ok && typeof value === 'number' ? String(value) : fallback;
  }

  /** `LMSSetValue(element, value)`; false when refused. */
  set(element: string, value: string): boolean {
    if (this.state !== 'open') return false;
    return this.call('LMSSetValue', element, () => this.api.LMSSetValue(element, value));
  }

  /** `LMSCommit("")`; false when refused. */
  commit(): boolean {
    if (this.state !== 'open') return false;
    return this.call('LMSCommit', undefined, () => this.api.LMSCommit(''));
  }

  /** `LMSFinish("")`, once; later calls do nothing. */
  finish(): boolean {
    if (this.state !== 'open') return false;
    this.state = 'finished';
    return this.call('LMSFinish', undefined, () => this.api.LMSFinish(''));
  }

  /** Runs one API call; false (and a problem) when it threw, answered "false" or left an error code. */
  private call(name: string, element: string | undefined, run: () => unknown): boolean {
    let answer: unknown;
    try {
      answer = run();
    } catch (error) {
      this.report(name, element, '0', `threw: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
    const code = this.lastError();
    const refused = answer === false || answer === 'false';
    if (code !== '0' && code !== '') {
      this.report(name, element, code, this.errorText(code));
      return false;
    }
    if (refused) {
      this.report(name, element, '0', 'answered "false" without an error code');
      return false;
    }
    return true;
  }

  private lastError(): string {
    try {
      return String(this.api.LMSGetLastError() ?? '0');
    } catch {
      return '0';
    }
  }

  private errorText(code: string): string {
    try {
      const text = this.api.LMSGetErrorString(code);
      const diagnostic = this.api.LMSGetDiagnostic(code);
      return [text, diagnostic && diagnostic !== text ? diagnostic : ''].filter(Boolean).join(': ') || `error ${code}`;
    } catch {
      return `error ${code}`;
    }
  }

  private report(call: string, element: string | undefined, code: string, detail: string): void {
    const where = element ? `${call}("${element}")` : `${call}("")`;
    try {
      this.onProblem({ call, ...(element ? { element } : {}), code, message: `The learning platform refused ${where}: ${detail} (code ${code}).` });
    } catch {
      // A failing logger must not stop the game either.
    }
  }
}
