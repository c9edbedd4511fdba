/**
 * The conversation machine's context and events. Every event carries `at`: milliseconds since
 * the conversation started, supplied by whoever drives the machine (the machine has no clock).
 */
import type { CustomerLine, Scenario, Variables } from '../scenario/model.ts';
import type { Transcript } from './transcript.ts';

/** Phases in which the conversation is running (not paused, not ended). */
export type ActivePhase = 'speaking' | 'awaiting' | 'reacting';
/** Every phase a conversation can be in. */
export type Phase = ActivePhase | 'paused' | 'ended';

/** What happened so far on this visit of the node (reset when a node is entered, kept when the customer picks up again). */
export interface NodeVisit {
  /** Times the trainee answered over the customer on this visit. */
  interruptions: number;
  /** Silences that counted towards `walksOutAfter` on this visit. */
  silences: number;
  /** The first silence on a venting node (patience) has been used. */
  waitedThroughVenting: boolean;
}

/** Why the customer walks out: the mood reached `walksOutAt`, the third interruption, or the `walksOutAfter`-th silence. */
export type WalkOutReason = 'mood' | 'interruptions' | 'silences';

/** State kept when a decision starts (node entered, or the customer picks up again), so `session.rewind` can restore it exactly. */
export interface Checkpoint {
  nodeId: string;
  variables: Variables;
  mood: number;
  /** Transcript length when the turn began: rewinding truncates here. */
  transcriptLength: number;
  /** The node line the turn starts at (0, or where the customer picks up again). */
  lineOffset: number;
  visit: NodeVisit;
}

/** Customer reaction lines spoken before moving on (after an interruption or a silence). */
export interface Reaction {
  lines: CustomerLine[];
  cause: 'interrupted' | 'silence';
}

/** Where the conversation goes once the current decision has played out. */
export interface PendingMove {
  /** The node to go to; the same node when `resumeAt` is set. */
  next: string;
  reaction: Reaction | null;
  /**
   * Stay on the node: the customer picks up again at this line (the line that was cut off), or at
   * `says.length` (nothing left to say: the replies open again at once, e.g. after a silence prompt).
   */
  resumeAt?: number;
  /** The customer leaves once the reaction (if any) has been said. */
  walkOut?: WalkOutReason;
}

export interface ConversationContext {
  scenario: Scenario;
  /** The node being spoken or answered (during a reaction: the node the decision was made at). */
  nodeId: string;
  variables: Variables;
  /** 0 calm .. 100 furious, always clamped. */
  mood: number;
  transcript: Transcript;
  /** Decisions made so far (the next decision's index). */
  decisionCount: number;
  /** One per decision node entered, in order; index k is the state before decision k. */
  checkpoints: Checkpoint[];
  /** Increases whenever the customer starts a new turn (node, reaction, rewind, restart). */
  turn: number;
  /** Lines of the current turn already recorded in the transcript. */
  linesStarted: number;
  /** Index in the node's `says` of the turn's first line (non-zero when the customer picks up again after being cut off). */
  lineOffset: number;
  /** Interruptions and silences on this visit of the node. */
  visit: NodeVisit;
  /** When the customer finished speaking on this node; null while still speaking. */
  answerableAt: number | null;
  pending: PendingMove | null;
  /** The phase to return to on `session.resume`; null unless paused. */
  pausedPhase: ActivePhase | null;
  /** The latest `at` seen, used when an event carries an unusable time. */
  lastAt: number;
}

export type ConversationEvent =
  /** The customer started line `index` of the current turn (sent by the driver, for timing). */
  | { type: 'customer.startedLine'; at: number; index: number }
  | { type: 'customer.finishedSpeaking'; at: number }
  /** `remainingMs`: how much the customer still had to say (only meaningful when interrupting). */
  | { type: 'trainee.choose'; at: number; choiceId: string; remainingMs?: number }
  | { type: 'trainee.silent'; at: number }
  | { type: 'session.pause'; at: number }
  | { type: 'session.resume'; at: number }
  /** Go back to just before decision `decision` (0-based). */
  | { type: 'session.rewind'; at: number; decision: number }
  | { type: 'session.restart'; at: number };

export type ConversationEventType = ConversationEvent['type'];
