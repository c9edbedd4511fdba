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
  const endings = [...found.values()];
  cache.set(scenario, endings);
  return endings;
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
