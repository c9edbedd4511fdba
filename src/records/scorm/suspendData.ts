/**
 * `cmi.suspend_data` in and out. SCORM 1.2 gives a SCO at most 4,096 characters there, and an LMS
 * may refuse (or cut) anything longer, so the encoder always fits: it drops the oldest attempts'
 * detail first, then (only with very many or very long scenario ids) the scenarios outside the
 * package, then the last scenarios. Per-scenario best scores and attempt counts, which decide the
 * course status, go last. Decoding never throws: unreadable data gives empty progress and a reason.
 *
 * The text is JSON of plain arrays (ASCII-safe apart from the scenario ids themselves):
 * `{"v":1,"s":[[id,best,attempts],…],"a":[[recordId,scenarioIndex,lang,finishedAt36,durationS,overall,autoFailed,outcome,satisfaction,virtues,ruiners],…]}`
 *
 * ```ts
 * lms.set('cmi.suspend_data', encodeSuspendData(progress, { keep: packageIds }));
 * const { progress } = decodeSuspendData(lms.get('cmi.suspend_data'));
 * ```
 */
import { z } from 'zod';
import { LANGUAGES, OUTCOMES } from '../../scenario/vocabulary.ts';
import { emptyProgress, type AttemptSummary, type ScenarioProgress, type ScormProgress } from './progress.ts';

/** SCORM 1.2's limit for `cmi.suspend_data` (CMIString4096). */
export const SUSPEND_DATA_LIMIT = 4096;
export const SUSPEND_DATA_VERSION = 1;

export interface EncodeOptions {
  /** Scenario ids of this package: their summaries are the last thing dropped. */
  keep?: readonly string[];
  /** Default 4,096. */
  limit?: number;
}

type ScenarioRow = [string, number, number];
type AttemptRow = [string, number, string, string, number, number, 0 | 1, number, number, number[] | 0, number[]];

/** Encodes `progress` in at most `limit` characters (see the module comment for what is dropped first). */
export function encodeSuspendData(progress: ScormProgress, options: EncodeOptions = {}): string {
  const limit = options.limit ?? SUSPEND_DATA_LIMIT;
  const keep = new Set(options.keep ?? []);
  // Package scenarios first, so trimming from the end drops the others before them.
  let scenarios = Object.entries(progress.scenarios).sort(([a], [b]) => Number(keep.has(b)) - Number(keep.has(a)));
  let attempts = progress.attempts.filter((a) => scenarios.some(([id]) => id === a.scenarioId));
  let text = render(scenarios, attempts);
  if (text.length <= limit) return text;
  // Drop the oldest attempts: find how many of the newest fit (more kept never makes it shorter).
  let low = 0;
  let high = attempts.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (render(scenarios, attempts.slice(attempts.length - mid)).length <= limit) low = mid;
    else high = mid - 1;
  }
  attempts = attempts.slice(attempts.length - low);
  text = render(scenarios, attempts);
  while (text.length > limit && scenarios.length > 0) {
    const [dropped] = scenarios.splice(-1, 1);
    attempts = attempts.filter((a) => a.scenarioId !== dropped?.[0]);
    scenarios = [...scenarios];
    text = render(scenarios, attempts);
  }
  return text.length <= limit ? text : '';
}

function render(scenarios: ReadonlyArray<[string, ScenarioProgress]>, attempts: readonly AttemptSummary[]): string {
  const index = new Map(scenarios.map(([id], i) => [id, i]));
  const s: ScenarioRow[] = scenarios.map(([id, p]) => [id, p.best, p.attempts]);
  const a: AttemptRow[] = attempts.map((x) => [
    x.id,
    index.get(x.scenarioId) ?? 0,
    x.language,
    Math.floor(x.finishedAt / 1000).toString(36),
    x.durationS,
    x.overall,
    x.autoFailed ? 1 : 0,
    OUTCOMES.indexOf(x.outcome),
    x.satisfaction ?? 0,
    x.virtues ? [...x.virtues] : 0,
    [...x.ruiners],
  ]);
  return JSON.stringify({ v: SUSPEND_DATA_VERSION, s, a });
}

const score = z.number().min(0).max(100);
const count = z.number().int().min(0);
const documentSchema = z.object({
  v: z.literal(SUSPEND_DATA_VERSION),
  s: z.array(z.tuple([z.string().min(1).max(200), score, count])),
  a: z.array(
    z.tuple([
      z.string().min(1).max(80),
      count,
      z.enum(LANGUAGES),
      z.string().regex(/^[0-9a-z]{1,12}$/),
      count,
      score,
      z.union([z.literal(0), z.literal(1)]),
      z.number().int().min(0).max(OUTCOMES.length - 1),
      z.number().int().min(0).max(5),
      z.union([z.literal(0), z.tuple([score, score, score, score])]),
      z.tuple([count, count, count, count, count]),
    ]),
  ),
});

export interface DecodedSuspendData {
  progress: ScormProgress;
  /** Why the text could not be read; null when it was empty or read fine. */
  problem: string | null;
}

/** Reads `cmi.suspend_data`; empty text is a first launch, anything unreadable is empty progress and a problem. */
export function decodeSuspendData(text: string): DecodedSuspendData {
  if (text.trim() === '') return { progress: emptyProgress(), problem: null };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { progress: emptyProgress(), problem: 'The saved progress from the learning platform is not in a form this version reads; starting afresh.' };
  }
  const parsed = documentSchema.safeParse(raw);
  if (!parsed.success) {
    return { progress: emptyProgress(), problem: `The saved progress from the learning platform could not be read (${parsed.error.issues[0]?.message ?? 'unknown shape'}); starting afresh.` };
  }
  const progress = emptyProgress();
  for (const [id, best, attempts] of parsed.data.s) progress.scenarios[id] = { best, attempts };
  for (const row of parsed.data.a) {
    const scenario = parsed.data.s[row[1]];
    if (!scenario) continue;
    const virtues = row[9];
    progress.attempts.push({
      id: row[0],
      scenarioId: scenario[0],
      language: row[2],
      finishedAt: parseInt(row[3], 36) * 1000,
      durationS: row[4],
      overall: row[5],
      autoFailed: row[6] === 1,
      outcome: OUTCOMES[row[7]] ?? 'unresolved',
      satisfaction: row[8] === 0 ? null : row[8],
      virtues: virtues === 0 ? null : [virtues[0], virtues[1], virtues[2], virtues[3]],
      ruiners: [...row[10]],
    });
  }
  return { progress, problem: null };
}
