/**
 * The transcript: the single record of a conversation. Scoring, the debrief, replay and exports
 * all read it; nothing else about a played conversation needs to be kept.
 */
import type { BehaviourTag, Expression, Outcome } from '../scenario/vocabulary.ts';
import type { Variables } from '../scenario/model.ts';
import type { WalkOutReason } from './context.ts';

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
  /** The line's stage direction, when it has one. */
  action?: string;
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
  /**
   * Interruptions only: `cut` when the reply was cut off (its own tags, mood, set/add and next did
   * not apply; only the interruption did), `said` when it applied as well.
   */
  reply?: 'cut' | 'said';
  /** Silences only: whose rule applied: the node's own, the scenario's default, or the venting patience rule. */
  silenceRule?: 'node' | 'scenario' | 'venting';
  /**
   * Ids of the replies on offer at this decision (their `when` held), in file order. The engine
   * always sets it; only transcripts saved before format 1.1 lack it.
   */
  visibleReplyIds?: string[];
  /** Set when this decision made the customer walk out (mood, third interruption, last silence). */
  walkOut?: WalkOutReason;
  moodBefore: number;
  moodAfter: number;
  /** Variables as they were before this decision (rewind restores these). */
  variablesBefore: Variables;
  /** Milliseconds from the node becoming answerable (customer finished) to the decision; negative when interrupting. */
  responseMs: number;
  /** Where the conversation went on: a node id (the same node when the customer picked up again or the replies stayed open). */
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
  /** The face that goes with the comment, when the ending wrote one. */
  commentExpression?: Expression;
  /** Walk-outs only: why the customer left. */
  walkOut?: WalkOutReason;
}

export type TranscriptEntry = LineEntry | DecisionEntry | PauseEntry | EndEntry;
export type Transcript = TranscriptEntry[];

export function decisionsOf(transcript: readonly TranscriptEntry[]): DecisionEntry[] {
  return transcript.filter((e): e is DecisionEntry => e.type === 'decision');
}

export function endingOf(transcript: readonly TranscriptEntry[]): EndEntry | undefined {
  return transcript.find((e): e is EndEntry => e.type === 'end');
}
