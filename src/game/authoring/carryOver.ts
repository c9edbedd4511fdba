/**
 * Live reload in a conversation: how much of a running conversation survives a new version of
 * its scenario. The conversation goes back to the start of the current decision (the node the
 * customer is on) in the new scenario, with the mood, the variables that still exist and every
 * earlier decision kept, so the trainer hears the node's new text at once. When the node is gone
 * (or an earlier step is), the conversation starts over and the reason says why.
 *
 * Pure: works on the machine's persisted snapshot (plain data), no engine or DOM.
 *
 * @example
 * const next = carryOver(actor.getPersistedSnapshot(), newScenario);
 * if (next.kind === 'kept') scene.restart({ file, scenario: newScenario, replay: { snapshot: next.snapshot, decision: next.decision } });
 */
import type { ConversationContext } from '../../conversation/context.ts';
import { isDecisionNode } from '../../conversation/rules.ts';
import type { Scenario, Variables } from '../../scenario/model.ts';

export type CarryOver =
  | {
      kind: 'kept';
      /** The persisted snapshot, now holding the new scenario. */
      snapshot: unknown;
      /** Replay from this decision (0-based): the current one. */
      decision: number;
      nodeId: string;
    }
  | {
      kind: 'restart';
      /** `gone`: the current node is not in the new file; `history`: an earlier step is not; `ended`: the conversation had ended; `start`: nothing to keep yet. */
      reason: 'gone' | 'history' | 'ended' | 'start';
      nodeId: string | null;
    };

interface PersistedConversation {
  status?: string;
  value?: unknown;
  context?: ConversationContext;
}

/** What of `snapshot` (a conversation machine's persisted snapshot) the new `scenario` can keep. */
export function carryOver(snapshot: unknown, scenario: Scenario): CarryOver {
  const persisted = snapshot as PersistedConversation | null;
  const context = persisted?.context;
  if (!context || !Array.isArray(context.checkpoints)) return { kind: 'restart', reason: 'start', nodeId: null };
  if (persisted.value === 'ended') return { kind: 'restart', reason: 'ended', nodeId: context.nodeId };
  const decision = context.checkpoints.length - 1;
  const current = context.checkpoints[decision];
  if (!current) return { kind: 'restart', reason: 'start', nodeId: null };
  const node = Object.hasOwn(scenario.nodes, current.nodeId) ? scenario.nodes[current.nodeId] : undefined;
  if (!node || !isDecisionNode(node)) return { kind: 'restart', reason: 'gone', nodeId: current.nodeId };
  for (const entry of context.transcript.slice(0, current.transcriptLength)) {
    if (entry.type !== 'decision') continue;
    const earlier = Object.hasOwn(scenario.nodes, entry.nodeId) ? scenario.nodes[entry.nodeId] : undefined;
    if (!earlier || (entry.choiceId !== null && !earlier.replies.some((r) => r.id === entry.choiceId))) {
      return { kind: 'restart', reason: 'history', nodeId: entry.nodeId };
    }
  }
  const checkpoints = context.checkpoints.map((c, i) =>
    // The node starts again from its first line, so the new text is heard whole.
    i === decision ? { ...c, variables: keptVariables(c.variables, scenario.variables), lineOffset: 0 } : c,
  );
  return { kind: 'kept', snapshot: { ...persisted, context: { ...context, scenario, checkpoints } }, decision, nodeId: current.nodeId };
}

/** The new scenario's variables, with the values the conversation had for those that still exist with the same type. */
function keptVariables(had: Variables, declared: Variables): Variables {
  const out: Variables = { ...declared };
  for (const [name, value] of Object.entries(had)) {
    if (Object.hasOwn(declared, name) && typeof declared[name] === typeof value) out[name] = value;
  }
  return out;
}
