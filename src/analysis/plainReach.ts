/**
 * What a scenario's links allow when every condition is ignored: the nodes any route of the
 * engine could lead to from the start (replies, branches, silences and interruptions, whatever
 * their `when`), and the tags a decision at one of them could earn. An over-approximation: what
 * is missing here no play can reach, which is what a limited analysis may still call
 * "unreachable" (see `analyzeScenario`).
 */
import type { Scenario, ScenarioNode } from '../scenario/model.ts';
import type { BehaviourTag } from '../scenario/vocabulary.ts';

export interface PlainReach {
  /** Node ids reachable from the start along some link, conditions ignored. */
  nodes: Set<string>;
  /** Every tag a decision at one of those nodes could earn (the engine's added tags included). */
  tags: Set<BehaviourTag>;
}

/** Tags the engine itself adds: `impatience` for interrupting or rushing a venting customer, `listening` and `composure` for waiting through venting. */
const ENGINE_TAGS: readonly BehaviourTag[] = ['impatience', 'listening', 'composure'];

function linksOf(scenario: Scenario, node: ScenarioNode): string[] {
  const links = [...node.replies.map((r) => r.next), ...node.branches.map((b) => b.next)];
  if (node.silence?.next !== undefined) links.push(node.silence.next);
  if (node.interrupted?.next !== undefined) links.push(node.interrupted.next);
  if (scenario.interrupted?.next !== undefined) links.push(scenario.interrupted.next);
  return links;
}

export function plainReach(scenario: Scenario): PlainReach {
  const nodes = new Set<string>();
  const tags = new Set<BehaviourTag>();
  const queue = [scenario.start];
  while (queue.length > 0) {
    const id = queue.pop()!;
    const node = Object.hasOwn(scenario.nodes, id) ? scenario.nodes[id] : undefined;
    if (nodes.has(id) || !node) continue;
    nodes.add(id);
    for (const reply of node.replies) reply.tags.forEach((t) => tags.add(t));
    if (node.end === undefined) {
      // Over-approximate: the node's own silence rule and the scenario's default, and the engine's tags.
      for (const t of [...(node.silence?.tags ?? []), ...scenario.silence.tags]) tags.add(t);
      ENGINE_TAGS.forEach((t) => tags.add(t));
    }
    for (const next of linksOf(scenario, node)) if (!nodes.has(next)) queue.push(next);
  }
  return { nodes, tags };
}
