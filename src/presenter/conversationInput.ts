/**
 * Reads a conversation snapshot (plus the driver's timing) into the flat input the
 * conversation view-model takes. Pure, so the scene stays a thin adapter.
 */
import {
  selectActivePhase,
  selectEnding,
  selectIsPaused,
  selectRepliesOpen,
  selectVisibleReplyModels,
  selectWouldInterrupt,
  type ConversationSnapshotLike,
} from '../conversation/selectors.ts';
import type { CaptionEntry, ConversationInput } from './conversation.ts';
import { CAPTION_LINES } from './conversation.ts';

/** Timing only the driver knows: how far the current line and the silence wait have got. */
export interface SpeechProgress {
  /** 0..1 of the line being spoken (1 when none is). */
  lineProgress: number;
  /** 0..1 of the silence time passed; null while no silence timer runs. */
  silenceProgress: number | null;
}

/**
 * Build the view input from a snapshot and the driver's progress.
 * @example presentConversation(conversationInput(actor.getSnapshot(), driver.progress()), settings, t)
 */
export function conversationInput(snapshot: ConversationSnapshotLike, progress: SpeechProgress): ConversationInput {
  const { context } = snapshot;
  const phase = selectActivePhase(snapshot);
  return {
    scenario: context.scenario,
    nodeId: context.nodeId,
    phase,
    paused: selectIsPaused(snapshot),
    mood: context.mood,
    lines: recentLines(context.transcript),
    lineProgress: phase === 'speaking' || phase === 'reacting' ? progress.lineProgress : 1,
    replies: selectVisibleReplyModels(snapshot),
    silenceProgress: phase === 'awaiting' ? progress.silenceProgress : null,
    outcome: phase === 'ended' ? (selectEnding(snapshot)?.outcome ?? null) : null,
    turn: context.turn,
    repliesOpen: selectRepliesOpen(snapshot),
    wouldInterrupt: selectWouldInterrupt(snapshot),
  };
}

function recentLines(transcript: ConversationSnapshotLike['context']['transcript']): CaptionEntry[] {
  const lines: CaptionEntry[] = [];
  for (let i = transcript.length - 1; i >= 0 && lines.length < CAPTION_LINES; i -= 1) {
    const entry = transcript[i];
    if (entry?.type === 'line' || (entry?.type === 'decision' && entry.kind === 'reply')) lines.unshift(entry);
  }
  return lines;
}
