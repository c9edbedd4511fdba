/**
 * Saved results: one `AttemptRecord` per played conversation, validated with zod.
 * Version 3 is current; `recordV1Schema` and `recordV2Schema` are the shapes older versions of the
 * game saved, kept so old saves and old export files are upgraded, not lost (see `migrations.ts`).
 */
import { z } from 'zod';
import { LANGUAGES, OUTCOMES, TRUST_RUINERS } from '../scenario/vocabulary.ts';

const isoDate = z.iso.datetime({ offset: true });
const score = z.number().min(0).max(100);
const count = z.number().int().min(0);
const tags = z.array(z.string().min(1).max(40)).max(20);

const ruinersSchema = z.object(
  Object.fromEntries(TRUST_RUINERS.map((r) => [r, count])) as Record<(typeof TRUST_RUINERS)[number], typeof count>,
);

/** The shape saved by version 1: one date, a bare score, decisions without index or kind. */
export const recordV1Schema = z.object({
  id: z.string().min(1).max(80),
  scenarioId: z.string().min(1).max(80),
  language: z.enum(LANGUAGES),
  date: isoDate,
  score,
  autoFailed: z.boolean(),
  outcome: z.enum(OUTCOMES),
  ruiners: ruinersSchema,
  decisions: z.array(
    z.object({ nodeId: z.string().min(1), choiceId: z.string().min(1).nullable(), interrupted: z.boolean(), tags }),
  ),
});
export type AttemptRecordV1 = z.infer<typeof recordV1Schema>;

export const decisionSummarySchema = z.object({
  /** 0-based decision number (what "replay from this decision" takes). */
  index: count,
  nodeId: z.string().min(1),
  /** The reply id, null when the trainee stayed silent. */
  choiceId: z.string().min(1).nullable(),
  kind: z.enum(['reply', 'silence']),
  interrupted: z.boolean(),
  tags,
});
export type DecisionSummary = z.infer<typeof decisionSummarySchema>;

export const virtuesSchema = z.object({ friendliness: score, expertise: score, composure: score, efficiency: score });
export type Virtues = z.infer<typeof virtuesSchema>;

/** One played conversation as version 2 saved it (no `waits`). */
export const recordV2Schema = z.object({
  id: z.string().min(1).max(80),
  scenarioId: z.string().min(1).max(80),
  language: z.enum(LANGUAGES),
  /** The scenario's title when played (cards and exports stay readable if the file changes). */
  title: z.string().max(200),
  startedAt: isoDate,
  finishedAt: isoDate,
  /** Overall score 0..100 (0 when auto-failed). */
  overall: score,
  autoFailed: z.boolean(),
  autoFailReason: z.string().max(400).optional(),
  outcome: z.enum(OUTCOMES),
  /** Customer satisfaction 1..5; null on records upgraded from version 1, which did not keep it. */
  satisfaction: z.number().int().min(1).max(5).nullable(),
  /** The four virtues 0..100; null on records upgraded from version 1, which did not keep them. */
  virtues: virtuesSchema.nullable(),
  /** How many times each trust-ruiner happened. */
  ruiners: ruinersSchema,
  decisions: z.array(decisionSummarySchema).max(500),
  /** True when the scenario was a file the trainer opened in the game ("Your files"), not one bundled with it. */
  fromFile: z.literal(true).optional(),
});
export type AttemptRecordV2 = z.infer<typeof recordV2Schema>;

/** One played conversation, as saved and exported (version 3). */
export const attemptRecordSchema = recordV2Schema.extend({
  /** Replies that came later than the reading allowance (the customer was left waiting); null on records from before version 3. */
  waits: count.nullable(),
});
export type AttemptRecord = z.infer<typeof attemptRecordSchema>;

/**
 * A fresh, unique-enough record id: time plus randomness, e.g. `a-mhx2k3-9f1c2a`.
 * Import merges by id, so ids must not collide across devices.
 */
export function newAttemptId(now: Date = new Date(), random: () => number = Math.random): string {
  const rand = Array.from({ length: 8 }, () => Math.floor(random() * 36).toString(36)).join('');
  return `a-${now.getTime().toString(36)}-${rand}`;
}

/** Attempts at one scenario in one language, newest first. */
export function attemptsFor(records: readonly AttemptRecord[], scenarioId: string, language?: string): AttemptRecord[] {
  return records
    .filter((r) => r.scenarioId === scenarioId && (language === undefined || r.language === language))
    .sort(byNewest);
}

/** The best attempt (highest overall; the newer wins a tie), or undefined when never played. */
export function bestFor(records: readonly AttemptRecord[], scenarioId: string, language: string): AttemptRecord | undefined {
  let best: AttemptRecord | undefined;
  for (const r of attemptsFor(records, scenarioId, language)) {
    if (!best || r.overall > best.overall) best = r;
  }
  return best;
}

/** Newest first by finish time, then by id for a stable order. */
export function byNewest(a: AttemptRecord, b: AttemptRecord): number {
  const t = Date.parse(b.finishedAt) - Date.parse(a.finishedAt);
  return t !== 0 ? t : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
