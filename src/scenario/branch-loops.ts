/**
 * Branch loops: nodes that only branch to one another, with no decision and no ending on the
 * way round. Branches do not change variables, so once play takes such a loop it takes it
 * forever, the customer talking on ("Round one. / Round two.") with nothing for the trainee to
 * do. The validator reports each loop that play can enter (CD219); the engine stops one it
 * meets anyway (`isBranchLoop` in src/conversation/rules.ts).
 */
import { stronglyConnected, type LinkGraph } from './graph-analysis.ts';
import type { RawNode } from './schema.ts';

/** A node that only moves on by itself: it has branches, and no replies and no ending. */
function isPureBranch(node: RawNode | undefined): boolean {
  return node !== undefined && (node.branches?.length ?? 0) > 0 && node.replies === undefined && node.end === undefined;
}

/**
 * Every cycle made only of branch nodes, among the `reachable` ones, as groups of node ids in
 * file order (one group per strongly connected set of such nodes).
 */
export function branchLoops(nodes: Readonly<Record<string, RawNode>>, reachable: ReadonlySet<string>): string[][] {
  const order = Object.keys(nodes).filter((id) => reachable.has(id) && isPureBranch(nodes[id]));
  const members = new Set(order);
  const graph: LinkGraph = new Map(
    order.map((id) => [id, [...new Set((nodes[id]!.branches ?? []).map((b) => b.next))].filter((next) => members.has(next))]),
  );
  return stronglyConnected(graph, order).filter((group) => group.length > 1 || graph.get(group[0]!)!.includes(group[0]!));
}

/** The message for one loop, naming its nodes. */
export function branchLoopMessage(loop: readonly string[]): string {
  const names = loop.map((id) => `\`${id}\``).join(' → ');
  return loop.length === 1
    ? `Node ${names} branches back to itself with no decision and no ending: when play takes that branch, the customer talks forever.`
    : `Nodes ${names} only branch to each other, with no decision and no ending on the loop: when play takes it, the customer talks forever.`;
}
