/**
 * Pure readings of a conversation snapshot for presenters and the driver. They take anything
 * shaped like an XState snapshot (`value` + `context`), so tests can pass plain objects.
 */
import type { StateValue } from 'xstate';
import type { CustomerLine, Reply, ScenarioNode } from '../scenario/model.ts';
import type { ActivePhase, ConversationContext, Phase } from './context.ts';
import * as rules from './rules.ts';
import { decisionsOf, endingOf, type DecisionEntry, type EndEntry, type Transcript } from './transcript.ts';

export interface ConversationSnapshotLike {
  value: StateValue;
  context: ConversationContext;
}

/** A reply as the trainee sees it: number keys 1..4 pick `index`. */
export interface VisibleReply {
  id: string;
  text: string;
  /** 1-based position among the visible replies. */
  index: number;
}

/** `speaking`, `awaiting`, `reacting`, `paused` or `ended`. */
export function selectPhase(snapshot: ConversationSnapshotLike): Phase {
  const value = snapshot.value;
  if (value === 'paused' || value === 'ended') return value;
  if (typeof value === 'object' && value !== null && 'active' in value) {
    const inner = value.active;
    if (inner === 'awaiting' || inner === 'reacting') return inner;
  }
  return 'speaking';
}

/** The phase the conversation is in, or was in before it was paused (ended stays ended). */
export function selectActivePhase(snapshot: ConversationSnapshotLike): ActivePhase | 'ended' {
  const phase = selectPhase(snapshot);
  if (phase === 'paused') return snapshot.context.pausedPhase ?? 'speaking';
  return phase;
}

export function selectIsPaused(snapshot: ConversationSnapshotLike): boolean {
  return selectPhase(snapshot) === 'paused';
}

export function selectCurrentNode(snapshot: ConversationSnapshotLike): ScenarioNode | undefined {
  return rules.nodeOf(snapshot.context);
}

/** The lines of the customer's current turn: the node's lines, or the reaction line while reacting. */
export function selectCustomerLines(snapshot: ConversationSnapshotLike): CustomerLine[] {
  return rules.turnLines(snapshot.context, selectActivePhase(snapshot) === 'reacting');
}

/** Replies offered at the current node under the current variables (conditions applied). */
export function selectVisibleReplyModels(snapshot: ConversationSnapshotLike): Reply[] {
  const phase = selectActivePhase(snapshot);
  if (phase === 'ended' || phase === 'reacting') return [];
  return rules.visibleRepliesOf(rules.nodeOf(snapshot.context), snapshot.context.variables);
}

/** Replies offered now as id, text and 1-based index. */
export function selectVisibleReplies(snapshot: ConversationSnapshotLike): VisibleReply[] {
  return selectVisibleReplyModels(snapshot).map((reply, i) => ({ id: reply.id, text: reply.say, index: i + 1 }));
}

/** True when a reply chosen now would be taken (awaiting, or speaking on an early-replies node). */
export function selectCanAnswer(snapshot: ConversationSnapshotLike): boolean {
  const phase = selectPhase(snapshot);
  if (phase === 'awaiting') return selectVisibleReplyModels(snapshot).length > 0;
  return selectWouldInterrupt(snapshot);
}

/** True when answering now would interrupt the customer (and count as impatience). */
export function selectWouldInterrupt(snapshot: ConversationSnapshotLike): boolean {
  return (
    selectPhase(snapshot) === 'speaking' &&
    rules.nodeOf(snapshot.context)?.earlyReplies === true &&
    selectVisibleReplyModels(snapshot).length > 0
  );
}

export function selectMood(snapshot: ConversationSnapshotLike): number {
  return snapshot.context.mood;
}

/** The ending once the conversation has ended (outcome, satisfaction, comment). */
export function selectEnding(snapshot: ConversationSnapshotLike): EndEntry | undefined {
  return endingOf(snapshot.context.transcript);
}

export function selectTranscript(snapshot: ConversationSnapshotLike): Transcript {
  return snapshot.context.transcript;
}

export function selectDecisions(snapshot: ConversationSnapshotLike): DecisionEntry[] {
  return decisionsOf(snapshot.context.transcript);
}

/** Seconds of silence the current node tolerates once the customer has finished, if it has a rule. */
export function selectSilenceSeconds(snapshot: ConversationSnapshotLike): number | null {
  return rules.nodeOf(snapshot.context)?.silence?.after ?? null;
}
