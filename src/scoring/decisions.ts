/** Per-decision review for the debrief: what was done, how it landed, and what would have been better. */
import { isReplyVisibleWith } from '../conversation/rules.ts';
import type { DecisionEntry } from '../conversation/transcript.ts';
import type { Reply, Scenario, ScenarioNode } from '../scenario/model.ts';
import { isAutoFailTag, isGoodTag, isTrustRuiner, type BehaviourTag } from '../scenario/vocabulary.ts';
import type { BetterReply, DecisionReport, DecisionVerdict } from './report.ts';
import { REPLY_VALUE } from './weights.ts';

/** How good a reply (or silence) looks on paper: tags and mood effect, see `REPLY_VALUE`. */
export function valueOf(tags: readonly BehaviourTag[], mood: number): number {
  let value = REPLY_VALUE.mood * mood;
  for (const tag of new Set(tags)) {
    if (isAutoFailTag(tag)) value += REPLY_VALUE.autoFail;
    else if (isTrustRuiner(tag)) value += REPLY_VALUE.trustRuiner;
    else if (isGoodTag(tag)) value += REPLY_VALUE.goodTag;
  }
  return value;
}

export function verdictOf(tags: readonly BehaviourTag[]): DecisionVerdict {
  if (tags.some(isAutoFailTag)) return 'auto-fail';
  if (tags.some(isTrustRuiner)) return 'trust-ruining';
  if (tags.some(isGoodTag)) return 'good';
  return 'neutral';
}

function asBetter(reply: Reply, reason: BetterReply['reason']): BetterReply {
  return { choiceId: reply.id, text: reply.say, feedback: reply.feedback ?? null, reason };
}

/** The best reply offered at a node under the given variables (first one on ties). */
export function bestVisibleReply(node: ScenarioNode, variables: DecisionEntry['variablesBefore']): Reply | undefined {
  let best: Reply | undefined;
  for (const reply of node.replies) {
    if (!isReplyVisibleWith(reply, variables)) continue;
    if (!best || valueOf(reply.tags, reply.mood) > valueOf(best.tags, best.mood)) best = reply;
  }
  return best;
}

function betterReply(node: ScenarioNode, decision: DecisionEntry, chosen: Reply | undefined): BetterReply | null {
  const named = chosen?.better ? node.replies.find((r) => r.id === chosen.better) : undefined;
  if (named && named.id !== chosen?.id) return asBetter(named, 'named');
  const best = bestVisibleReply(node, decision.variablesBefore);
  const chosenValue = chosen ? valueOf(chosen.tags, chosen.mood) : valueOf(decision.tags, decision.moodAfter - decision.moodBefore);
  if (best && best.id !== chosen?.id && valueOf(best.tags, best.mood) > chosenValue) return asBetter(best, 'higher-value');
  if (chosen && decision.interrupted) return asBetter(chosen, 'wait-then-same');
  return null;
}

export function reviewDecision(scenario: Scenario, decision: DecisionEntry): DecisionReport {
  const node = scenario.nodes[decision.nodeId];
  const chosen = decision.choiceId === null ? undefined : node?.replies.find((r) => r.id === decision.choiceId);
  const feedback = decision.kind === 'silence' ? (node?.silence?.feedback ?? null) : (chosen?.feedback ?? null);
  return {
    index: decision.index,
    nodeId: decision.nodeId,
    kind: decision.kind,
    choiceId: decision.choiceId,
    text: chosen?.say ?? null,
    interrupted: decision.interrupted,
    tags: [...decision.tags],
    added: decision.added.map((a) => ({ ...a })),
    moodBefore: decision.moodBefore,
    moodAfter: decision.moodAfter,
    moodChange: decision.moodAfter - decision.moodBefore,
    feedback,
    verdict: verdictOf(decision.tags),
    better: node ? betterReply(node, decision, chosen) : null,
  };
}
