/**
 * The conversation's rules as pure functions over the context. The XState machine calls these
 * from its named guards and actions, and the analyzer calls the same functions to enumerate
 * paths without an actor, so both always agree.
 *
 * Format 1.1 semantics (docs/scenario-format.md, "What happens when…"):
 * - Answering before the customer has finished interrupts (on every node unless `earlyReplies: false`):
 *   the node's (else the scenario's, else the default) `interrupted` rule decides the mood change,
 *   whether the reply counts (`reply: said`) or is cut off (`cut`, default), what the customer says
 *   and where it goes; without `next` a cut-off customer picks up again at the line that was cut.
 *   The third interruption on one visit of a node makes the customer walk out.
 * - Every decision node has a silence rule: its own, else the scenario's default, else the engine's.
 *   On a venting node without its own rule the first silence is patience. The `walksOutAfter`-th
 *   silence on one visit makes the customer walk out.
 */
import type {
  CustomerLine,
  Interruption,
  Reply,
  Scenario,
  ScenarioNode,
  SilenceRule,
  Variables,
} from '../scenario/model.ts';
import { evaluateCondition } from '../scenario/condition.ts';
import {
  DEFAULT_INTERRUPTION_MOOD,
  INTERRUPTIONS_TO_WALK_OUT,
  VENTING_SILENCE_MOOD,
  defaultInterruptedLine,
  defaultVentingCalmerLine,
  defaultWalksOutLine,
} from '../scenario/defaults.ts';
import type { BehaviourTag } from '../scenario/vocabulary.ts';
import { isAutoFailTag, isTrustRuiner } from '../scenario/vocabulary.ts';
import { MOOD_MAX, MOOD_MIN } from './constants.ts';
import type { ConversationContext, NodeVisit, PendingMove, Reaction, WalkOutReason } from './context.ts';
import type { AddedTag, DecisionEntry, EndEntry, LineEntry } from './transcript.ts';

export function clampMood(mood: number): number {
  if (!Number.isFinite(mood)) return MOOD_MAX;
  return Math.min(MOOD_MAX, Math.max(MOOD_MIN, Math.round(mood)));
}

/** A usable time for an event: finite and not negative, else the latest time seen. */
export function timeOf(at: unknown, context: ConversationContext): number {
  return typeof at === 'number' && Number.isFinite(at) && at >= 0 ? at : context.lastAt;
}

/** The node the context points at, or undefined when the scenario lacks it (a broken link). */
export function nodeOf(context: ConversationContext): ScenarioNode | undefined {
  return Object.hasOwn(context.scenario.nodes, context.nodeId) ? context.scenario.nodes[context.nodeId] : undefined;
}

export function isEndNode(node: ScenarioNode | undefined): boolean {
  return node?.end !== undefined;
}

export function isBranchNode(node: ScenarioNode | undefined): boolean {
  return node !== undefined && node.end === undefined && node.replies.length === 0 && node.branches.length > 0;
}

/** A node where the trainee decides: it has replies or a silence rule and is not an ending. */
export function isDecisionNode(node: ScenarioNode | undefined): boolean {
  return node !== undefined && node.end === undefined && (node.replies.length > 0 || node.silence !== undefined);
}

export function isReplyVisibleWith(reply: Reply, variables: Variables): boolean {
  return reply.when === undefined || evaluateCondition(reply.when.ast, variables);
}

/** The replies offered at a node under the given variables, in file order. */
export function visibleRepliesOf(node: ScenarioNode | undefined, variables: Variables): Reply[] {
  return node ? node.replies.filter((reply) => isReplyVisibleWith(reply, variables)) : [];
}

/** The visible reply with this id at the current node, if any. */
export function findVisibleReply(context: ConversationContext, choiceId: unknown): Reply | undefined {
  if (typeof choiceId !== 'string') return undefined;
  return visibleRepliesOf(nodeOf(context), context.variables).find((reply) => reply.id === choiceId);
}

