/**
 * The end-of-session summary, as figures: the class's path beside the best path the analyzer
 * finds, the score (from the scorer, under the scenario's rubric), the trust-ruiners committed,
 * the vote split at each decision and how often the room stepped back. Pure; the words come from
 * the presenter (`src/presenter/roomSummary.ts`).
 *
 * @example
 * const summary = summarizeSession({ scenario, transcript, session, rubric, best: analyzeScenario(scenario).best });
 * summary.score?.overall; // 0..100, null while the conversation has not ended
 */
import { enumeratePaths, type PathStep } from '../analysis/paths.ts';
import { decisionsOf, endingOf, type DecisionEntry, type Transcript } from '../conversation/transcript.ts';
import type { Scenario } from '../scenario/model.ts';
import { TRUST_RUINERS, type BehaviourTag, type Outcome, type TrustRuiner } from '../scenario/vocabulary.ts';
import type { DecisionVerdict, Rubric, ScoreReport } from '../scoring/index.ts';
import { repliesOnOffer } from '../scoring/decisions.ts';
import { scoreConversation } from '../scoring/score.ts';
import { REPLY_LETTERS } from './commands.ts';
import { activeVotes, type RoomSession } from './session.ts';

/** One decision on the class's path. */
export interface ClassStep {
  /** 0-based decision index. */
  index: number;
  nodeId: string;
  kind: 'reply' | 'silence';
  choiceId: string | null;
  /** "A".."D" as the room saw the reply; null for a silence. */
  letter: string | null;
  /** What was said; null for a silence. */
  text: string | null;
  verdict: DecisionVerdict | null;
  tags: BehaviourTag[];
  trustRuiners: TrustRuiner[];
  moodChange: number;
  /** True when the best path made the same choice at the same decision. */
  matchesBest: boolean;
}

export interface BestStep {
  index: number;
  nodeId: string;
  choiceId: string | null;
  letter: string | null;
  text: string | null;
}

export interface VoteSplit {
  decision: number;
  nodeId: string;
  rows: Array<{ replyId: string; letter: string; text: string; count: number; share: number }>;
  total: number;
  chosen: string;
  by: 'vote' | 'trainer';
}

export interface RoomSummary {
  sessionId: string;
  scenarioId: string;
  title: string;
  file: string;
  startedAt: number;
  updatedAt: number;
  /** Wall-clock length of the session so far. */
  durationMs: number;
  ended: boolean;
  outcome: Outcome | null;
  /** Null until the conversation has ended. */
  score: ScoreReport | null;
  classPath: ClassStep[];
  bestPath: BestStep[];
  /** The best path's score, when the analyzer found one. */
  bestScore: number | null;
  trustRuiners: Array<{ tag: TrustRuiner; count: number; decisions: number[] }>;
  votes: VoteSplit[];
  stepBacks: number;
}

export interface SummaryInput {
  scenario: Scenario;
  transcript: Transcript;
  session: RoomSession;
  rubric: Rubric;
  /** The best path known (`findBestPath`, or `analyzeScenario(scenario).best`). */
  best: BestPath | null;
}

/** A path through the scenario and its score. */
export interface BestPath {
  overall: number;
  steps: PathStep[];
}

/**
 * The best of the first `tries` complete paths found by always trying the highest-value reply
 * first (auto-failing replies left out). Quick enough for the browser (the full search of
 * `calm-desk analyze` takes seconds per scenario); on the bundled library it finds a path scoring
 * 100 for nearly every scenario.
 */
export function findBestPath(scenario: Scenario, rubric: Rubric, tries = 6): BestPath | null {
  const found = enumeratePaths(scenario, { order: 'best-first', maxPaths: tries, excludeAutoFail: true, prune: 'max' });
  let best: BestPath | null = null;
  for (const path of found.paths) {
    if (!path.complete) continue;
    const overall = scoreConversation(scenario, path.transcript, rubric).overall;
    if (!best || overall > best.overall || (overall === best.overall && path.steps.length < best.steps.length)) best = { overall, steps: path.steps };
  }
  return best;
}

