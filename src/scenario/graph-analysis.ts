/**
 * The conversation as a directed graph of node ids (edges: replies, branches, silence), with the
 * few graph algorithms the validator needs. Conditions are ignored: an edge is a possible path.
 * A link with a typo can be counted as the node it most probably meant (`meant`), so one typo
 * gives one diagnostic instead of a cascade of unreachable nodes.
 */
import type { RawNode } from './schema.ts';

export type LinkGraph = Map<string, string[]>;

/** Where an `interrupted:` routing object leads (a reaction line leads nowhere of its own). */
export function interruptionTarget(raw: RawNode['interrupted']): string | undefined {
  if (typeof raw !== 'object' || raw === null || !('next' in raw)) return undefined;
  return typeof raw.next === 'string' ? raw.next : undefined;
}

/** The interruption edge of a node: its own routing object's `next`, else the scenario's (on nodes that can be interrupted). */
function interruptionTargets(node: RawNode, scenarioTarget: string | undefined): string[] {
  const own = interruptionTarget(node.interrupted);
  if (own !== undefined) return [own];
  const interruptible = node.replies !== undefined && node.earlyReplies !== false && node.interrupted === undefined;
  return interruptible && scenarioTarget !== undefined ? [scenarioTarget] : [];
}

/**
 * Node id → ids it can lead to (existing nodes only, each once, in file order).
 * `scenarioInterrupted`: the `next` of the scenario-level `interrupted` routing object, if any.
 */
export function linkGraph(
  nodes: Readonly<Record<string, RawNode>>,
  meant: ReadonlyMap<string, string> = new Map(),
  scenarioInterrupted?: string,
): LinkGraph {
  const graph: LinkGraph = new Map();
  for (const [id, node] of Object.entries(nodes)) {
    const targets = [
      ...(node.replies ?? []).map((reply) => reply.next),
      ...(node.branches ?? []).map((branch) => branch.next),
      ...(node.silence?.next !== undefined ? [node.silence.next] : []),
      ...interruptionTargets(node, scenarioInterrupted),
    ]
      .map((target) => (Object.hasOwn(nodes, target) ? target : (meant.get(target) ?? target)))
      .filter((target) => Object.hasOwn(nodes, target));
    graph.set(id, [...new Set(targets)]);
  }
  return graph;
}

/** Every node reachable from `start` (including it). */
export function reachableFrom(graph: LinkGraph, start: string): Set<string> {
  const seen = new Set<string>([start]);
  const queue = [start];
  while (queue.length > 0) {
    for (const next of graph.get(queue.shift()!) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

/** Every node from which at least one of `endings` can be reached. */
export function nodesThatReachAnEnding(graph: LinkGraph, endings: readonly string[]): Set<string> {
  const reverse: LinkGraph = new Map();
  for (const [from, targets] of graph) {
    for (const to of targets) reverse.set(to, [...(reverse.get(to) ?? []), from]);
  }
  const seen = new Set<string>(endings);
  const queue = [...endings];
  while (queue.length > 0) {
    for (const previous of reverse.get(queue.shift()!) ?? []) {
      if (!seen.has(previous)) {
        seen.add(previous);
        queue.push(previous);
      }
    }
  }
  return seen;
}

/**
 * Strongly connected components (Tarjan, iterative), each listed in `order`; components are
 * returned in order of their first node in `order`.
 */
export function stronglyConnected(graph: LinkGraph, order: readonly string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const root of order) {
    if (index.has(root)) continue;
    const work: { id: string; next: number }[] = [{ id: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const targets = graph.get(frame.id) ?? [];
      if (frame.next < targets.length) {
        const target = targets[frame.next++]!;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ id: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.id, Math.min(low.get(frame.id)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.id);
        components.push(component);
      }
    }
  }
  const position = new Map(order.map((id, i) => [id, i]));
  for (const component of components) component.sort((a, b) => position.get(a)! - position.get(b)!);
  return components.sort((a, b) => position.get(a[0]!)! - position.get(b[0]!)!);
}
