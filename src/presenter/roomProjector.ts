/**
 * The projector view-model: what the room sees. The customer's line large, the replies as A–D,
 * a bar per reply during a vote, what a reply did once the trainer reveals it, the key help, and
 * nothing about scoring until revealed (no mood meter, no tags, no verdicts). Pure.
 *
 * Outside the hot seat the replies appear only once the customer has finished: a discussion is
 * not a silence, and nobody can cut the customer off by calling out early.
 */
import { voteWinner, REPLY_LETTERS } from '../classroom/commands.ts';
import type { RoomSession } from '../classroom/session.ts';
import type { Scenario } from '../scenario/model.ts';
import type { Expression, PortraitId } from '../scenario/vocabulary.ts';
import type { DecisionView } from './debrief.ts';
import { presentConversation, type CaptionView, type ConversationInput } from './conversation.ts';
import type { Translate } from './conversationText.ts';

export interface RoomReplyView {
  letter: string;
  id: string;
  text: string;
  action: string | null;
  /** Accessible name, e.g. "B: I'm sorry, that's…". */
  label: string;
  /** During a vote: hands for this reply. */
  vote: { count: number; fraction: number; focused: boolean; winner: boolean; text: string } | null;
}

export interface RoomVoteView {
  heading: string;
  /** What to do next, e.g. "Type the hands for B, then Enter." */
  instruction: string;
  total: number;
  totalText: string;
  counted: boolean;
  tie: boolean;
}

export interface RoomRevealView {
  heading: string;
  youSaid: string | null;
  good: string[];
  bad: string[];
  notes: string[];
  moodText: string;
  feedback: string | null;
  better: { heading: string; text: string; why: string } | null;
  labels: { good: string; bad: string; feedback: string; close: string };
}

export interface RoomProjectorView {
  title: string;
  customerName: string;
  portrait: { id: PortraitId; expression: Expression };
  /** The latest lines: the customer's current line (large) and the class's last reply. */
  captions: CaptionView[];
  announce: { key: string; text: string } | null;
  repliesHeading: string;
  replies: RoomReplyView[];
  repliesVisible: boolean;
  /** "Maija is still talking…" while the customer speaks. */
  talkingCue: string | null;
  status: Array<{ id: 'paused' | 'hotSeat' | 'ended' | 'waiting'; text: string }>;
  vote: RoomVoteView | null;
  reveal: RoomRevealView | null;
  ended: { heading: string; text: string } | null;
  blank: boolean;
  help: boolean;
  keysHint: string;
  tweenMs: number;
}

export interface RoomProjectorInput {
  scenario: Scenario;
  session: RoomSession;
  /** The conversation as the scene reads it; null until the actor runs. */
  conversation: ConversationInput | null;
  /** The debrief card of the revealed decision (from `presentDebrief`), when one is revealed. */
  revealed: DecisionView | null;
  reducedMotion: boolean;
}

