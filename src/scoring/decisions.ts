/**
 * Per-decision review: which tags count (one reply is never charged twice for one behaviour),
 * whether the trainee kept the customer waiting, and what would have been better among the
 * replies on offer at that moment.
 */
import { isReplyVisibleWith } from '../conversation/rules.ts';
import type { DecisionEntry } from '../conversation/transcript.ts';
import type { Reply, Scenario, ScenarioNode } from '../scenario/model.ts';
import { isGoodTag, isTrustRuiner, type BehaviourTag, type TrustRuiner } from '../scenario/vocabulary.ts';
import type { BetterReply, DecisionReport, DecisionVerdict, DecisionWait, ReportAddedTag } from './report.ts';
import { DEFAULT_RUBRIC, type Rubric } from './rubric.ts';
import { REPLY_VALUE } from './weights.ts';

/** How good a reply (or silence) looks on paper: tags and mood effect, see `REPLY_VALUE`. */
export function valueOf(tags: readonly BehaviourTag[], mood: number, rubric: Rubric = DEFAULT_RUBRIC): number {
  let value = REPLY_VALUE.mood * mood;
  for (const tag of new Set(tags)) {
    if (rubric.critical.includes(tag)) value += REPLY_VALUE.autoFail;
    else if (isTrustRuiner(tag)) value += REPLY_VALUE.trustRuiner;
    else if (isGoodTag(tag)) value += REPLY_VALUE.goodTag;
  }
  return value;
}

export function verdictOf(tags: readonly BehaviourTag[], rubric: Rubric = DEFAULT_RUBRIC): DecisionVerdict {
  if (tags.some((t) => rubric.critical.includes(t))) return 'auto-fail';
  if (tags.some(isTrustRuiner)) return 'trust-ruining';
  if (tags.some(isGoodTag)) return 'good';
  return 'neutral';
}

/**
 * The tags that count for a decision, with the added ones and why. One reply is charged once for
 * one behaviour: a reply on a venting node that already carries a trust-ruiner of its own (say
 * judging) is not also charged impatience for "rushing to a fix"; the engine adds that tag to any
 * reply without empathy or listening, so the scorer drops it here.
 */
export function countedTags(decision: Pick<DecisionEntry, 'tags' | 'added'>): { tags: BehaviourTag[]; added: ReportAddedTag[] } {
  const addedTags = new Set(decision.added.map((a) => a.tag));
  const own = decision.tags.filter((t) => !addedTags.has(t));
  const ownRuiner = own.some(isTrustRuiner) || own.includes('insult');
  const drop = (a: { tag: BehaviourTag; reason: string }): boolean => ownRuiner && a.reason === 'rushed-venting';
  const dropped = new Set(decision.added.filter(drop).map((a) => a.tag));
  // Keep a tag the reply itself carries even when the engine's added copy is dropped.
  const tags = decision.tags.filter((t) => !dropped.has(t) || own.includes(t));
  return { tags: [...new Set(tags)], added: decision.added.filter((a) => !drop(a)).map((a) => ({ ...a })) };
}

/** Grace and reading speed for waits: the scenario's `waits` over the rubric's. */
export function waitThreshold(scenario: Scenario, rubric: Rubric): { grace: number; charsPerSecond: number } {
  return {
    grace: scenario.waits?.grace ?? rubric.waits.grace,
    charsPerSecond: scenario.waits?.charsPerSecond ?? rubric.waits.charsPerSecond,
  };
}

/**
 * The replies that were on offer at a decision, in file order: the ids the engine recorded
 * (`visibleReplyIds`), else those whose `when` held under the variables before it.
 */
export function repliesOnOffer(node: ScenarioNode | undefined, decision: Pick<DecisionEntry, 'variablesBefore'> & { visibleReplyIds?: readonly string[] }): Reply[] {
  if (!node) return [];
  const recorded = decision.visibleReplyIds;
  if (recorded) return node.replies.filter((reply) => recorded.includes(reply.id));
  return node.replies.filter((reply) => isReplyVisibleWith(reply, decision.variablesBefore));
}

/**
 * Milliseconds a trainee may take over a reply before it counts as a wait: the grace plus the
 * time to read every reply on offer, `grace + chars / charsPerSecond` seconds.
 */
export function allowanceMs(scenario: Scenario, decision: Pick<DecisionEntry, 'nodeId' | 'variablesBefore'>, rubric: Rubric): number {
  const { grace, charsPerSecond } = waitThreshold(scenario, rubric);
  const chars = repliesOnOffer(scenario.nodes[decision.nodeId], decision).reduce((sum, reply) => sum + reply.say.length, 0);
  return Math.round(1000 * (grace + chars / Math.max(1, charsPerSecond)));
}

