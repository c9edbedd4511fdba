/**
 * Reading the conversation out of a session's stored snapshot, for the window that does not run
 * the conversation (the presenter) and for the summary. Checks only what it reads; never throws.
 */
import type { ConversationContext } from '../conversation/context.ts';
import { decisionsOf, type DecisionEntry, type Transcript } from '../conversation/transcript.ts';
import { visibleRepliesOf } from '../conversation/rules.ts';
import type { Reply, Scenario, Variables } from '../scenario/model.ts';
import type { LiveFigures } from './protocol.ts';

export interface SnapshotReading {
  phase: LiveFigures['phase'];
  nodeId: string;
  variables: Variables;
  transcript: Transcript;
  decisions: DecisionEntry[];
  mood: number;
}

const PHASES = new Set(['speaking', 'awaiting', 'reacting']);

/** The phase of a persisted snapshot's `value` (`{ active: 'awaiting' }`, `'paused'`, `'ended'`). */
export function phaseOfValue(value: unknown): LiveFigures['phase'] {
  if (value === 'paused' || value === 'ended') return value;
  if (typeof value === 'object' && value !== null) {
    const active = (value as { active?: unknown }).active;
    if (typeof active === 'string' && PHASES.has(active)) return active as LiveFigures['phase'];
  }
  return 'idle';
}

/** What a stored snapshot says, or null when it is missing or not a conversation's. */
export function readSnapshot(snapshot: unknown): SnapshotReading | null {
  if (typeof snapshot !== 'object' || snapshot === null) return null;
  const context = (snapshot as { context?: Partial<ConversationContext> }).context;
  if (!context || typeof context.nodeId !== 'string' || !Array.isArray(context.transcript)) return null;
  const transcript = context.transcript as Transcript;
  return {
    phase: phaseOfValue((snapshot as { value?: unknown }).value),
    nodeId: context.nodeId,
    variables: (typeof context.variables === 'object' && context.variables !== null ? context.variables : {}) as Variables,
    transcript,
    decisions: decisionsOf(transcript),
    mood: typeof context.mood === 'number' ? context.mood : 0,
  };
}

/** Replies on offer at the snapshot's node, when the room is deciding (or about to). */
export function repliesNow(scenario: Scenario, reading: SnapshotReading | null): Reply[] {
  if (!reading || reading.phase === 'ended' || reading.phase === 'reacting' || reading.phase === 'idle') return [];
  const node = Object.hasOwn(scenario.nodes, reading.nodeId) ? scenario.nodes[reading.nodeId] : undefined;
  return visibleRepliesOf(node, reading.variables);
}
