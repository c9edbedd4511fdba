/** Static warnings about a scenario's nodes: places that teach nothing, and replies whose tags and mood disagree. */
import type { Scenario, ScenarioNode } from '../scenario/model.ts';
import { isAutoFailTag, isGoodTag, isTrustRuiner, type BehaviourTag } from '../scenario/vocabulary.ts';

export interface AnalysisWarning {
  code: 'no-learning-all-good' | 'no-learning-all-bad' | 'tag-mood-contradiction' | 'paths-capped' | 'ending-unreachable' | 'dead-end';
  severity: 'warning' | 'info';
  nodeId?: string;
  choiceId?: string;
  message: string;
}

/** A good-only reply that angers by at least this much contradicts its tags. */
export const GOOD_BUT_ANGERS = 10;
/** A trust-ruining reply that calms at all (negative mood) contradicts its tags. */
export const BAD_BUT_CALMS = 0;

type Verdict = 'good' | 'bad' | 'neutral';

function verdict(tags: readonly BehaviourTag[]): Verdict {
  if (tags.some((t) => isTrustRuiner(t) || isAutoFailTag(t))) return 'bad';
  return tags.some(isGoodTag) ? 'good' : 'neutral';
}

function contradiction(node: ScenarioNode, label: string, tags: readonly BehaviourTag[], mood: number, choiceId?: string): AnalysisWarning | null {
  const v = verdict(tags);
  const where = choiceId ? { nodeId: node.id, choiceId } : { nodeId: node.id };
  if (v === 'good' && mood >= GOOD_BUT_ANGERS) {
    return {
      code: 'tag-mood-contradiction',
      severity: 'warning',
      ...where,
      message: `${label} is tagged ${tags.join(', ')} but raises the mood by ${mood}: good behaviour should not anger the customer this much.`,
    };
  }
  if (v === 'bad' && mood < BAD_BUT_CALMS) {
    return {
      code: 'tag-mood-contradiction',
      severity: 'warning',
      ...where,
      message: `${label} is tagged ${tags.filter((t) => isTrustRuiner(t) || isAutoFailTag(t)).join(', ')} but calms the customer (mood ${mood}): a trust-ruiner should not be rewarded by the customer.`,
    };
  }
  return null;
}

/** Warnings for every node: no-learning nodes and tag/mood contradictions. */
export function nodeWarnings(scenario: Scenario): AnalysisWarning[] {
  const warnings: AnalysisWarning[] = [];
  for (const id of scenario.nodeOrder) {
    const node = scenario.nodes[id];
    if (!node || node.end) continue;
    const options = [
      ...node.replies.map((r) => ({ label: `Reply \`${r.id}\` at \`${id}\``, tags: r.tags, mood: r.mood, choiceId: r.id as string | undefined })),
      ...(node.silence ? [{ label: `The silence at \`${id}\``, tags: node.silence.tags, mood: node.silence.mood, choiceId: undefined }] : []),
    ];
    if (options.length >= 2) {
      const verdicts = options.map((o) => verdict(o.tags));
      if (verdicts.every((v) => v === 'good')) {
        warnings.push({ code: 'no-learning-all-good', severity: 'warning', nodeId: id, message: `Every choice at \`${id}\` is good: nothing to learn there. Add a tempting trust-ruiner or drop the decision.` });
      } else if (verdicts.every((v) => v === 'bad')) {
        warnings.push({ code: 'no-learning-all-bad', severity: 'warning', nodeId: id, message: `Every choice at \`${id}\` is trust-ruining: the trainee cannot do the right thing there. Add a good reply.` });
      }
    }
    for (const option of options) {
      const warning = contradiction(node, option.label, option.tags, option.mood, option.choiceId);
      if (warning) warnings.push(warning);
    }
  }
  return warnings;
}
