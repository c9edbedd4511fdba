/** The score report: everything the debrief, the CLI and the analyzer read about one conversation. */
import type { AddedTagReason } from '../conversation/transcript.ts';
import type { BehaviourTag, Outcome, TrustRuiner } from '../scenario/vocabulary.ts';
import type { Virtue } from './rubric.ts';

export interface TrustRuinerFigure {
  count: number;
  /** 0-based indexes of the decisions it came from (a decision may appear twice: its reply and its wait). */
  decisions: number[];
}

export interface AutoFail {
  /** The critical tag (by default `tyranny` or `insult`; a rubric may add others, e.g. `judging`). */
  reason: BehaviourTag;
  decisionIndex: number;
}

export interface PatienceFigures {
  /** Replies given while the customer was still speaking. */
  interruptions: number;
  /** Venting turns the trainee waited through (silence or a reply after the customer finished, without rushing). */
  ventingTolerated: number;
  /** Venting turns in the conversation. */
  ventingTurns: number;
  /** Decisions resolved by staying silent (patient ones included). */
  silences: number;
  /** Silences credited as patience (waiting through venting): never "left waiting". */
  patientSilences: number;
  /** Times the customer was left waiting: silences that were not patience, plus replies that came too late (`waits`). */
  leftWaiting: number;
}

export interface EfficiencyFigures {
  decisionsUsed: number;
  /** Decisions efficiency does not count: silences through venting and cut-off interruptions (scored as patience and impatience). */
  notCounted: number;
  /** Fewest decisions that reach the scenario's best ending; null when none can. */
  shortestPath: number | null;
  extraDecisions: number;
}

export type DecisionVerdict = 'good' | 'neutral' | 'trust-ruining' | 'auto-fail';

/** The verdict on the whole conversation, from the rubric's bands. */
export type Verdict = 'excellent' | 'good' | 'mixed' | 'poor' | 'auto-fail';
export const VERDICTS = ['excellent', 'good', 'mixed', 'poor', 'auto-fail'] as const satisfies readonly Verdict[];

export interface BetterReply {
  choiceId: string;
  text: string;
  /**
   * What the better reply would have done, written for the player who did not choose it: the
   * chosen reply's `better: { why }`. Null when the scenario gives none (then the debrief explains
   * by `reason`). Never the better reply's own feedback, which is written for someone who chose it.
   */
  why: string | null;
  /** @deprecated The same as `why` (kept for readers written before `why`). */
  feedback: string | null;
  /**
   * `named`: the scenario names it (`better:`); `preferred`: the node's `preferred` reply;
   * `higher-value`: the best reply on offer; `wait-then-same`: the same reply, after the customer finished.
   */
  reason: 'named' | 'preferred' | 'higher-value' | 'wait-then-same';
}

/** Why a tag is on a decision the trainer did not write: the engine's reasons, plus the scorer's. */
export type ReportTagReason = AddedTagReason | 'kept-waiting';

export interface ReportAddedTag {
  tag: BehaviourTag;
  reason: ReportTagReason;
}

/** How long the trainee took over one reply, against what the rubric allows. */
export interface DecisionWait {
  /** From the customer finishing to the decision (negative when interrupting); pauses excluded. */
  responseMs: number;
  /** Grace plus reading time of the replies on offer; null for silences and interruptions (no wait is measured). */
  allowanceMs: number | null;
  /** The reply came later than the allowance. */
  waited: boolean;
  /** This wait also counts as a trust-ruiner (the rubric's `waits.tag`, from its `ruinerFrom`-th wait on). */
  keptWaiting: boolean;
}

export interface DecisionReport {
  index: number;
  nodeId: string;
  kind: 'reply' | 'silence';
  choiceId: string | null;
  /** What the trainee said; null for a silence. */
  text: string | null;
  interrupted: boolean;
  /** The tags that counted (see `added` for those the trainer did not write). */
  tags: BehaviourTag[];
  added: ReportAddedTag[];
  moodBefore: number;
  moodAfter: number;
  moodChange: number;
  feedback: string | null;
  verdict: DecisionVerdict;
  better: BetterReply | null;
  wait: DecisionWait;
  /** A silence through venting: shown as patience, never as leaving the customer waiting. */
  patientSilence: boolean;
  /** Trust-ruiner occurrences this decision added (its tags and a kept-waiting). */
  trustRuiners: TrustRuiner[];
}

/** The arithmetic behind `overall`, for the debrief, `calm-desk play` and the docs. */
export interface ScoreBreakdown {
  /** Σ weight × (min(100, start + good gains) + bad effects), before anything else. */
  weightedVirtues: number;
  /** Σ trust-ruiner penalties (positive number, subtracted). */
  trustRuinerPenalty: number;
  /** Mood points the decisions raised in total, and what they cost (positive, subtracted). */
  moodRise: { points: number; cost: number };
  /** Counted decisions beyond the shortest path to the best ending, times `extraDecision` (positive, subtracted). */
  extraDecisionCost: number;
  /** Waits times `waits.cost` (positive, subtracted). */
  waitCost: number;
  /** The ending's adjustment relative to the scenario's best ending (zero or negative). */
  outcomeAdjustment: number;
  /** Stars the ending's rating is below the scenario's best, and the cost (positive, subtracted). */
  endingRating: { rating: number | null; best: number | null; starsBelow: number; cost: number };
  /** Everything summed, before rounding, clamping and the cap. */
  raw: number;
  /** The ceiling for this many trust-ruiners, and whether it lowered the score. */
  cap: { ruiners: number; ceiling: number; applied: boolean };
}

export interface ScoreReport {
  scenarioId: string;
  /** Which rubric scored it. */
  rubricId: string;
  /** 0..100; 0 whenever `autoFail` is set. */
  overall: number;
  verdict: Verdict;
  virtues: Record<Virtue, number>;
  trustRuiners: Record<TrustRuiner, TrustRuinerFigure>;
  /** Trust-ruiner occurrences in all (what `caps` and `satisfactionCaps` count). */
  trustRuinerCount: number;
  autoFail: AutoFail | null;
  patience: PatienceFigures;
  efficiency: EfficiencyFigures;
  /** Replies that came later than the allowance, and how many of them counted as trust-ruiners. */
  waits: { count: number; keptWaiting: number };
  /** null when the transcript has no ending (an unfinished conversation). */
  outcome: Outcome | null;
  /** The customer's satisfaction, 1..5, after the cap for trust-ruiners. */
  satisfaction: number;
  /** The satisfaction before the cap, and the cap (stars). */
  satisfactionBeforeCap: number;
  satisfactionCap: number;
  /** Mood at the start and after each decision. */
  moodCurve: number[];
  breakdown: ScoreBreakdown;
  decisions: DecisionReport[];
}
