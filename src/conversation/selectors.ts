/**
 * Pure readings of a conversation snapshot for presenters and the driver. They take anything
 * shaped like an XState snapshot (`value` + `context`), so tests can pass plain objects.
 */
import type { StateValue } from 'xstate';
import type { CustomerLine, Interruption, Reply, ScenarioNode, SilenceRule } from '../scenario/model.ts';
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

/**
 * True when answering now would interrupt the customer (and count as impatience): they are still
 * speaking a node's lines and the node does not opt out with `earlyReplies: false`.
 */
export function selectWouldInterrupt(snapshot: ConversationSnapshotLike): boolean {
  return (
    selectPhase(snapshot) === 'speaking' &&
    rules.nodeOf(snapshot.context)?.earlyReplies === true &&
    rules.turnLines(snapshot.context, false).length > 0 &&
    selectVisibleReplyModels(snapshot).length > 0
  );
}

/**
 * True when the replies should be on screen: once the customer has finished, and while they
 * still talk on every node that allows early replies (the default). Paused keeps what was shown.
 */
export function selectRepliesOpen(snapshot: ConversationSnapshotLike): boolean {
  const phase = selectActivePhase(snapshot);
  if (phase === 'awaiting') return selectVisibleReplyModels(snapshot).length > 0;
  if (phase !== 'speaking') return false;
  return rules.nodeOf(snapshot.context)?.earlyReplies === true && selectVisibleReplyModels(snapshot).length > 0;
}

/** What answering over the customer at the current node does (its rule, the scenario's, or the default). */
export function selectInterruption(snapshot: ConversationSnapshotLike): Interruption | undefined {
  const node = rules.nodeOf(snapshot.context);
  return node && rules.isDecisionNode(node) ? rules.interruptionOf(snapshot.context.scenario, node) : undefined;
}

/** The silence rule of the current decision node (its own or the scenario's default); undefined elsewhere. */
export function selectSilenceRule(snapshot: ConversationSnapshotLike): SilenceRule | undefined {
  const node = rules.nodeOf(snapshot.context);
  return node && rules.isDecisionNode(node) ? rules.silenceRuleOf(snapshot.context.scenario, node) : undefined;
}

/** True when staying silent now would be the venting customer's patience (no own rule, first silence on this visit). */
export function selectSilenceIsPatience(snapshot: ConversationSnapshotLike): boolean {
  const node = rules.nodeOf(snapshot.context);
  return node !== undefined && rules.isDecisionNode(node) && rules.isVentingPatience(node, snapshot.context.visit);
}

/** Index in the node's `says` of the current turn's first line (non-zero when the customer picks up again). */
export function selectLineOffset(snapshot: ConversationSnapshotLike): number {
  return snapshot.context.lineOffset;
}

/** Interruptions so far on this visit of the node (the third makes the customer walk out). */
export function selectInterruptionCount(snapshot: ConversationSnapshotLike): number {
  return snapshot.context.visit.interruptions;
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

/** Seconds of silence the current node tolerates once the customer has finished (every decision node has a rule); null elsewhere. */
export function selectSilenceSeconds(snapshot: ConversationSnapshotLike): number | null {
  return rules.silenceSecondsOf(snapshot.context);
}