/** The room's view of the conversation now. */
export function presentRoomProjector(input: RoomProjectorInput, t: Translate): RoomProjectorView {
  const { scenario, session } = input;
  const name = scenario.customer.name;
  const base = input.conversation
    ? presentConversation(input.conversation, { facilitatorMode: false, reducedMotion: input.reducedMotion }, t)
    : null;
  const phase = input.conversation?.phase ?? 'speaking';
  const ended = phase === 'ended';
  const open = base !== null && !session.paused && (session.hotSeat ? base.repliesVisible : phase === 'awaiting' && base.repliesVisible);
  const vote = session.vote;
  const counted = vote !== null && vote.focus >= vote.replyIds.length;
  const total = vote ? vote.replyIds.reduce((sum, id) => sum + (vote.counts[id] ?? 0), 0) : 0;
  const winner = vote && counted ? voteWinner(vote) : null;
  const replies: RoomReplyView[] = open && base
    ? base.replies.slice(0, REPLY_LETTERS.length).map((r, i) => {
        const letter = REPLY_LETTERS[i]!;
        const inVote = vote?.replyIds.includes(r.id) ? vote : null;
        const count = inVote?.counts[r.id] ?? 0;
        return {
          letter,
          id: r.id,
          text: r.text,
          action: r.action,
          label: `${letter}: ${r.action ? `${t('conversation.action', { action: r.action })} ` : ''}${r.text}`,
          vote: inVote
            ? {
                count,
                fraction: total === 0 ? 0 : count / total,
                focused: !counted && inVote.replyIds[inVote.focus] === r.id,
                winner: winner === r.id,
                text: t('room.handsCount', { count }),
              }
            : null,
        };
      })
    : [];
  const focusLetter = vote && !counted ? (REPLY_LETTERS[vote.focus] ?? '') : '';
  const status: RoomProjectorView['status'] = [];
  if (session.paused) status.push({ id: 'paused', text: t('room.statusPaused') });
  if (session.hotSeat) status.push({ id: 'hotSeat', text: t('room.statusHotSeat') });
  if (!session.paused && !ended && !session.hotSeat && phase === 'awaiting') status.push({ id: 'waiting', text: t('room.statusDiscuss', { name }) });
  const revealed = input.revealed;
  return {
    title: scenario.title,
    customerName: name,
    portrait: base?.portrait ?? { id: scenario.customer.portrait, expression: 'neutral' },
    captions: (base?.captions ?? []).slice(-2),
    announce: base?.announce ?? null,
    repliesHeading: t('room.repliesHeading'),
    replies,
    repliesVisible: open && replies.length > 0,
    talkingCue: !ended && !session.paused && (phase === 'speaking' || phase === 'reacting') ? t('conversation.stillTalking', { name }) : null,
    status,
    vote: vote
      ? {
          heading: t('room.voteHeading'),
          instruction: counted
            ? winner
              ? t('room.voteCounted', { letter: REPLY_LETTERS[vote.replyIds.indexOf(winner)] ?? '' })
              : total === 0
                ? t('room.voteNobody')
                : t('room.voteTie')
            : t('room.voteEnter', { letter: focusLetter }),
          total,
          totalText: t('room.voteTotal', { count: total }),
          counted,
          tie: counted && winner === null && total > 0,
        }
      : null,
    reveal: revealed
      ? {
          heading: t('room.revealHeading', { number: revealed.number }),
          youSaid: revealed.youSaid ?? revealed.silenceText,
          good: revealed.good,
          bad: revealed.bad,
          notes: revealed.notes,
          moodText: revealed.moodText,
          feedback: revealed.feedback,
          better: revealed.better,
          labels: { good: t('room.revealGood'), bad: t('room.revealBad'), feedback: t('room.revealFeedback'), close: t('room.revealClose') },
        }
      : null,
    ended: ended ? { heading: t('room.endedHeading'), text: t('room.endedText') } : null,
    blank: session.blank,
    help: session.help,
    keysHint: t('room.keysHint'),
    tweenMs: base?.tweenMs ?? 0,
  };
}

/** Every key of the room, for the help overlay and the docs: [keys, what it does]. */
export function roomKeys(t: Translate): Array<{ keys: string; action: string }> {
  const rows: Array<[string, string]> = [
    ['A B C D', 'room.keyLetters'],
    ['V', 'room.keyVote'],
    ['0–9, Enter', 'room.keyVoteCount'],
    ['R', 'room.keyReveal'],
    ['P', 'room.keyPause'],
    ['←', 'room.keyBack'],
    ['PageDown →', 'room.keyNext'],
    ['PageUp', 'room.keyPrevious'],
    ['H', 'room.keyHotSeat'],
    ['B  .', 'room.keyBlank'],
    ['F', 'room.keyFullscreen'],
    ['N', 'room.keyPanel'],
    ['W', 'room.keyPresenter'],
    ['S', 'room.keySummary'],
    ['J  E', 'room.keyExport'],
    ['Esc', 'room.keyClose'],
    ['?', 'room.keyHelp'],
  ];
  return rows.map(([keys, key]) => ({ keys, action: t(key) }));
}
