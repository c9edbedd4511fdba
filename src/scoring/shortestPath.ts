/**
 * The endings a scenario can reach and the fewest decisions to each, following reply conditions,
 * branches, silence rules that move on and interruptions that route elsewhere (mood and walk-outs
 * are ignored: this is the map an efficient agent could take). The scorer measures endings
 * against the scenario's best one and extra decisions against the shortest path to it.
 */
import type { Outcome } from '../scenario/vocabulary.ts';
import type { Scenario, ScenarioNode, Variables } from '../scenario/model.ts';
import { applyAssignments, branchTarget, copyVariables, isBranchNode, visibleRepliesOf } from '../conversation/rules.ts';

/** States explored before giving up (scenarios are small; this only guards against pathological files). */
const STATE_LIMIT = 20_000;
/** Branch hops followed in a row before a branch loop is treated as a dead end. */
const BRANCH_HOPS = 50;

/** Best first; a walk-out is never the best ending. */
const OUTCOME_RANK: Record<Outcome, number> = { resolved: 0, escalated: 1, unresolved: 2, 'walked-out': 3 };

export interface ReachedEnding {
  nodeId: string;
  outcome: Outcome;
  satisfaction: number;
  /** Fewest decisions to get there. */
  decisions: number;
}

/** What the scorer measures an ending against. */
export interface BestEnding {
  /** The best outcome an ending of this scenario reaches (never `walked-out` unless nothing else exists). */
  outcome: Outcome;
  /** The best rating any reachable ending of the scenario has. */
  rating: number;
  /** Fewest decisions to an ending with the best outcome. */
  shortestPath: number;
}

const cache = new WeakMap<Scenario, ReachedEnding[]>();

function settle(scenario: Scenario, nodeId: string, variables: Variables): string | undefined {
  let current = nodeId;
  for (let hop = 0; hop < BRANCH_HOPS; hop++) {
    if (!Object.hasOwn(scenario.nodes, current)) return undefined;
    const node = scenario.nodes[current]!;
    if (!isBranchNode(node)) return current;
    const next = branchTarget(node, variables);
    if (next === undefined) return undefined;
    current = next;
  }
  return undefined;
}

/** Where one decision at `node` can lead (the variables after it, and the next node). */
function movesFrom(scenario: Scenario, node: ScenarioNode, variables: Variables): { nodeId: string; variables: Variables }[] {
  const moves = visibleRepliesOf(node, variables).map((reply) => ({ nodeId: reply.next, variables: applyAssignments(variables, reply) }));
  if (node.silence?.next !== undefined) moves.push({ nodeId: node.silence.next, variables });
  const interruption = node.interrupted ?? scenario.interrupted;
  if (node.earlyReplies && interruption?.next !== undefined) moves.push({ nodeId: interruption.next, variables });
  return moves;
}

/** Breadth-first over (node, variables): every ending node reached, with the fewest decisions to it. */
export function reachableEndings(scenario: Scenario): ReachedEnding[] {
  const cached = cache.get(scenario);
  if (cached) return cached;
  const found = new Map<string, ReachedEnding>();
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
  push(scenario.start, copyVariables(scenario.variables), frontier);
  for (let depth = 0; frontier.length > 0; depth++) {
    const next: typeof frontier = [];
    for (const state of frontier) {
      const node = scenario.nodes[state.nodeId]!;
      if (node.end) {
        if (!found.has(node.id)) found.set(node.id, { nodeId: node.id, outcome: node.end.outcome, satisfaction: node.end.satisfaction, decisions: depth });
        continue;
      }
      for (const move of movesFrom(scenario, node, state.variables)) push(move.nodeId, move.variables, next);
    }
    frontier = next;
  }
  // The walk above gave up on a pathological file (many independent variables): an ending it
  // did not meet may still be reachable. Look for each one directly, guided by the plain map.
  if (seen.size >= STATE_LIMIT) {
    for (const id of scenario.nodeOrder) {
      const node = scenario.nodes[id]!;
      if (!node.end || found.has(id)) continue;
      const decisions = fewestDecisionsTo(scenario, id);
      if (decisions !== null) found.set(id, { nodeId: id, outcome: node.end.outcome, satisfaction: node.end.satisfaction, decisions });
    }
  }
  const endings = [...found.values()];
  cache.set(scenario, endings);
  return endings;
}

