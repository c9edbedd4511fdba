/**
 * What the trainer can do in a session, as data, and how each command changes the session. Pure:
 * `applyCommand` returns the new session and the effects the shell must carry out on the running
 * conversation (choose a reply, pause, resume, rewind). The projector window applies commands from
 * its own keys and from the presenter window alike, so both always agree.
 *
 * @example
 * const { session: next, effects } = applyCommand(session, { type: 'vote.open' }, stateOf(actor), Date.now());
 * for (const effect of effects) run(effect);
 */
import type { RoomSession, VoteRecord, VoteRound } from './session.ts';

/** Most replies a decision offers (A–D). */
export const MAX_REPLIES = 4;
export const REPLY_LETTERS = ['A', 'B', 'C', 'D'] as const;

export type RoomCommand =
  | { type: 'choose'; replyId: string }
  /** A–D: choose the n-th reply on offer (0-based), or during a vote, move to its count (or pick it once counted). */
  | { type: 'letter'; index: number }
  | { type: 'pause' }
  | { type: 'reveal' }
  | { type: 'stepBack' }
  | { type: 'blank' }
  | { type: 'help' }
  | { type: 'hotSeat' }
  | { type: 'panel' }
  /** PageDown / Right: the next thing (close a reveal, reveal the last decision, next summary page). */
  | { type: 'next' }
  /** PageUp: the previous summary page; in the conversation, close what is open. */
  | { type: 'previous' }
  | { type: 'vote.open' }
  | { type: 'vote.cancel' }
  | { type: 'vote.digit'; digit: number }
  | { type: 'vote.backspace' }
  | { type: 'vote.set'; replyId: string; count: number }
  | { type: 'vote.enter' }
  | { type: 'summary' }
  | { type: 'close' };

export type RoomEffect =
  | { type: 'choose'; replyId: string }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'rewind'; decision: number };

/** What the shell reads from the running conversation for each command. */
export interface ConversationState {
  phase: 'speaking' | 'awaiting' | 'reacting' | 'paused' | 'ended' | 'idle';
  nodeId: string;
  /** Decisions made so far (the next decision's index). */
  decisionCount: number;
  /** Reply ids on offer now, in order (empty when none). */
  replyIds: readonly string[];
  /** A reply chosen now would be taken (awaiting; or speaking on an early-replies node in the hot seat). */
  canAnswer: boolean;
}

/** Why a command did nothing, for the trainer (a message key in the `room` area). */
export type RoomNotice = 'voteTie' | 'voteEmpty' | 'nothingToReveal' | 'nothingToUndo' | 'notNow' | 'voteNeedsReplies';

export interface CommandResult {
  session: RoomSession;
  effects: RoomEffect[];
  notice: RoomNotice | null;
}

/** Summary pages: overview, vote splits, then one per self-analysis question. */
export function summaryPageCount(questions: number): number {
  return 2 + questions;
}

/** Apply `command` to `session` given the conversation's `state` at wall-clock `now`. */
export function applyCommand(session: RoomSession, command: RoomCommand, state: ConversationState, now: number, questions = 5): CommandResult {
  const result = reduce(session, command, state, questions);
  if (result.session === session) return result;
  return { ...result, session: { ...result.session, seq: session.seq + 1, updatedAt: now } };
}

const same = (session: RoomSession, notice: RoomNotice | null = null): CommandResult => ({ session, effects: [], notice });
const changed = (session: RoomSession, effects: RoomEffect[] = []): CommandResult => ({ session, effects, notice: null });

function reduce(session: RoomSession, command: RoomCommand, state: ConversationState, questions: number): CommandResult {
  switch (command.type) {
    case 'blank':
      return changed({ ...session, blank: !session.blank });
    case 'help':
      return changed({ ...session, help: !session.help });
    case 'hotSeat':
      return changed({ ...session, hotSeat: !session.hotSeat, vote: null });
    case 'panel':
      return changed({ ...session, panel: !session.panel });
    case 'pause':
      return pause(session, state);
    case 'close':
      return close(session);
    case 'choose':
      return choose(session, state, command.replyId, 'trainer');
    case 'letter':
      return letter(session, state, command.index);
    case 'reveal':
      return reveal(session, state);
    case 'stepBack':
      return stepBack(session, state);
    case 'next':
      return next(session, state, questions);
    case 'previous':
      return previous(session);
    case 'summary':
      return state.phase === 'ended' ? changed({ ...session, screen: 'summary', page: 0, reveal: null, help: false, blank: false }) : same(session, 'notNow');
    case 'vote.open':
      return session.vote ? changed({ ...session, vote: null }) : openVote(session, state);
    case 'vote.cancel':
      return session.vote ? changed({ ...session, vote: null }) : same(session);
    case 'vote.digit':
      return voteDigit(session, command.digit);
    case 'vote.backspace':
      return voteBackspace(session);
    case 'vote.set':
      return voteSet(session, command.replyId, command.count);
    case 'vote.enter':
      return voteEnter(session, state);
  }
}