/**
 * The silence rule that applies at a node: its own, else the scenario's default (which never
 * has `next`: the customer prompts and the same replies stay open).
 *
 * @example
 * silenceRuleOf(scenario, node).after // seconds before the silence counts
 */
export function silenceRuleOf(scenario: Scenario, node: ScenarioNode): SilenceRule {
  if (node.silence) return node.silence;
  const { say, ...rest } = scenario.silence;
  return { ...rest, tags: [...rest.tags], say };
}

/** The engine's default interruption in a language: the default line, mood +10, the reply is cut off, no `next`. */
export function defaultInterruption(scenario: Scenario): Interruption {
  return { says: [defaultInterruptedLine(scenario.language)], mood: DEFAULT_INTERRUPTION_MOOD, reply: 'cut' };
}

/** What happens when the trainee answers over the customer at `node`: its own rule, the scenario's, or the default. */
export function interruptionOf(scenario: Scenario, node: ScenarioNode): Interruption {
  return node.interrupted ?? scenario.interrupted ?? defaultInterruption(scenario);
}

/** The first line the customer says when interrupted here (kept for callers of format 1.0). */
export function interruptedLineOf(scenario: Scenario, node: ScenarioNode): CustomerLine {
  return interruptionOf(scenario, node).says[0] ?? defaultInterruptedLine(scenario.language);
}

/** True when the next silence at this node is the venting customer's patience (no own rule, first silence on the visit). */
export function isVentingPatience(node: ScenarioNode, visit: NodeVisit): boolean {
  return node.venting && node.silence === undefined && !visit.waitedThroughVenting;
}

/** Seconds of silence the current node tolerates once the customer has finished (every decision node has a rule). */
export function silenceSecondsOf(context: ConversationContext): number | null {
  const node = nodeOf(context);
  if (!node || !isDecisionNode(node)) return null;
  return silenceRuleOf(context.scenario, node).after;
}

/** The lines of the current turn: the node's lines from `lineOffset`, or the reaction lines while reacting. */
export function turnLines(context: ConversationContext, reacting: boolean): CustomerLine[] {
  if (reacting) return context.pending?.reaction?.lines ?? [];
  const says = nodeOf(context)?.says ?? [];
  return context.lineOffset > 0 ? says.slice(context.lineOffset) : says;
}

const WAITED_TAGS: BehaviourTag[] = ['listening', 'composure'];

function addTags(own: readonly BehaviourTag[], extra: AddedTag[]): { tags: BehaviourTag[]; added: AddedTag[] } {
  const tags = [...own];
  const added: AddedTag[] = [];
  for (const item of extra) {
    if (tags.includes(item.tag)) continue;
    tags.push(item.tag);
    added.push(item);
  }
  return { tags, added };
}

/** A reply on a venting node that neither acknowledges feelings nor listens is a rush to a fix. */
export function isRushingVenting(reply: Reply): boolean {
  return !reply.tags.includes('empathy') && !reply.tags.includes('listening');
}

/**
 * All the tags a reply earns: its own, plus interruption and venting rules. An interruption adds
 * `impatience`; with `reply: cut` the reply's own tags do not count (pass `cut: true`).
 */
export function replyTags(
  node: ScenarioNode,
  reply: Reply,
  interrupting: boolean,
  cut = false,
): { tags: BehaviourTag[]; added: AddedTag[] } {
  if (interrupting) return addTags(cut ? [] : reply.tags, [{ tag: 'impatience', reason: 'interrupted' }]);
  if (!node.venting) return addTags(reply.tags, []);
  // A reply that already ruins trust is named for what it is; it is not also counted as rushing.
  if (reply.tags.some((tag) => isTrustRuiner(tag) || isAutoFailTag(tag))) return addTags(reply.tags, []);
  if (isRushingVenting(reply)) return addTags(reply.tags, [{ tag: 'impatience', reason: 'rushed-venting' }]);
  return addTags(
    reply.tags,
    WAITED_TAGS.map((tag) => ({ tag, reason: 'waited-through-venting' as const })),
  );
}