/** A reply given after the customer finished, later than the allowance (silences and interruptions are not waits). */
export function measureWait(scenario: Scenario, decision: DecisionEntry, rubric: Rubric): Omit<DecisionWait, 'keptWaiting'> {
  if (decision.kind !== 'reply' || decision.interrupted) return { responseMs: decision.responseMs, allowanceMs: null, waited: false };
  const allowance = allowanceMs(scenario, decision, rubric);
  return { responseMs: decision.responseMs, allowanceMs: allowance, waited: decision.responseMs > allowance };
}

/** A silence credited as patience: the engine added listening/composure for waiting through venting. */
export function isPatientSilence(decision: Pick<DecisionEntry, 'kind' | 'added'>): boolean {
  return decision.kind === 'silence' && decision.added.some((a) => a.reason === 'waited-through-venting');
}

function asBetter(reply: Reply, reason: BetterReply['reason'], why: string | null): BetterReply {
  return { choiceId: reply.id, text: reply.say, why, feedback: why, reason };
}

/** The best reply among `offered` (first one on ties). */
export function bestOf(offered: readonly Reply[], rubric: Rubric = DEFAULT_RUBRIC): Reply | undefined {
  let best: Reply | undefined;
  for (const reply of offered) {
    if (!best || valueOf(reply.tags, reply.mood, rubric) > valueOf(best.tags, best.mood, rubric)) best = reply;
  }
  return best;
}

/** The best reply offered at a node under the given variables (first one on ties). */
export function bestVisibleReply(node: ScenarioNode, variables: DecisionEntry['variablesBefore']): Reply | undefined {
  return bestOf(repliesOnOffer(node, { variablesBefore: variables }));
}

/**
 * The better reply at a decision, always one that was on offer then: the one the chosen reply
 * names (`better:`, with its `why`), else the node's `preferred` reply, else the highest-value
 * one, when it is worth more than what was done; for an interruption of the best reply, the same
 * reply once the customer has finished.
 */
export function betterReply(node: ScenarioNode, decision: DecisionEntry, rubric: Rubric = DEFAULT_RUBRIC): BetterReply | null {
  const chosen = decision.choiceId === null ? undefined : node.replies.find((r) => r.id === decision.choiceId);
  const offered = repliesOnOffer(node, decision).filter((r) => r.id !== chosen?.id);
  const named = chosen?.better === undefined ? undefined : offered.find((r) => r.id === chosen.better);
  if (named) return asBetter(named, 'named', chosen?.betterWhy ?? null);
  const done = chosen ? valueOf(chosen.tags, chosen.mood, rubric) : valueOf(decision.tags, decision.moodAfter - decision.moodBefore, rubric);
  const preferred = offered.find((r) => r.preferred);
  if (preferred && valueOf(preferred.tags, preferred.mood, rubric) > done) return asBetter(preferred, 'preferred', null);
  const best = bestOf(offered, rubric);
  if (best && valueOf(best.tags, best.mood, rubric) > done) return asBetter(best, 'higher-value', null);
  if (chosen && decision.interrupted) return asBetter(chosen, 'wait-then-same', null);
  return null;
}

export interface DecisionAssessment {
  tags: BehaviourTag[];
  added: ReportAddedTag[];
  wait: DecisionWait;
  /** Trust-ruiner occurrences: one per trust-ruining tag, plus the kept-waiting one. */
  ruiners: TrustRuiner[];
}

/** The review the debrief shows for one decision, from its assessment. */
export function reviewDecision(scenario: Scenario, decision: DecisionEntry, assessment: DecisionAssessment, rubric: Rubric): DecisionReport {
  const node = Object.hasOwn(scenario.nodes, decision.nodeId) ? scenario.nodes[decision.nodeId] : undefined;
  const chosen = decision.choiceId === null ? undefined : node?.replies.find((r) => r.id === decision.choiceId);
  const silenceFeedback = node?.silence?.feedback ?? scenario.silence?.feedback ?? null;
  const tags = assessment.wait.keptWaiting && !assessment.tags.includes(rubric.waits.tag) ? [...assessment.tags, rubric.waits.tag] : assessment.tags;
  const added = assessment.wait.keptWaiting ? [...assessment.added, { tag: rubric.waits.tag, reason: 'kept-waiting' as const }] : assessment.added;
  return {
    index: decision.index,
    nodeId: decision.nodeId,
    kind: decision.kind,
    choiceId: decision.choiceId,
    text: chosen?.say ?? null,
    interrupted: decision.interrupted,
    tags,
    added,
    moodBefore: decision.moodBefore,
    moodAfter: decision.moodAfter,
    moodChange: decision.moodAfter - decision.moodBefore,
    feedback: decision.kind === 'silence' ? silenceFeedback : (chosen?.feedback ?? null),
    verdict: verdictOf(tags, rubric),
    better: node ? betterReply(node, decision, rubric) : null,
    wait: { ...assessment.wait },
    patientSilence: isPatientSilence(decision),
    trustRuiners: [...assessment.ruiners],
  };
}