/** Reply text and its letter at a decision, as the room saw the replies then. */
export function replyAt(scenario: Scenario, decision: DecisionEntry, choiceId: string | null): { letter: string | null; text: string | null } {
  if (choiceId === null) return { letter: null, text: null };
  const node = Object.hasOwn(scenario.nodes, decision.nodeId) ? scenario.nodes[decision.nodeId] : undefined;
  const offered = repliesOnOffer(node, decision);
  const position = offered.findIndex((r) => r.id === choiceId);
  const reply = node?.replies.find((r) => r.id === choiceId);
  return { letter: position >= 0 ? (REPLY_LETTERS[position] ?? String(position + 1)) : null, text: reply?.say ?? null };
}

export function summarizeSession(input: SummaryInput): RoomSummary {
  const { scenario, transcript, session, rubric, best } = input;
  const decisions = decisionsOf(transcript);
  const ending = endingOf(transcript);
  const report = scoreConversation(scenario, transcript, rubric);
  const bestPath: BestStep[] = (best?.steps ?? []).map((step, i) => {
    const node = Object.hasOwn(scenario.nodes, step.nodeId) ? scenario.nodes[step.nodeId] : undefined;
    const reply = step.choiceId === null ? undefined : node?.replies.find((r) => r.id === step.choiceId);
    const letter = step.choiceNumber === null ? null : (REPLY_LETTERS[step.choiceNumber - 1] ?? String(step.choiceNumber));
    return { index: i, nodeId: step.nodeId, choiceId: step.choiceId, letter, text: reply?.say ?? null };
  });
  const classPath: ClassStep[] = decisions.map((d, i) => {
    const review = report.decisions[i];
    const { letter, text } = replyAt(scenario, d, d.choiceId);
    const bestStep = bestPath[i];
    return {
      index: d.index,
      nodeId: d.nodeId,
      kind: d.kind,
      choiceId: d.choiceId,
      letter,
      text,
      verdict: review?.verdict ?? null,
      tags: review?.tags ?? d.tags,
      trustRuiners: review?.trustRuiners ?? [],
      moodChange: d.moodAfter - d.moodBefore,
      matchesBest: bestStep !== undefined && bestStep.nodeId === d.nodeId && bestStep.choiceId === d.choiceId,
    };
  });
  const votes: VoteSplit[] = [...activeVotes(session).values()]
    .filter((v) => v.decision < decisions.length)
    .sort((a, b) => a.decision - b.decision)
    .map((v) => {
      const total = v.replyIds.reduce((sum, id) => sum + (v.counts[id] ?? 0), 0);
      const node = Object.hasOwn(scenario.nodes, v.nodeId) ? scenario.nodes[v.nodeId] : undefined;
      return {
        decision: v.decision,
        nodeId: v.nodeId,
        total,
        chosen: v.chosen,
        by: v.by,
        rows: v.replyIds.map((id, i) => {
          const count = v.counts[id] ?? 0;
          return {
            replyId: id,
            letter: REPLY_LETTERS[i] ?? String(i + 1),
            text: node?.replies.find((r) => r.id === id)?.say ?? id,
            count,
            share: total === 0 ? 0 : count / total,
          };
        }),
      };
    });
  return {
    sessionId: session.id,
    scenarioId: scenario.id,
    title: scenario.title,
    file: session.file,
    startedAt: session.createdAt,
    updatedAt: session.updatedAt,
    durationMs: Math.max(0, session.updatedAt - session.createdAt),
    ended: ending !== undefined,
    outcome: ending?.outcome ?? null,
    score: ending ? report : null,
    classPath,
    bestPath,
    bestScore: best?.overall ?? null,
    trustRuiners: TRUST_RUINERS.map((tag) => ({ tag, count: report.trustRuiners[tag].count, decisions: report.trustRuiners[tag].decisions })),
    votes,
    stepBacks: session.stepBacks.length,
  };
}