/**
 * All the tags a silence earns: the rule's own, plus listening and composure on a venting node
 * (unless the trainer marked that silence as a trust-ruiner: then the wait was not patience).
 */
export function silenceTags(node: ScenarioNode, rule: SilenceRule): { tags: BehaviourTag[]; added: AddedTag[] } {
  if (!node.venting || rule.tags.some(isTrustRuiner)) return addTags(rule.tags, []);
  return addTags(
    rule.tags,
    WAITED_TAGS.map((tag) => ({ tag, reason: 'waited-through-venting' as const })),
  );
}

/** Variables after a reply: its `set` values, then its `add` increments (missing counts as 0). */
export function applyAssignments(variables: Variables, reply: Reply): Variables {
  const next = copyVariables(variables, reply.set);
  for (const [name, amount] of Object.entries(reply.add)) {
    const current = next[name];
    next[name] = (typeof current === 'number' ? current : 0) + amount;
  }
  return next;
}

/**
 * Variables copied into a null-prototype object: every name (`__proto__`, `constructor`, ...) is an
 * own key, and assigning to one never touches a prototype.
 */
export function copyVariables(...sources: readonly Variables[]): Variables {
  return Object.assign(Object.create(null) as Variables, ...sources);
}

const freshVisit = (): NodeVisit => ({ interruptions: 0, silences: 0, waitedThroughVenting: false });

/** The conversation at its very beginning. */
export function initialContext(scenario: Scenario): ConversationContext {
  const base: ConversationContext = {
    scenario,
    nodeId: scenario.start,
    variables: copyVariables(scenario.variables),
    mood: clampMood(scenario.customer.mood),
    transcript: [],
    decisionCount: 0,
    checkpoints: [],
    turn: 0,
    linesStarted: 0,
    lineOffset: 0,
    visit: freshVisit(),
    answerableAt: null,
    pending: null,
    pausedPhase: null,
    lastAt: 0,
  };
  return enterNode(base, scenario.start, 0);
}

function withCheckpoint(context: ConversationContext): ConversationContext {
  if (!isDecisionNode(nodeOf(context))) return context;
  const checkpoint = {
    nodeId: context.nodeId,
    variables: copyVariables(context.variables),
    mood: context.mood,
    transcriptLength: context.transcript.length,
    lineOffset: context.lineOffset,
    visit: { ...context.visit },
  };
  return { ...context, checkpoints: [...context.checkpoints, checkpoint] };
}

/** Moves to a node and starts its turn; decision nodes leave a checkpoint for rewinding. */
export function enterNode(context: ConversationContext, nodeId: string, at: number): ConversationContext {
  return withCheckpoint({
    ...context,
    nodeId,
    turn: context.turn + 1,
    linesStarted: 0,
    lineOffset: 0,
    visit: freshVisit(),
    answerableAt: null,
    pending: null,
    lastAt: Math.max(context.lastAt, at),
  });
}

/**
 * Stays on the current node for a new decision: the customer picks up again at `lineOffset`
 * (`says.length`: nothing left to say, the replies open at once). A new checkpoint is left.
 */
export function resumeNode(context: ConversationContext, lineOffset: number, at: number): ConversationContext {
  const says = nodeOf(context)?.says.length ?? 0;
  return withCheckpoint({
    ...context,
    turn: context.turn + 1,
    linesStarted: 0,
    lineOffset: Math.min(Math.max(0, lineOffset), says),
    answerableAt: null,
    pending: null,
    lastAt: Math.max(context.lastAt, at),
  });
}

/** True when line `index` of the current turn may be recorded now (in order, once). */
export function isLineExpected(context: ConversationContext, index: unknown, reacting: boolean): boolean {
  return (
    typeof index === 'number' &&
    Number.isInteger(index) &&
    index >= context.linesStarted &&
    index < turnLines(context, reacting).length
  );
}

