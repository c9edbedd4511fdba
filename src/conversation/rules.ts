/**
 * The conversation's rules as pure functions over the context. The XState machine calls these
 * from its named guards and actions, and the analyzer calls the same functions to enumerate
 * paths without an actor, so both always agree.
 */
import type { CustomerLine, Reply, Scenario, ScenarioNode, SilenceRule, Variables } from '../scenario/model.ts';
import { evaluateCondition } from '../scenario/condition.ts';
import type { BehaviourTag } from '../scenario/vocabulary.ts';
import { isTrustRuiner } from '../scenario/vocabulary.ts';
import { INTERRUPTION_MOOD, MOOD_MAX, MOOD_MIN } from './constants.ts';
import type { ConversationContext, Reaction } from './context.ts';
import { defaultInterruptedLine, defaultWalksOutLine } from './defaults.ts';
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

/** What the customer says when interrupted here: the node's line, the scenario's, or a default. */
export function interruptedLineOf(scenario: Scenario, node: ScenarioNode): CustomerLine {
  return (node.interrupted ?? scenario.interrupted)?.says[0] ?? defaultInterruptedLine(scenario.language);
}

/** The lines of the current turn: the node's lines, or the one reaction line while reacting. */
export function turnLines(context: ConversationContext, reacting: boolean): CustomerLine[] {
  if (reacting) return context.pending?.reaction ? [context.pending.reaction.line] : [];
  return nodeOf(context)?.says ?? [];
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

/** All the tags a reply earns: its own, plus interruption and venting rules. */
export function replyTags(node: ScenarioNode, reply: Reply, interrupting: boolean): { tags: BehaviourTag[]; added: AddedTag[] } {
  if (interrupting) return addTags(reply.tags, [{ tag: 'impatience', reason: 'interrupted' }]);
  if (!node.venting) return addTags(reply.tags, []);
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
  const next: Variables = { ...variables, ...reply.set };
  for (const [name, amount] of Object.entries(reply.add)) {
    const current = next[name];
    next[name] = (typeof current === 'number' ? current : 0) + amount;
  }
  return next;
}

/** The conversation at its very beginning. */
export function initialContext(scenario: Scenario): ConversationContext {
  const base: ConversationContext = {
    scenario,
    nodeId: scenario.start,
    variables: { ...scenario.variables },
    mood: clampMood(scenario.customer.mood),
    transcript: [],
    decisionCount: 0,
    checkpoints: [],
    turn: 0,
    linesStarted: 0,
    answerableAt: null,
    pending: null,
    pausedPhase: null,
    lastAt: 0,
  };
  return enterNode(base, scenario.start, 0);
}

/** Moves to a node and starts its turn; decision nodes leave a checkpoint for rewinding. */
export function enterNode(context: ConversationContext, nodeId: string, at: number): ConversationContext {
  const entered: ConversationContext = {
    ...context,
    nodeId,
    turn: context.turn + 1,
    linesStarted: 0,
    answerableAt: null,
    pending: null,
    lastAt: Math.max(context.lastAt, at),
  };
  if (!isDecisionNode(nodeOf(entered))) return entered;
  const checkpoint = {
    nodeId,
    variables: { ...entered.variables },
    mood: entered.mood,
    transcriptLength: entered.transcript.length,
  };
  return { ...entered, checkpoints: [...entered.checkpoints, checkpoint] };
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

/** Records the lines of the current turn up to and including `index`. */
export function recordLinesThrough(context: ConversationContext, index: number, at: number, reacting: boolean): ConversationContext {
  const lines = turnLines(context, reacting);
  const cause = reacting ? (context.pending?.reaction?.cause ?? 'interrupted') : 'node';
  const entries: LineEntry[] = [];
  for (let i = context.linesStarted; i <= index && i < lines.length; i++) {
    const line = lines[i]!;
    entries.push({
      type: 'line',
      at,
      nodeId: context.nodeId,
      index: reacting ? -1 : i,
      text: line.text,
      expression: line.expression,
      cause,
    });
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
    return {
      type: 'end',
      at,
      nodeId: context.nodeId,
      outcome: node.end.outcome,
      satisfaction: node.end.satisfaction,
      comment: node.end.comment,
    };
  }
  // A node that neither ends, branches nor offers anything: the call simply stops, unresolved.
  return { type: 'end', at, nodeId: context.nodeId, outcome: 'unresolved' };
}

/** After an ending node's lines (or a dead end): records the ending. */
export function endAtNode(context: ConversationContext, at: number): ConversationContext {
  const recorded = recordLinesThrough(context, turnLines(context, false).length - 1, at, false);
  return { ...recorded, transcript: [...recorded.transcript, endEntry(recorded, at)], lastAt: Math.max(recorded.lastAt, at) };
}

export function hasWalkedOut(context: ConversationContext): boolean {
  return context.mood >= context.scenario.customer.walksOutAt;
}

/**
 * The customer walks out: the ending is recorded where the decision was made, with their
 * parting words (the scenario's `walksOut` line, else a default) as the closing comment.
 */
export function recordWalkOut(context: ConversationContext, at: number): ConversationContext {
  const { scenario } = context;
  const parting = scenario.walksOut ?? defaultWalksOutLine(scenario.language);
  const entry: EndEntry = { type: 'end', at, nodeId: context.nodeId, outcome: 'walked-out', comment: parting.text };
  return { ...context, transcript: [...context.transcript, entry], pending: null, lastAt: Math.max(context.lastAt, at) };
}

/** How the trainee resolves a decision node. */
export type DecisionInput =
  | { kind: 'reply'; reply: Reply; interrupting: boolean; remainingMs?: number }
  | { kind: 'silence' };

/**
 * Applies a decision: tags, mood, variables and the transcript entry; sets `pending` with the
 * next node and any customer reaction. Returns the context unchanged when the decision is not
 * possible (no silence rule, not a decision node).
 */
export function decide(context: ConversationContext, input: DecisionInput, at: number): ConversationContext {
  const node = nodeOf(context);
  if (!node || !isDecisionNode(node)) return context;
  if (input.kind === 'silence') return decideSilence(context, node, at);
  const { reply, interrupting } = input;
  const { tags, added } = replyTags(node, reply, interrupting);
  const moodAfter = clampMood(context.mood + reply.mood + (interrupting ? INTERRUPTION_MOOD : 0));
  const responseMs = interrupting
    ? -Math.max(1, Math.round(input.remainingMs ?? 1))
    : Math.max(0, at - (context.answerableAt ?? at));
  const reaction: Reaction | null = interrupting ? { line: interruptedLineOf(context.scenario, node), cause: 'interrupted' } : null;
  const recorded = interrupting ? context : recordLinesThrough(context, node.says.length - 1, at, false);
  return record(recorded, {
    kind: 'reply',
    choiceId: reply.id,
    interrupted: interrupting,
    tags,
    added,
    moodAfter,
    responseMs,
    next: reply.next,
    variables: applyAssignments(context.variables, reply),
    reaction,
    at,
  });
}

function decideSilence(context: ConversationContext, node: ScenarioNode, at: number): ConversationContext {
  const rule = node.silence;
  if (!rule) return context;
  const { tags, added } = silenceTags(node, rule);
  return record(recordLinesThrough(context, node.says.length - 1, at, false), {
    kind: 'silence',
    choiceId: null,
    interrupted: false,
    tags,
    added,
    moodAfter: clampMood(context.mood + rule.mood),
    responseMs: Math.max(0, at - (context.answerableAt ?? at)),
    next: rule.next ?? context.nodeId,
    variables: context.variables,
    reaction: rule.say ? { line: rule.say, cause: 'silence' } : null,
    at,
  });
}

interface DecisionRecord {
  kind: 'reply' | 'silence';
  choiceId: string | null;
  interrupted: boolean;
  tags: BehaviourTag[];
  added: AddedTag[];
  moodAfter: number;
  responseMs: number;
  next: string;
  variables: Variables;
  reaction: Reaction | null;
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
    moodBefore: context.mood,
    moodAfter: d.moodAfter,
    variablesBefore: { ...context.variables },
    responseMs: d.responseMs,
    next: d.next,
  };
  return {
    ...context,
    transcript: [...context.transcript, entry],
    decisionCount: context.decisionCount + 1,
    mood: d.moodAfter,
    variables: d.variables,
    pending: { next: d.next, reaction: d.reaction },
    lastAt: Math.max(context.lastAt, d.at),
  };
}

/** Starts the turn the pending move points at (after a decision or its reaction line). */
export function enterPendingNode(context: ConversationContext, at: number): ConversationContext {
  if (!context.pending) return context;
  return enterNode(context, context.pending.next, at);
}

/** Starts the reaction line's turn (the node stays the one the decision was made at). */
export function startReaction(context: ConversationContext): ConversationContext {
  return { ...context, turn: context.turn + 1, linesStarted: 0 };
}

/** True when decision `k` was reached and can be gone back to. */
export function canRewindTo(context: ConversationContext, k: unknown): k is number {
  return typeof k === 'number' && Number.isInteger(k) && k >= 0 && k < context.checkpoints.length;
}

/** Restores node, variables and mood as before decision `k` and truncates the transcript there. */
export function rewindTo(context: ConversationContext, k: number, at: number): ConversationContext {
  const checkpoint = context.checkpoints[k];
  if (!checkpoint) return context;
  return {
    ...context,
    nodeId: checkpoint.nodeId,
    variables: { ...checkpoint.variables },
    mood: checkpoint.mood,
    transcript: context.transcript.slice(0, checkpoint.transcriptLength),
    decisionCount: k,
    checkpoints: context.checkpoints.slice(0, k + 1),
    turn: context.turn + 1,
    linesStarted: 0,
    answerableAt: null,
    pending: null,
    pausedPhase: null,
    lastAt: Math.max(context.lastAt, at),
  };
}

/** The reaction line has been said: records it if the driver did not, then enters the next node. */
export function finishReaction(context: ConversationContext, at: number): ConversationContext {
  return enterPendingNode(recordLinesThrough(context, 0, at, true), at);
}
