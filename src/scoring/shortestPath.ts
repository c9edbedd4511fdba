/**
 * The fewest decisions from the start to an ending, following reply conditions and branches
 * (mood and walk-outs are ignored: this is the path an efficient agent could take).
 */
import type { Outcome } from '../scenario/vocabulary.ts';
import type { Scenario, Variables } from '../scenario/model.ts';
import { applyAssignments, branchTarget, isBranchNode, isDecisionNode, visibleRepliesOf } from '../conversation/rules.ts';

/** States explored before giving up (scenarios are small; this only guards against pathological files). */
const STATE_LIMIT = 20_000;
/** Branch hops followed in a row before a branch loop is treated as a dead end. */
const BRANCH_HOPS = 50;

interface Reached {
  outcome: Outcome;
  decisions: number;
}

const cache = new WeakMap<Scenario, Reached[]>();

function settle(scenario: Scenario, nodeId: string, variables: Variables): string | undefined {
  let current = nodeId;
  for (let hop = 0; hop < BRANCH_HOPS; hop++) {
    const node = scenario.nodes[current];
    if (!node || !isBranchNode(node)) return current;
    const next = branchTarget(node, variables);
    if (next === undefined) return undefined;
    current = next;
  }
  return undefined;
}

/** Breadth-first over (node, variables): the first time each ending outcome is reached. */
function endingsByDistance(scenario: Scenario): Reached[] {
  const cached = cache.get(scenario);
  if (cached) return cached;
  const found: Reached[] = [];
  const seen = new Set<string>();
  let frontier: { nodeId: string; variables: Variables }[] = [];
  const push = (nodeId: string, variables: Variables, into: typeof frontier): void => {
    const settled = settle(scenario, nodeId, variables);
    if (settled === undefined) return;
    const key = `${settled}|${JSON.stringify(variables)}`;
    if (seen.has(key) || seen.size >= STATE_LIMIT) return;
    seen.add(key);
    into.push({ nodeId: settled, variables });
  };
  push(scenario.start, { ...scenario.variables }, frontier);
  for (let depth = 0; frontier.length > 0; depth++) {
    const next: typeof frontier = [];
    for (const state of frontier) {
      const node = scenario.nodes[state.nodeId];
      if (node?.end) {
        found.push({ outcome: node.end.outcome, decisions: depth });
        continue;
      }
      if (!isDecisionNode(node)) continue;
      for (const reply of visibleRepliesOf(node, state.variables)) push(reply.next, applyAssignments(state.variables, reply), next);
      if (node?.silence) push(node.silence.next, state.variables, next);
    }
    frontier = next;
  }
  cache.set(scenario, found);
  return found;
}

/**
 * Fewest decisions to a `resolved` ending; if the scenario has none, to any ending other than a
 * walk-out; null when no ending can be reached at all.
 */
export function shortestResolvingPath(scenario: Scenario): number | null {
  const reached = endingsByDistance(scenario);
  const pick = (accept: (o: Outcome) => boolean): number | null => {
    const hits = reached.filter((r) => accept(r.outcome)).map((r) => r.decisions);
    return hits.length > 0 ? Math.min(...hits) : null;
  };
  return pick((o) => o === 'resolved') ?? pick((o) => o !== 'walked-out') ?? pick(() => true);
}