/** Records the lines of the current turn up to and including `index` (an index into `turnLines`). */
export function recordLinesThrough(context: ConversationContext, index: number, at: number, reacting: boolean): ConversationContext {
  const lines = turnLines(context, reacting);
  const cause = reacting ? (context.pending?.reaction?.cause ?? 'interrupted') : 'node';
  const entries: LineEntry[] = [];
  for (let i = context.linesStarted; i <= index && i < lines.length; i++) {
    const line = lines[i]!;
    const entry: LineEntry = {
      type: 'line',
      at,
      nodeId: context.nodeId,
      index: reacting ? -1 : context.lineOffset + i,
      text: line.text,
      expression: line.expression,
      cause,
    };
    if (line.action !== undefined) entry.action = line.action;
    entries.push(entry);
  }
  if (entries.length === 0) return at > context.lastAt ? { ...context, lastAt: at } : context;
  return {
    ...context,
    transcript: [...context.transcript, ...entries],
    linesStarted: context.linesStarted + entries.length,
    lastAt: Math.max(context.lastAt, at),
  };
}

/** The customer finished a decision node's lines: replies are now answerable and silence counts. */
export function markAnswerable(context: ConversationContext, at: number): ConversationContext {
  const recorded = recordLinesThrough(context, turnLines(context, false).length - 1, at, false);
  return { ...recorded, answerableAt: at };
}

/** The branch a branch node takes under the current variables: first match, else the last one. */
export function branchTarget(node: ScenarioNode, variables: Variables): string | undefined {
  const match = node.branches.find((branch) => branch.when === undefined || evaluateCondition(branch.when.ast, variables));
  return (match ?? node.branches[node.branches.length - 1])?.next;
}

/** After a branch node's lines: moves on to the first branch whose condition holds. */
export function takeBranch(context: ConversationContext, at: number): ConversationContext {
  const recorded = recordLinesThrough(context, turnLines(context, false).length - 1, at, false);
  const node = nodeOf(recorded);
  const target = node ? branchTarget(node, recorded.variables) : undefined;
  return target === undefined ? recorded : enterNode(recorded, target, at);
}

function endEntry(context: ConversationContext, at: number): EndEntry {
  const node = nodeOf(context);
  if (node?.end) {
    const entry: EndEntry = {
      type: 'end',
      at,
      nodeId: context.nodeId,
      outcome: node.end.outcome,
      satisfaction: node.end.satisfaction,
      comment: node.end.comment,
    };
    if (node.end.commentExpression !== undefined) entry.commentExpression = node.end.commentExpression;
    return entry;
  }
  // A node that neither ends, branches nor offers anything: the call simply stops, unresolved.
  return { type: 'end', at, nodeId: context.nodeId, outcome: 'unresolved' };
}

/** After an ending node's lines (or a dead end): records the ending. */
export function endAtNode(context: ConversationContext, at: number): ConversationContext {
  const recorded = recordLinesThrough(context, turnLines(context, false).length - 1, at, false);
  return { ...recorded, transcript: [...recorded.transcript, endEntry(recorded, at)], lastAt: Math.max(recorded.lastAt, at) };
}

/** The mood has reached the walk-out threshold. */
export function hasMoodWalkOut(context: ConversationContext): boolean {
  return context.mood >= context.scenario.customer.walksOutAt;
}

/**
 * The customer leaves right after the decision: the mood reached `walksOutAt` (any reaction is
 * not said), or the last silence / an interruption walk-out with nothing left to say first.
 */
export function hasWalkedOut(context: ConversationContext): boolean {
  return hasMoodWalkOut(context) || (context.pending?.walkOut !== undefined && !context.pending.reaction);
}

/** The customer leaves once the reaction being said is over (the third interruption). */
export function isLeavingAfterReaction(context: ConversationContext): boolean {
  return context.pending?.walkOut !== undefined;
}

