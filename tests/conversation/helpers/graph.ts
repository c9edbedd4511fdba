/**
 * The conversation machine's state graph, built by `xstate/graph` with the events a trainee,
 * a customer and a facilitator can send in each state (plus some nonsense ones, which must be
 * ignored). States are told apart by phase, node, variables, mood and where the conversation
 * goes next; histories (transcripts) do not matter for where play can go.
 */
import type { SnapshotFrom } from 'xstate';
import { getAdjacencyMap, type AdjacencyMap } from 'xstate/graph';
import type { ConversationEvent } from '../../../src/conversation/context.ts';
import { createConversationMachine, type ConversationMachine } from '../../../src/conversation/machine.ts';
import { selectCurrentNode, selectPhase, selectVisibleReplies } from '../../../src/conversation/selectors.ts';
import type { Scenario } from '../../../src/scenario/model.ts';

export type Snap = SnapshotFrom<ConversationMachine>;

/**
 * Everything that may be sent in a state. With `thorough`, also pausing (and resuming) and
 * nonsense the machine must ignore; without, only what moves the conversation on.
 */
export function eventsFor(snap: Snap, thorough = true): ConversationEvent[] {
  const phase = selectPhase(snap);
  const at = 1000;
  const events: ConversationEvent[] = [];
  if (phase === 'ended') return events;
  if (phase === 'paused') return [{ type: 'session.resume', at }];
  if (phase === 'speaking' || phase === 'reacting') events.push({ type: 'customer.finishedSpeaking', at });
  const replies = phase === 'awaiting' || (phase === 'speaking' && selectCurrentNode(snap)?.earlyReplies) ? selectVisibleReplies(snap) : [];
  for (const reply of replies) events.push({ type: 'trainee.choose', choiceId: reply.id, at });
  if (phase === 'awaiting' && selectCurrentNode(snap)?.silence) events.push({ type: 'trainee.silent', at });
  if (!thorough) return events;
  events.push({ type: 'session.pause', at });
  events.push({ type: 'trainee.choose', choiceId: '__no_such_reply__', at });
  if (phase !== 'awaiting') events.push({ type: 'trainee.silent', at });
  return events;
}

export function serializeState(snap: Snap): string {
  const c = snap.context;
  return JSON.stringify([snap.value, c.nodeId, c.variables, c.mood, c.pausedPhase, c.pending?.next ?? null, c.pending?.reaction?.cause ?? null]);
}

export function stateGraph(scenario: Scenario, thorough = true): AdjacencyMap<Snap, ConversationEvent> {
  return getAdjacencyMap(createConversationMachine(scenario), {
    events: (snap) => eventsFor(snap as Snap, thorough),
    serializeState: (snap) => serializeState(snap as Snap),
  }) as AdjacencyMap<Snap, ConversationEvent>;
}

export interface GraphCheck {
  states: number;
  endedStates: number;
  /** States (not ended) where every event leaves the state unchanged. */
  deadEnds: string[];
  /** States from which no ending can be reached. */
  trapped: string[];
  /** Ending node ids reached. */
  endNodes: Set<string>;
}

/** Checks that from every reachable state some ending is reachable and nothing is a dead end. */
export function checkGraph(map: AdjacencyMap<Snap, ConversationEvent>): GraphCheck {
  const keys = Object.keys(map);
  const reverse = new Map<string, Set<string>>();
  const deadEnds: string[] = [];
  const ended = new Set<string>();
  const endNodes = new Set<string>();
  for (const key of keys) {
    const value = map[key as keyof typeof map]!;
    if (selectPhase(value.state) === 'ended') {
      ended.add(key);
      endNodes.add(value.state.context.nodeId);
      continue;
    }
    let moves = 0;
    for (const transition of Object.values(value.transitions)) {
      const target = serializeState(transition.state);
      if (target !== key) moves++;
      if (!reverse.has(target)) reverse.set(target, new Set());
      reverse.get(target)!.add(key);
    }
    if (moves === 0) deadEnds.push(key);
  }
  const canEnd = new Set(ended);
  const queue = [...ended];
  while (queue.length > 0) {
    const key = queue.pop()!;
    for (const source of reverse.get(key) ?? []) {
      if (canEnd.has(source)) continue;
      canEnd.add(source);
      queue.push(source);
    }
  }
  return { states: keys.length, endedStates: ended.size, deadEnds, trapped: keys.filter((k) => !canEnd.has(k)), endNodes };
}