function pause(session: RoomSession, state: ConversationState): CommandResult {
  if (session.paused) return changed({ ...session, paused: false }, [{ type: 'resume' }]);
  if (state.phase === 'ended' || state.phase === 'idle') return same(session, 'notNow');
  return changed({ ...session, paused: true }, [{ type: 'pause' }]);
}

/** Escape: close the topmost thing on the projector (help, reveal, vote, blank). */
function close(session: RoomSession): CommandResult {
  if (session.help) return changed({ ...session, help: false });
  if (session.blank) return changed({ ...session, blank: false });
  if (session.reveal !== null) return changed({ ...session, reveal: null });
  if (session.vote) return changed({ ...session, vote: null });
  return same(session);
}

function choose(session: RoomSession, state: ConversationState, replyId: string, by: VoteRecord['by']): CommandResult {
  if (session.screen !== 'conversation' || session.paused || !state.canAnswer || !state.replyIds.includes(replyId)) return same(session, 'notNow');
  let votes = session.votes;
  const vote = session.vote;
  if (vote && vote.decision === state.decisionCount) {
    votes = [...votes, { decision: vote.decision, nodeId: vote.nodeId, replyIds: vote.replyIds, counts: vote.counts, chosen: replyId, by, superseded: false }];
  }
  return changed({ ...session, vote: null, votes, reveal: null, help: false }, [{ type: 'choose', replyId }]);
}

function letter(session: RoomSession, state: ConversationState, index: number): CommandResult {
  const vote = session.vote;
  if (vote) {
    const replyId = vote.replyIds[index];
    if (replyId === undefined) return same(session, 'notNow');
    // Still counting: the letter moves to that reply's count. Counted: the trainer picks it.
    if (vote.focus < vote.replyIds.length) return changed({ ...session, vote: { ...vote, focus: index, fresh: true } });
    return choose(session, state, replyId, 'trainer');
  }
  const replyId = state.replyIds[index];
  return replyId === undefined ? same(session, 'notNow') : choose(session, state, replyId, 'trainer');
}

function reveal(session: RoomSession, state: ConversationState): CommandResult {
  if (session.reveal !== null) return changed({ ...session, reveal: null });
  if (state.decisionCount === 0) return same(session, 'nothingToReveal');
  const decision = state.decisionCount - 1;
  const revealed = session.revealed.includes(decision) ? session.revealed : [...session.revealed, decision];
  return changed({ ...session, reveal: decision, revealed, vote: null, help: false });
}

function stepBack(session: RoomSession, state: ConversationState): CommandResult {
  if (state.decisionCount === 0 || state.phase === 'idle') return same(session, 'nothingToUndo');
  const to = state.decisionCount - 1;
  const votes = session.votes.map((v) => (v.decision >= to && !v.superseded ? { ...v, superseded: true } : v));
  const effects: RoomEffect[] = [];
  // The machine cannot rewind while paused: resume first, then go back.
  if (session.paused) effects.push({ type: 'resume' });
  effects.push({ type: 'rewind', decision: to });
  return changed(
    {
      ...session,
      votes,
      vote: null,
      reveal: null,
      paused: false,
      screen: 'conversation',
      page: 0,
      stepBacks: [...session.stepBacks, { at: session.updatedAt, from: state.decisionCount, to }],
    },
    effects,
  );
}