/**
 * The customer walks out: the ending is recorded where the decision was made, with their
 * parting words (the scenario's `walksOut` line, else a default) as the closing comment.
 */
export function recordWalkOut(context: ConversationContext, at: number): ConversationContext {
  const { scenario } = context;
  const parting = scenario.walksOut ?? defaultWalksOutLine(scenario.language);
  const reason: WalkOutReason = hasMoodWalkOut(context) ? 'mood' : (context.pending?.walkOut ?? 'mood');
  const entry: EndEntry = {
    type: 'end',
    at,
    nodeId: context.nodeId,
    outcome: 'walked-out',
    comment: parting.text,
    commentExpression: parting.expression,
    walkOut: reason,
  };
  const transcript = [...context.transcript];
  // The decision that made them leave says so.
  for (let i = transcript.length - 1; i >= 0; i--) {
    const last = transcript[i]!;
    if (last.type !== 'decision') continue;
    transcript[i] = { ...last, walkOut: reason };
    break;
  }
  transcript.push(entry);
  return { ...context, transcript, pending: null, lastAt: Math.max(context.lastAt, at) };
}

/** How the trainee resolves a decision node. */
export type DecisionInput =
  | { kind: 'reply'; reply: Reply; interrupting: boolean; remainingMs?: number }
  | { kind: 'silence' };

/**
 * Applies a decision: tags, mood, variables and the transcript entry; sets `pending` with where
 * the conversation goes (another node, or the same node again), any customer reaction, and a
 * walk-out. Returns the context unchanged when the decision is not possible (not a decision node).
 */
export function decide(context: ConversationContext, input: DecisionInput, at: number): ConversationContext {
  const node = nodeOf(context);
  if (!node || !isDecisionNode(node)) return context;
  const visible = visibleRepliesOf(node, context.variables).map((reply) => reply.id);
  if (input.kind === 'silence') return decideSilence(context, node, visible, at);
  if (input.interrupting) return decideInterruption(context, node, input.reply, visible, input.remainingMs, at);
  const { reply } = input;
  const { tags, added } = replyTags(node, reply, false);
  return record(recordLinesThrough(context, turnLines(context, false).length - 1, at, false), {
    kind: 'reply',
    choiceId: reply.id,
    interrupted: false,
    tags,
    added,
    moodAfter: clampMood(context.mood + reply.mood),
    responseMs: Math.max(0, at - (context.answerableAt ?? at)),
    variables: applyAssignments(context.variables, reply),
    move: { next: reply.next, reaction: null },
    visibleReplyIds: visible,
    visit: context.visit,
    at,
  });
}

/** The node line being spoken when the customer was cut off (the one they say again). */
export function cutLineIndex(context: ConversationContext): number {
  return context.lineOffset + Math.max(0, context.linesStarted - 1);
}

function decideInterruption(
  context: ConversationContext,
  node: ScenarioNode,
  reply: Reply,
  visible: string[],
  remainingMs: number | undefined,
  at: number,
): ConversationContext {
  const interruption = interruptionOf(context.scenario, node);
  const said = interruption.reply === 'said';
  const { tags, added } = replyTags(node, reply, true, !said);
  const visit = { ...context.visit, interruptions: context.visit.interruptions + 1 };
  const reaction: Reaction | null = interruption.says.length > 0 ? { lines: interruption.says, cause: 'interrupted' } : null;
  let move: PendingMove;
  if (interruption.next !== undefined) move = { next: interruption.next, reaction };
  else if (said) move = { next: reply.next, reaction };
  else move = { next: node.id, reaction, resumeAt: cutLineIndex(context) };
  if (visit.interruptions >= INTERRUPTIONS_TO_WALK_OUT) move.walkOut = 'interruptions';
  return record(context, {
    kind: 'reply',
    choiceId: reply.id,
    interrupted: true,
    reply: interruption.reply,
    tags,
    added,
    moodAfter: clampMood(context.mood + interruption.mood + (said ? reply.mood : 0)),
    responseMs: -Math.max(1, Math.round(remainingMs ?? 1)),
    variables: said ? applyAssignments(context.variables, reply) : context.variables,
    move,
    visibleReplyIds: visible,
    visit,
    at,
  });
}

