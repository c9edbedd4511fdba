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
import { selectPhase, selectVisibleReplies, selectWouldInterrupt } from '../../../src/conversation/selectors.ts';
import type { Scenario } from '../../../src/scenario/model.ts';

export type Snap = SnapshotFrom<ConversationMachine>;

/**
 * Everything that may be sent in a state. With `thorough`, also pausing (and resuming) and
 * nonsense the machine must ignore, and every interruption and silence; without, only what moves
 * the conversation on, with at most one interruption and one silence per visit of a node (the
 * walk-outs at the third interruption and the last silence are walked on the built scenarios,
 * and the library's mood combinations would otherwise run to hundreds of thousands of states).
 */
export function eventsFor(snap: Snap, thorough = true): ConversationEvent[] {
  const phase = selectPhase(snap);
  const at = 1000;
  const events: ConversationEvent[] = [];
  if (phase === 'ended') return events;
  if (phase === 'paused') return [{ type: 'session.resume', at }];
  if (phase === 'speaking' || phase === 'reacting') events.push({ type: 'customer.finishedSpeaking', at });
  const { visit } = snap.context;
  const interrupting = selectWouldInterrupt(snap) && (thorough || visit.interruptions === 0);
  const replies = phase === 'awaiting' || interrupting ? selectVisibleReplies(snap) : [];
  for (const reply of replies) events.push({ type: 'trainee.choose', choiceId: reply.id, at });
  // Every decision node has a silence rule (its own, the scenario's or the engine's).
  if (phase === 'awaiting' && (thorough || visit.silences === 0)) events.push({ type: 'trainee.silent', at });
  if (!thorough) return events;
  events.push({ type: 'session.pause', at });
  events.push({ type: 'trainee.choose', choiceId: '__no_such_reply__', at });
  if (phase !== 'awaiting') events.push({ type: 'trainee.silent', at });
  return events;
}

/**
 * A state's identity for the graph. `moodStep` > 1 groups moods into bands (the first state seen
 * in a band stands for it): the library walk uses it, since mood only decides when a walk-out
 * happens, and a walk-out is an ending too.
 */
export function serializeState(snap: Snap, moodStep = 1): string {
  const c = snap.context;
  const p = c.pending;
  const mood = moodStep > 1 ? Math.floor(c.mood / moodStep) : c.mood;
  return JSON.stringify([snap.value, c.nodeId, c.lineOffset, c.visit, c.variables, mood, c.pausedPhase, p?.next ?? null, p?.reaction?.cause ?? null, p?.resumeAt ?? null, p?.walkOut ?? null]);
}

export function stateGraph(scenario: Scenario, thorough = true, moodStep = 1): AdjacencyMap<Snap, ConversationEvent> {
  return getAdjacencyMap(createConversationMachine(scenario), {
    events: (snap) => eventsFor(snap as Snap, thorough),
    serializeState: (snap) => serializeState(snap as Snap, moodStep),
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
export function checkGraph(map: AdjacencyMap<Snap, ConversationEvent>, moodStep = 1): GraphCheck {
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
      const target = serializeState(transition.state, moodStep);
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
