/**
 * What both room windows compute from the scenario and the session: the best path (found once per
 * scenario), the summary with its self-analysis questions, the reveal card and the trainer's view.
 */
import { rubrics } from 'virtual:scenario-catalog';
import type { RoomSession } from '../../classroom/session.ts';
import { readSnapshot, repliesNow, type SnapshotReading } from '../../classroom/snapshot.ts';
import type { LiveFigures } from '../../classroom/protocol.ts';
import { findBestPath, summarizeSession, type BestPath, type RoomSummary } from '../../classroom/summary.ts';
import type { Transcript } from '../../conversation/transcript.ts';
import type { Translate } from '../../presenter/conversationText.ts';
import { presentDebrief, type DecisionView, type SelfAnalysisItem } from '../../presenter/debrief.ts';
import { presentRoomPresenter, type RoomPresenterView } from '../../presenter/roomPresenter.ts';
import type { Scenario } from '../../scenario/model.ts';
import { rubricFor, scoreConversation, type Rubric } from '../../scoring/index.ts';

const bestPaths = new Map<string, BestPath | null>();

export function rubricOf(scenario: Scenario): Rubric {
  return rubricFor(scenario.rubric, rubrics);
}

/** The best path of a scenario (computed once per scenario and page). */
export function bestPathOf(scenario: Scenario): BestPath | null {
  const key = `${scenario.id}:${scenario.language}`;
  if (!bestPaths.has(key)) bestPaths.set(key, findBestPath(scenario, rubricOf(scenario)));
  return bestPaths.get(key) ?? null;
}

export interface SummaryBundle {
  summary: RoomSummary;
  selfAnalysis: SelfAnalysisItem[];
}

/** The summary and the self-analysis questions (answered with this session's facts). */
export function summaryOf(scenario: Scenario, session: RoomSession, transcript: Transcript, t: Translate): SummaryBundle {
  const rubric = rubricOf(scenario);
  const summary = summarizeSession({ scenario, transcript, session, rubric, best: bestPathOf(scenario) });
  const score = summary.score ?? scoreConversation(scenario, transcript, rubric);
  const selfAnalysis = presentDebrief(scenario, transcript, score, t).selfAnalysis.items;
  return { summary, selfAnalysis };
}

/** The debrief card of decision `index` (what the reply did), for a reveal. */
export function revealOf(scenario: Scenario, transcript: Transcript, index: number, t: Translate): DecisionView | null {
  const score = scoreConversation(scenario, transcript, rubricOf(scenario));
  return presentDebrief(scenario, transcript, score, t).decisions.items.find((d) => d.index === index) ?? null;
}

/** The trainer's view of the session now. */
export function trainerViewOf(scenario: Scenario, session: RoomSession, reading: SnapshotReading | null, live: LiveFigures | null, t: Translate): RoomPresenterView {
  const transcript = reading?.transcript ?? [];
  const bundle = summarizeSession({ scenario, transcript, session, rubric: rubricOf(scenario), best: bestPathOf(scenario) });
  return presentRoomPresenter(
    {
      scenario,
      session,
      live,
      nodeId: reading?.nodeId ?? scenario.start,
      replies: repliesNow(scenario, reading),
      decisions: reading?.decisions ?? [],
      classPath: bundle.classPath,
      bestPath: bundle.bestPath,
      bestScore: bundle.bestScore,
      rubric: rubricOf(scenario),
      now: Date.now(),
    },
    t,
  );
}

export { readSnapshot };