function decideSilence(context: ConversationContext, node: ScenarioNode, visible: string[], at: number): ConversationContext {
  const recorded = recordLinesThrough(context, turnLines(context, false).length - 1, at, false);
  const base = {
    kind: 'silence' as const,
    choiceId: null,
    interrupted: false,
    responseMs: Math.max(0, at - (context.answerableAt ?? at)),
    variables: context.variables,
    visibleReplyIds: visible,
    at,
  };
  const stay = node.says.length;
  if (isVentingPatience(node, context.visit)) {
    const { tags, added } = addTags(
      [],
      WAITED_TAGS.map((tag) => ({ tag, reason: 'waited-through-venting' as const })),
    );
    return record(recorded, {
      ...base,
      tags,
      added,
      silenceRule: 'venting',
      moodAfter: clampMood(context.mood + VENTING_SILENCE_MOOD),
      move: { next: node.id, resumeAt: stay, reaction: { lines: [defaultVentingCalmerLine(context.scenario.language)], cause: 'silence' } },
      visit: { ...context.visit, waitedThroughVenting: true },
    });
  }
  const rule = silenceRuleOf(context.scenario, node);
  const { tags, added } = silenceTags(node, rule);
  const reaction: Reaction | null = rule.say ? { lines: [rule.say], cause: 'silence' } : null;
  const silenceRule = node.silence ? 'node' : 'scenario';
  if (rule.next !== undefined) {
    // A 1.0 rule with `next`: the silence moves the conversation on, exactly as before.
    return record(recorded, { ...base, tags, added, silenceRule, moodAfter: clampMood(context.mood + rule.mood), move: { next: rule.next, reaction }, visit: context.visit });
  }
  const visit = { ...context.visit, silences: context.visit.silences + 1 };
  const leaving = visit.silences >= rule.walksOutAfter;
  const move: PendingMove = leaving
    ? { next: node.id, reaction: null, walkOut: 'silences' }
    : { next: node.id, reaction, resumeAt: stay };
  return record(recorded, { ...base, tags, added, silenceRule, moodAfter: clampMood(context.mood + rule.mood), move, visit });
}

interface DecisionRecord {
  kind: 'reply' | 'silence';
  choiceId: string | null;
  interrupted: boolean;
  reply?: 'cut' | 'said';
  silenceRule?: DecisionEntry['silenceRule'];
  tags: BehaviourTag[];
  added: AddedTag[];
  moodAfter: number;
  responseMs: number;
  variables: Variables;
  move: PendingMove;
  visibleReplyIds: string[];
  visit: NodeVisit;
  at: number;
}

function record(context: ConversationContext, d: DecisionRecord): ConversationContext {
  const entry: DecisionEntry = {
    type: 'decision',
    at: d.at,
    index: context.decisionCount,
    nodeId: context.nodeId,
    kind: d.kind,
    choiceId: d.choiceId,
    interrupted: d.interrupted,
    tags: d.tags,
    added: d.added,
    visibleReplyIds: d.visibleReplyIds,
    moodBefore: context.mood,
    moodAfter: d.moodAfter,
    variablesBefore: copyVariables(context.variables),
    responseMs: d.responseMs,
    next: d.move.next,
  };
  if (d.reply !== undefined) entry.reply = d.reply;
  if (d.silenceRule !== undefined) entry.silenceRule = d.silenceRule;
  return {
    ...context,
    transcript: [...context.transcript, entry],
    decisionCount: context.decisionCount + 1,
    mood: d.moodAfter,
    variables: d.variables,
    visit: d.visit,
    pending: d.move,
    lastAt: Math.max(context.lastAt, d.at),
  };
}

