/**
 * The transcript: the single record of a conversation. Scoring, the debrief, replay and exports
 * all read it; nothing else about a played conversation needs to be kept.
 */
import type { BehaviourTag, Expression, Outcome } from '../scenario/vocabulary.ts';
import type { Variables } from '../scenario/model.ts';

/** Why the machine added a tag the trainer did not write on the reply. */
export type AddedTagReason =
  | 'interrupted' // answered while the customer was still talking
  | 'waited-through-venting' // let a venting customer finish / stayed silent through venting
  | 'rushed-venting'; // jumped to a fix on a venting node without acknowledging feelings

export interface AddedTag {
  tag: BehaviourTag;
  reason: AddedTagReason;
}

/** The customer started saying a line (from a node, a silence rule, or an interruption). */
export interface LineEntry {
  type: 'line';
  /** Milliseconds since the conversation started (paused time excluded). */
  at: number;
  nodeId: string;
  /** Index in the node's `says`, or -1 for a reaction line (interruption or silence). */
  index: number;
  text: string;
  expression: Expression;
  cause: 'node' | 'interrupted' | 'silence';
}

/** A decision point resolved: the trainee replied, or stayed silent long enough. */
export interface DecisionEntry {
  type: 'decision';
  at: number;
  /** 0-based number of this decision in the conversation; `session.rewind` takes this. */
  index: number;
  nodeId: string;
  kind: 'reply' | 'silence';
  /** The reply id, null for silence. */
  choiceId: string | null;
  /** True when the reply came before the customer finished speaking. */
  interrupted: boolean;
  /** Every tag that applies: the reply's (or silence rule's) own plus those the machine added. */
  tags: BehaviourTag[];
  /** The subset of `tags` the machine added, with why. */
  added: AddedTag[];
  moodBefore: number;
  moodAfter: number;
  /** Variables as they were before this decision (rewind restores these). */
  variablesBefore: Variables;
  /** Milliseconds from the node becoming answerable (customer finished) to the decision; negative when interrupting. */
  responseMs: number;
  next: string;
}

export interface PauseEntry {
  type: 'pause' | 'resume';
  at: number;
}

export interface EndEntry {
  type: 'end';
  at: number;
  nodeId: string;
  outcome: Outcome;
  /** Set when the scenario's ending node gives it; walk-outs have none. */
  satisfaction?: number;
  comment?: string;
}

export type TranscriptEntry = LineEntry | DecisionEntry | PauseEntry | EndEntry;
export type Transcript = TranscriptEntry[];

export function decisionsOf(transcript: readonly TranscriptEntry[]): DecisionEntry[] {
  return transcript.filter((e): e is DecisionEntry => e.type === 'decision');
}

export function endingOf(transcript: readonly TranscriptEntry[]): EndEntry | undefined {
  return transcript.find((e): e is EndEntry => e.type === 'end');
}
