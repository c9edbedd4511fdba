/**
 * Where a played conversation is reported beyond the browser's own storage: the xAPI sender, the
 * SCORM bridge and anything else that wants to hear about attempts registers a reporter here.
 * The conversation scene calls `reportStarted`, `reportDecided` and `reportFinished`; each reporter
 * is called in turn and a reporter that throws (or rejects) never stops the game or the others.
 *
 * ```ts
 * const off = addReporter({ finished: ({ result }) => console.log(result.score.overall) });
 * ```
 */
import type { DecisionEntry, Transcript } from '../conversation/transcript.ts';
import type { Scenario } from '../scenario/model.ts';
import type { FinishedConversation } from './conversation/finish.ts';

export interface AttemptStarted {
  /** One id per played attempt (a restart is a new attempt); stable across its events. */
  attemptId: string;
  /** Catalog path (or "Your files" key) of the scenario file. */
  file: string;
  scenario: Scenario;
  startedAt: Date;
}

export interface AttemptDecided extends AttemptStarted {
  decision: DecisionEntry;
  /** The reply's text as shown to the player; empty for a silence. */
  replyText: string;
}

export interface AttemptFinished extends AttemptStarted {
  transcript: Transcript;
  result: FinishedConversation;
  finishedAt: Date;
}

export interface Reporter {
  started?(event: AttemptStarted): void | Promise<void>;
  decided?(event: AttemptDecided): void | Promise<void>;
  finished?(event: AttemptFinished): void | Promise<void>;
}

const reporters = new Set<Reporter>();

/** Register a reporter; returns a function that removes it. */
export function addReporter(reporter: Reporter): () => void {
  reporters.add(reporter);
  return () => {
    reporters.delete(reporter);
  };
}

function notify<K extends keyof Reporter>(kind: K, event: Parameters<NonNullable<Reporter[K]>>[0]): void {
  for (const reporter of reporters) {
    const handler = reporter[kind] as ((e: typeof event) => void | Promise<void>) | undefined;
    if (!handler) continue;
    try {
      const result = handler.call(reporter, event);
      if (result && typeof result.then === 'function') {
        result.then(undefined, (error: unknown) => console.warn(`Calm Desk: a ${kind} report failed.`, error));
      }
    } catch (error) {
      console.warn(`Calm Desk: a ${kind} report failed.`, error);
    }
  }
}

export function reportStarted(event: AttemptStarted): void {
  notify('started', event);
}

export function reportDecided(event: AttemptDecided): void {
  notify('decided', event);
}

export function reportFinished(event: AttemptFinished): void {
  notify('finished', event);
}

/** A fresh attempt id (a UUID where the browser has one). */
export function newReportAttemptId(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  return `attempt-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
