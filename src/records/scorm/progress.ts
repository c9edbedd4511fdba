/**
 * What the SCORM package remembers between launches: per scenario the best score and how many
 * times it was finished, and a short history of the latest attempts (enough to list them again
 * in a browser that never saw them). Pure data and pure functions; the bridge keeps one value.
 *
 * ```ts
 * let progress = emptyProgress();
 * progress = recordAttempt(progress, summaryFromRecord(record));
 * ```
 */
import type { AttemptRecord } from '../../storage/records.ts';
import { TRUST_RUINERS, type Language, type Outcome } from '../../scenario/vocabulary.ts';

/** One finished attempt, as compact as the LMS's 4,096 characters need. */
export interface AttemptSummary {
  /** The saved record's id (merging into the browser's results skips what is already there). */
  id: string;
  scenarioId: string;
  language: Language;
  /** Finish time, epoch milliseconds (kept to the second). */
  finishedAt: number;
  /** Seconds from the start of the conversation to its end. */
  durationS: number;
  /** Overall score 0..100 (one decimal). */
  overall: number;
  autoFailed: boolean;
  outcome: Outcome;
  /** Customer satisfaction 1..5, null when unknown. */
  satisfaction: number | null;
  /** friendliness, expertise, composure, efficiency (0..100), null when unknown. */
  virtues: [number, number, number, number] | null;
  /** Counts of the five trust-ruiners in `TRUST_RUINERS` order. */
  ruiners: [number, number, number, number, number];
}

/** What one scenario comes to across its attempts. */
export interface ScenarioProgress {
  /** Highest overall score (one decimal). */
  best: number;
  /** Finished attempts. */
  attempts: number;
}

export interface ScormProgress {
  /** By scenario id (language versions of one scenario share it). */
  scenarios: Record<string, ScenarioProgress>;
  /** Oldest first. The encoder drops the oldest first when space runs out. */
  attempts: AttemptSummary[];
}

export function emptyProgress(): ScormProgress {
  return { scenarios: {}, attempts: [] };
}

/** A score rounded to one decimal and kept within 0..100. */
export function roundScore(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(100, Math.max(0, Math.round(value * 10) / 10));
}

/** The compact summary of a saved attempt. */
export function summaryFromRecord(record: AttemptRecord): AttemptSummary {
  const finishedAt = Math.floor(Date.parse(record.finishedAt) / 1000) * 1000;
  const startedAt = Date.parse(record.startedAt);
  const v = record.virtues;
  return {
    id: record.id,
    scenarioId: record.scenarioId,
    language: record.language,
    finishedAt,
    durationS: Math.max(0, Math.round((finishedAt - startedAt) / 1000)) || 0,
    overall: roundScore(record.overall),
    autoFailed: record.autoFailed,
    outcome: record.outcome,
    satisfaction: record.satisfaction,
    virtues: v ? [roundScore(v.friendliness), roundScore(v.expertise), roundScore(v.composure), roundScore(v.efficiency)] : null,
    ruiners: TRUST_RUINERS.map((r) => record.ruiners[r]) as AttemptSummary['ruiners'],
  };
}

/** Progress after one more finished attempt (an attempt already recorded, by id, changes nothing). */
export function recordAttempt(progress: ScormProgress, attempt: AttemptSummary): ScormProgress {
  if (progress.attempts.some((a) => a.id === attempt.id)) return progress;
  const before = progress.scenarios[attempt.scenarioId];
  const scenario: ScenarioProgress = {
    best: before ? Math.max(before.best, attempt.overall) : attempt.overall,
    attempts: (before?.attempts ?? 0) + 1,
  };
  return {
    scenarios: { ...progress.scenarios, [attempt.scenarioId]: scenario },
    attempts: [...progress.attempts, attempt],
  };
}

/**
 * The remembered attempts as saved records, for a browser that has not seen them (the scenario
 * list then shows their best scores). They carry no decision-by-decision detail.
 */
export function restoredRecords(progress: ScormProgress, titleOf: (scenarioId: string, language: Language) => string): AttemptRecord[] {
  return progress.attempts.map((a) => {
    const [friendliness, expertise, composure, efficiency] = a.virtues ?? [0, 0, 0, 0];
    return {
      id: a.id,
      scenarioId: a.scenarioId,
      language: a.language,
      title: titleOf(a.scenarioId, a.language).slice(0, 200),
      startedAt: new Date(a.finishedAt - a.durationS * 1000).toISOString(),
      finishedAt: new Date(a.finishedAt).toISOString(),
      overall: a.overall,
      autoFailed: a.autoFailed,
      outcome: a.outcome,
      satisfaction: a.satisfaction,
      virtues: a.virtues ? { friendliness, expertise, composure, efficiency } : null,
      ruiners: Object.fromEntries(TRUST_RUINERS.map((r, i) => [r, a.ruiners[i] ?? 0])) as AttemptRecord['ruiners'],
      // Suspend data keeps no wait counts: unknown, as for results saved before waits were counted.
      waits: null,
      decisions: [],
    };
  });
}
