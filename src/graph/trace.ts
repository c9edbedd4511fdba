/**
 * A path through a scenario as the map draws it: the nodes visited, in order, and the moves
 * between them (a reply, a silence, an interruption or an automatic branch). Built from a
 * transcript, so the player's own conversation, the best path and the worst path (replayed by
 * the analysis) are traced the same way.
 */
import type { Transcript } from '../conversation/transcript.ts';
import * as rules from '../conversation/rules.ts';
import { replaySteps, settle, type PathStep } from '../analysis/paths.ts';
import type { Scenario } from '../scenario/model.ts';

export type MoveKind = 'reply' | 'silence' | 'interrupt' | 'branch';

export interface TraceMove {
  from: string;
  to: string;
  kind: MoveKind;
  /** The reply id for replies and interruptions. */
  replyId?: string;
}

export interface PathTrace {
  /** Node ids in the order they were visited (a node visited twice in a row appears once). */
  nodes: string[];
  moves: TraceMove[];
  /** The customer's mood on arriving at each node (the last arrival when visited more than once). */
  moodAt: Record<string, number>;
}

/**
 * Traces a transcript: every decision is a move from its node to where the conversation went
 * next; any other change of node (an automatic branch) is a branch move.
 *
 * @example traceTranscript(transcript).nodes // ['counter', 'fix', 'done']
 */
export function traceTranscript(transcript: Transcript, startMood?: number): PathTrace {
  const trace: PathTrace = { nodes: [], moves: [], moodAt: {} };
  let current: string | null = null;
  let mood = startMood;
  const visit = (id: string): void => {
    if (trace.nodes[trace.nodes.length - 1] !== id) trace.nodes.push(id);
    if (mood !== undefined) trace.moodAt[id] = mood;
  };
  const arrive = (id: string): void => {
    if (current !== null && current !== id) trace.moves.push({ from: current, to: id, kind: 'branch' });
    current = id;
    visit(id);
  };
  for (const entry of transcript) {
    if (entry.type === 'line' && entry.cause === 'node') arrive(entry.nodeId);
    else if (entry.type === 'decision') {
      if (current === null) arrive(entry.nodeId);
      const kind: MoveKind = entry.kind === 'silence' ? 'silence' : entry.interrupted ? 'interrupt' : 'reply';
      const move: TraceMove = { from: entry.nodeId, to: entry.next, kind };
      if (entry.choiceId !== null) move.replyId = entry.choiceId;
      trace.moves.push(move);
      mood = entry.moodAfter;
      current = entry.next;
      visit(entry.next);
    } else if (entry.type === 'end') arrive(entry.nodeId);
  }
  return trace;
}

/**
 * Replays analysis steps (e.g. the best path of `analyzeScenario`) with the engine's rules and
 * traces the result; null when the steps no longer fit the scenario.
 */
export function traceSteps(scenario: Scenario, steps: readonly PathStep[]): PathTrace | null {
  const replayed = replaySteps(rules.initialContext(scenario), steps);
  if (!replayed) return null;
  const done = replayed.ended ? replayed.context : settle(replayed.context).context;
  return traceTranscript(done.transcript, scenario.customer.mood);
}
