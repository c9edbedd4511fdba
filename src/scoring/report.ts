/** The score report: everything the debrief, the CLI and the analyzer read about one conversation. */
import type { AddedTag } from '../conversation/transcript.ts';
import type { BehaviourTag, Outcome, TrustRuiner } from '../scenario/vocabulary.ts';
import type { Virtue } from './weights.ts';

export interface TrustRuinerFigure {
  count: number;
  /** 0-based indexes of the decisions it came from. */
  decisions: number[];
}

export interface AutoFail {
  reason: 'tyranny' | 'insult';
  decisionIndex: number;
}

export interface PatienceFigures {
  /** Replies given while the customer was still speaking. */
  interruptions: number;
  /** Venting turns the trainee waited through (silence or a reply after the customer finished, without rushing). */
  ventingTolerated: number;
  /** Venting turns in the conversation. */
  ventingTurns: number;
  /** Decisions resolved by staying silent. */
  silences: number;
}

export interface EfficiencyFigures {
  decisionsUsed: number;
  /** Fewest decisions that reach a resolving ending in this scenario; null when none can. */
  shortestPath: number | null;
  extraDecisions: number;
}

export type DecisionVerdict = 'good' | 'neutral' | 'trust-ruining' | 'auto-fail';

export interface BetterReply {
  choiceId: string;
  text: string;
  feedback: string | null;
  /** `named`: the scenario names it; `higher-value`: the best reply offered there; `wait-then-same`: the same reply, after the customer finished. */
  reason: 'named' | 'higher-value' | 'wait-then-same';
}

export interface DecisionReport {
  index: number;
  nodeId: string;
  kind: 'reply' | 'silence';
  choiceId: string | null;
  /** What the trainee said; null for a silence. */
  text: string | null;
  interrupted: boolean;
  tags: BehaviourTag[];
  added: AddedTag[];
  moodBefore: number;
  moodAfter: number;
  moodChange: number;
  feedback: string | null;
  verdict: DecisionVerdict;
  better: BetterReply | null;
}

/** The arithmetic behind `overall`, for the debrief and the docs. */
export interface ScoreBreakdown {
  /** Σ virtue × weight, before penalties. */
  weightedVirtues: number;
  /** Σ trust-ruiner penalties (positive number, subtracted). */
  trustRuinerPenalty: number;
  outcomeAdjustment: number;
}

export interface ScoreReport {
  scenarioId: string;
  /** 0..100; 0 whenever `autoFail` is set. */
  overall: number;
  virtues: Record<Virtue, number>;
  trustRuiners: Record<TrustRuiner, TrustRuinerFigure>;
  autoFail: AutoFail | null;
  patience: PatienceFigures;
  efficiency: EfficiencyFigures;
  /** null when the transcript has no ending (an unfinished conversation). */
  outcome: Outcome | null;
  /** The customer's satisfaction, 1..5. */
  satisfaction: number;
  /** Mood at the start and after each decision. */
  moodCurve: number[];
  breakdown: ScoreBreakdown;
  decisions: DecisionReport[];
}