/** Where a node leads on the plain map (every reply, branch and rule, conditions ignored); branches cost no decision. */
function plainLinks(scenario: Scenario, node: ScenarioNode): { to: string; cost: 0 | 1 }[] {
  if (node.end) return [];
  if (isBranchNode(node)) return (node.branches ?? []).map((b) => ({ to: b.next, cost: 0 as const }));
  const links: { to: string; cost: 0 | 1 }[] = node.replies.map((r) => ({ to: r.next, cost: 1 as const }));
  if (node.silence?.next !== undefined) links.push({ to: node.silence.next, cost: 1 });
  const interruption = node.interrupted ?? scenario.interrupted;
  if (node.earlyReplies && interruption?.next !== undefined) links.push({ to: interruption.next, cost: 1 });
  return links;
}

/**
 * Fewest decisions from each node to `target` on the plain map: a lower bound of the real
 * distance, since conditions only ever remove links (0-1 breadth-first search, backwards).
 */
function plainDistancesTo(scenario: Scenario, target: string): Map<string, number> {
  const into = new Map<string, { from: string; cost: 0 | 1 }[]>();
  for (const id of scenario.nodeOrder) {
    for (const link of plainLinks(scenario, scenario.nodes[id]!)) {
      const list = into.get(link.to) ?? [];
      list.push({ from: id, cost: link.cost });
      into.set(link.to, list);
    }
  }
  const distance = new Map<string, number>([[target, 0]]);
  const deque: string[] = [target];
  while (deque.length > 0) {
    const id = deque.shift()!;
    const d = distance.get(id)!;
    for (const { from, cost } of into.get(id) ?? []) {
      const known = distance.get(from);
      if (known !== undefined && known <= d + cost) continue;
      distance.set(from, d + cost);
      if (cost === 0) deque.unshift(from);
      else deque.push(from);
    }
  }
  return distance;
}

/**
 * Fewest decisions from the start to the ending `target`, following conditions and variables:
 * an A* search over (node, variables) with the plain-map distance as its (consistent) estimate,
 * so it heads straight for the ending and its first arrival is a shortest one. Null when the
 * ending cannot be reached, or is not met within the state limit.
 */
export function fewestDecisionsTo(scenario: Scenario, target: string): number | null {
  const estimate = plainDistancesTo(scenario, target);
  const settledStart = settle(scenario, scenario.start, scenario.variables);
  if (settledStart === undefined || !estimate.has(settledStart)) return null;
  const buckets: { nodeId: string; key: string; variables: Variables; decisions: number }[][] = [];
  const bestSoFar = new Map<string, number>();
  const push = (nodeId: string, variables: Variables, decisions: number): void => {
    const settled = settle(scenario, nodeId, variables);
    if (settled === undefined) return;
    const h = estimate.get(settled);
    if (h === undefined) return;
    const key = `${settled}|${JSON.stringify(variables)}`;
    const known = bestSoFar.get(key);
    if (known !== undefined ? known <= decisions : bestSoFar.size >= STATE_LIMIT) return;
    bestSoFar.set(key, decisions);
    (buckets[decisions + h] ??= []).push({ nodeId: settled, key, variables, decisions });
  };
  push(scenario.start, copyVariables(scenario.variables), 0);
  for (let f = 0; f < buckets.length; f++) {
    const bucket = buckets[f];
    while (bucket && bucket.length > 0) {
      const state = bucket.pop()!;
      if (bestSoFar.get(state.key)! < state.decisions) continue;
      if (state.nodeId === target) return state.decisions;
      const node = scenario.nodes[state.nodeId]!;
      if (node.end) continue;
      for (const move of movesFrom(scenario, node, state.variables)) push(move.nodeId, move.variables, state.decisions + 1);
    }
  }
  return null;
}

/** The scenario's best ending: its outcome, the best rating and the shortest path to it; null when no ending is reachable. */
export function bestEnding(scenario: Scenario): BestEnding | null {
  const endings = reachableEndings(scenario);
  if (endings.length === 0) return null;
  const rank = Math.min(...endings.map((e) => OUTCOME_RANK[e.outcome]));
  const best = endings.filter((e) => OUTCOME_RANK[e.outcome] === rank);
  const rated = endings.filter((e) => e.outcome !== 'walked-out');
  return {
    outcome: best[0]!.outcome,
    rating: Math.max(...(rated.length > 0 ? rated : endings).map((e) => e.satisfaction)),
    shortestPath: Math.min(...best.map((e) => e.decisions)),
  };
}

/** Fewest decisions to the scenario's best ending (a `resolved` one when it has one); null when no ending can be reached. */
export function shortestResolvingPath(scenario: Scenario): number | null {
  return bestEnding(scenario)?.shortestPath ?? null;
}
