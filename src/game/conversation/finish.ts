/**
 * The end of a conversation: score it and save the attempt. Saving never stops the game: when
 * the browser refuses, the result still reaches the debrief and a quiet notice says so.
 */
import type { Transcript } from '../../conversation/transcript.ts';
import type { Scenario } from '../../scenario/model.ts';
import { rubricFor, scoreConversation, type Rubric, type ScoreReport } from '../../scoring/index.ts';
import { TRUST_RUINERS } from '../../scenario/vocabulary.ts';
import { newAttemptId, type AttemptRecord, type Store } from '../../storage/index.ts';

export interface FinishedConversation {
  score: ScoreReport;
  record: AttemptRecord;
  saved: boolean;
}

/** How an attempt is marked: `fromFile` for a file the trainer opened in the game ("Your files"). */
export interface AttemptMarks {
  fromFile?: boolean;
}

/** The saved form of one played conversation. */
export function attemptRecord(scenario: Scenario, score: ScoreReport, startedAt: Date, finishedAt: Date, marks: AttemptMarks = {}): AttemptRecord {
  return {
    id: newAttemptId(finishedAt),
    scenarioId: scenario.id,
    language: scenario.language,
    title: scenario.title.slice(0, 200),
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    overall: score.overall,
    autoFailed: score.autoFail !== null,
    ...(score.autoFail ? { autoFailReason: `${score.autoFail.reason} in decision ${score.autoFail.decisionIndex + 1}` } : {}),
    outcome: score.outcome ?? 'unresolved',
    satisfaction: Math.min(5, Math.max(1, Math.round(score.satisfaction))),
    virtues: { ...score.virtues },
    ruiners: Object.fromEntries(TRUST_RUINERS.map((r) => [r, score.trustRuiners[r].count])) as AttemptRecord['ruiners'],
    waits: score.waits.count,
    decisions: score.decisions.map((d) => ({
      index: d.index,
      nodeId: d.nodeId,
      choiceId: d.choiceId,
      kind: d.kind,
      interrupted: d.interrupted,
      tags: [...d.tags],
    })),
    ...(marks.fromFile ? { fromFile: true as const } : {}),
  };
}

/** Where results go: the game's services (the store may still be loading). */
export interface ResultSink {
  ready(): Promise<void>;
  readonly store: Store;
}

/**
 * Score the transcript with the scenario's rubric (from `rubrics`, the bundled ones; the default
 * when it names none or an unknown one) and save the attempt; never throws.
 */
export async function finishConversation(
  sink: ResultSink,
  scenario: Scenario,
  transcript: Transcript,
  startedAt: Date,
  rubrics: Readonly<Record<string, Rubric>> = {},
  marks: AttemptMarks = {},
): Promise<FinishedConversation> {
  const score = scoreConversation(scenario, transcript, rubricFor(scenario.rubric, rubrics));
  const record = attemptRecord(scenario, score, startedAt, new Date(), marks);
  let saved = false;
  try {
    await sink.ready();
    saved = sink.store.addResult(record).ok;
  } catch (error) {
    console.warn('Calm Desk: the result could not be saved.', error);
  }
  return { score, record, saved };
}