function next(session: RoomSession, state: ConversationState, questions: number): CommandResult {
  if (session.blank) return changed({ ...session, blank: false });
  if (session.help) return changed({ ...session, help: false });
  if (session.screen === 'summary') {
    const last = summaryPageCount(questions) - 1;
    return session.page < last ? changed({ ...session, page: session.page + 1 }) : same(session);
  }
  if (session.vote) return voteEnter(session, state);
  if (session.reveal !== null) {
    return state.phase === 'ended' ? changed({ ...session, reveal: null, screen: 'summary', page: 0 }) : changed({ ...session, reveal: null });
  }
  const last = state.decisionCount - 1;
  if (last >= 0 && !session.revealed.includes(last)) return reveal(session, state);
  if (state.phase === 'ended') return changed({ ...session, screen: 'summary', page: 0 });
  return same(session, 'notNow');
}

function previous(session: RoomSession): CommandResult {
  if (session.screen === 'summary') {
    return session.page > 0 ? changed({ ...session, page: session.page - 1 }) : changed({ ...session, screen: 'conversation', page: 0 });
  }
  return close(session);
}

function openVote(session: RoomSession, state: ConversationState): CommandResult {
  if (session.screen !== 'conversation' || !state.canAnswer || state.phase !== 'awaiting' || session.paused) return same(session, 'notNow');
  if (state.replyIds.length === 0) return same(session, 'voteNeedsReplies');
  const replyIds = state.replyIds.slice(0, MAX_REPLIES);
  const round: VoteRound = {
    decision: state.decisionCount,
    nodeId: state.nodeId,
    replyIds,
    counts: Object.fromEntries(replyIds.map((id) => [id, 0])),
    focus: 0,
    fresh: true,
  };
  return changed({ ...session, vote: round, reveal: null, help: false });
}

function voteDigit(session: RoomSession, digit: number): CommandResult {
  const vote = session.vote;
  if (!vote || !Number.isInteger(digit) || digit < 0 || digit > 9) return same(session);
  const replyId = vote.replyIds[vote.focus];
  if (replyId === undefined) return same(session);
  const before = vote.fresh ? 0 : (vote.counts[replyId] ?? 0);
  const count = Math.min(999, before * 10 + digit);
  return changed({ ...session, vote: { ...vote, counts: { ...vote.counts, [replyId]: count }, fresh: false } });
}

function voteBackspace(session: RoomSession): CommandResult {
  const vote = session.vote;
  if (!vote) return same(session);
  const replyId = vote.replyIds[vote.focus];
  if (replyId === undefined) {
    // Counted: go back to the last reply's count.
    return changed({ ...session, vote: { ...vote, focus: Math.max(0, vote.replyIds.length - 1), fresh: false } });
  }
  const count = Math.floor((vote.counts[replyId] ?? 0) / 10);
  return changed({ ...session, vote: { ...vote, counts: { ...vote.counts, [replyId]: count }, fresh: false } });
}

function voteSet(session: RoomSession, replyId: string, count: number): CommandResult {
  const vote = session.vote;
  if (!vote || !vote.replyIds.includes(replyId)) return same(session);
  const value = Math.min(999, Math.max(0, Math.round(Number.isFinite(count) ? count : 0)));
  return changed({ ...session, vote: { ...vote, counts: { ...vote.counts, [replyId]: value } } });
}

/** The reply with the most hands, or null on a tie or when nobody voted. */
export function voteWinner(vote: Pick<VoteRound, 'replyIds' | 'counts'>): string | null {
  let best: string | null = null;
  let bestCount = 0;
  let tie = false;
  for (const id of vote.replyIds) {
    const count = vote.counts[id] ?? 0;
    if (count > bestCount) {
      best = id;
      bestCount = count;
      tie = false;
    } else if (count === bestCount && count > 0) tie = true;
  }
  return tie ? null : best;
}

/** Enter: next reply's count; once all are in, play the most-voted reply. */
function voteEnter(session: RoomSession, state: ConversationState): CommandResult {
  const vote = session.vote;
  if (!vote) return same(session);
  if (vote.focus < vote.replyIds.length) return changed({ ...session, vote: { ...vote, focus: vote.focus + 1, fresh: true } });
  const total = vote.replyIds.reduce((sum, id) => sum + (vote.counts[id] ?? 0), 0);
  if (total === 0) return same(session, 'voteEmpty');
  const winner = voteWinner(vote);
  if (winner === null) return same(session, 'voteTie');
  return choose(session, state, winner, 'vote');
}