/** Starts the turn the pending move points at: the next node, or the same node again. */
export function enterPendingNode(context: ConversationContext, at: number): ConversationContext {
  const pending = context.pending;
  if (!pending) return context;
  if (pending.resumeAt !== undefined && pending.next === context.nodeId) return resumeNode(context, pending.resumeAt, at);
  return enterNode(context, pending.next, at);
}

/** Starts the reaction's turn (the node stays the one the decision was made at). */
export function startReaction(context: ConversationContext): ConversationContext {
  return { ...context, turn: context.turn + 1, linesStarted: 0 };
}

/** True when decision `k` was reached and can be gone back to. */
export function canRewindTo(context: ConversationContext, k: unknown): k is number {
  return typeof k === 'number' && Number.isInteger(k) && k >= 0 && k < context.checkpoints.length;
}

/** Restores node, line, visit, variables and mood as before decision `k` and truncates the transcript there. */
export function rewindTo(context: ConversationContext, k: number, at: number): ConversationContext {
  const checkpoint = context.checkpoints[k];
  if (!checkpoint) return context;
  return {
    ...context,
    nodeId: checkpoint.nodeId,
    variables: copyVariables(checkpoint.variables),
    mood: checkpoint.mood,
    transcript: context.transcript.slice(0, checkpoint.transcriptLength),
    decisionCount: k,
    checkpoints: context.checkpoints.slice(0, k + 1),
    turn: context.turn + 1,
    linesStarted: 0,
    lineOffset: checkpoint.lineOffset,
    visit: { ...checkpoint.visit },
    answerableAt: null,
    pending: null,
    pausedPhase: null,
    lastAt: Math.max(context.lastAt, at),
  };
}

/** Records the reaction lines the driver has not recorded yet. */
export function recordReaction(context: ConversationContext, at: number): ConversationContext {
  return recordLinesThrough(context, turnLines(context, true).length - 1, at, true);
}

/** The reaction has been said: records it if the driver did not, then starts the pending turn. */
export function finishReaction(context: ConversationContext, at: number): ConversationContext {
  return enterPendingNode(recordReaction(context, at), at);
}

/** The reaction has been said and the customer leaves (the third interruption). */
export function walkOutAfterReaction(context: ConversationContext, at: number): ConversationContext {
  return recordWalkOut(recordReaction(context, at), at);
}

/**
 * Everything after a decision, without timing: walk-out, reaction, next turn. For callers that
 * play without the machine (analysis); the machine does the same in its `deciding` and
 * `reacting` states.
 */
export function settleDecision(context: ConversationContext, at: number): { context: ConversationContext; ended: boolean } {
  if (hasWalkedOut(context)) return { context: recordWalkOut(context, at), ended: true };
  if (context.pending?.reaction) {
    const reacting = startReaction(context);
    if (isLeavingAfterReaction(reacting)) return { context: walkOutAfterReaction(reacting, at), ended: true };
    return { context: finishReaction(reacting, at), ended: false };
  }
  return { context: enterPendingNode(context, at), ended: false };
}

// Branch-loop guard (issue 12, item 3; lint reports such loops as CD219, see src/scenario/branch-loops.ts).

/**
 * True when the current node is a branch node whose branches, followed under the current
 * variables, come back round to a node already passed without a decision or an ending. Branches
 * never change variables, so such a loop would go on forever: the machine ends the conversation
 * here instead (unresolved, like a dead end).
 */
export function isBranchLoop(context: ConversationContext): boolean {
  const seen = new Set<string>();
  for (let id: string | undefined = context.nodeId; id !== undefined; ) {
    const node: ScenarioNode | undefined = Object.hasOwn(context.scenario.nodes, id) ? context.scenario.nodes[id] : undefined;
    if (!isBranchNode(node)) return false;
    if (seen.has(id)) return true;
    seen.add(id);
    id = branchTarget(node!, context.variables);
  }
  return false;
}
