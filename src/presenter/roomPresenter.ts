/**
 * The trainer's view-model (the presenter window, or the panel on a single screen): what only the
 * trainer should see. The scenario's and the current node's facilitator notes, every reply with its
 * tags, mood change, verdict and where it leads, the analyzer's best path beside the class's path,
 * the elapsed time, and the controls with their keys. Pure.
 */
import { REPLY_LETTERS } from '../classroom/commands.ts';
import type { LiveFigures } from '../classroom/protocol.ts';
import type { RoomSession } from '../classroom/session.ts';
import type { BestStep, ClassStep } from '../classroom/summary.ts';
import type { DecisionEntry } from '../conversation/transcript.ts';
import type { Reply, Scenario } from '../scenario/model.ts';
import { verdictOf } from '../scoring/decisions.ts';
import type { Rubric } from '../scoring/rubric.ts';
import type { Translate } from './conversationText.ts';

export interface TrainerReplyView {
  letter: string;
  id: string;
  text: string;
  /** Tag names, e.g. "named the customer's feelings". */
  tags: string[];
  verdict: 'good' | 'neutral' | 'trust-ruining' | 'auto-fail';
  verdictText: string;
  moodText: string;
  /** "→ refund-offer" or "→ ends: Resolved". */
  leadsTo: string;
  /** The analyzer's best path takes this reply here. */
  best: boolean;
  /** Hands in the running vote, when one runs. */
  votes: number | null;
}

export interface TrainerControl {
  command: string;
  label: string;
  /** The keys, as shown on the button: "P", "B or .". */
  keys: string;
  /** The key announced to assistive tech (aria-keyshortcuts) when it is not the first of `keys`. */
  shortcut?: string;
  pressed?: boolean;
  disabled?: boolean;
}

export interface RoomPresenterView {
  heading: string;
  title: string;
  elapsedText: string;
  phaseText: string;
  modeText: string;
  connection: string | null;
  scenarioNote: { heading: string; text: string } | null;
  nodeNote: { heading: string; text: string } | null;
  repliesHeading: string;
  replies: TrainerReplyView[];
  noReplies: string | null;
  paths: {
    heading: string;
    classHeading: string;
    bestHeading: string;
    rows: Array<{ number: number; classText: string; bestText: string; same: boolean }>;
    bestScore: string | null;
  };
  controls: TrainerControl[];
  exports: { heading: string; json: string; html: string };
}

export interface RoomPresenterInput {
  scenario: Scenario;
  session: RoomSession;
  /** Null while the projector has not answered (closed, or still loading). */
  live: LiveFigures | null;
  nodeId: string;
  /** Replies on offer now (conditions applied). */
  replies: readonly Reply[];
  decisions: readonly DecisionEntry[];
  classPath: readonly ClassStep[];
  bestPath: readonly BestStep[];
  bestScore: number | null;
  rubric: Rubric;
  /** Wall-clock now, for the elapsed time. */
  now: number;
}

/** "12:05" from ms. */
export function clockText(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}

function tagName(tag: string, t: Translate): string {
  return t(`debrief.tag_${tag}`);
}

function leadsTo(scenario: Scenario, reply: Reply, t: Translate): string {
  const target = Object.hasOwn(scenario.nodes, reply.next) ? scenario.nodes[reply.next] : undefined;
  if (target?.end) return t('room.leadsToEnd', { outcome: t(`debrief.outcome_${target.end.outcome}`), node: reply.next });
  return t('room.leadsTo', { node: reply.next });
}

function moodText(mood: number, t: Translate): string {
  if (mood === 0) return t('room.moodSame');
  return mood > 0 ? t('room.moodUp', { points: mood }) : t('room.moodDown', { points: -mood });
}

export function presentRoomPresenter(input: RoomPresenterInput, t: Translate): RoomPresenterView {
  const { scenario, session, live } = input;
  const node = Object.hasOwn(scenario.nodes, input.nodeId) ? scenario.nodes[input.nodeId] : undefined;
  const decision = input.decisions.length;
  const bestHere = input.bestPath[decision];
  const onBestPath = input.classPath.every((s) => s.matchesBest);
  const vote = session.vote;
  const replies = input.replies.slice(0, REPLY_LETTERS.length).map((reply, i): TrainerReplyView => {
    const verdict = verdictOf(reply.tags, input.rubric);
    return {
      letter: REPLY_LETTERS[i]!,
      id: reply.id,
      text: reply.say,
      tags: reply.tags.map((tag) => tagName(tag, t)),
      verdict,
      verdictText: t(`room.verdict_${verdict}`),
      moodText: moodText(reply.mood, t),
      leadsTo: leadsTo(scenario, reply, t),
      best: onBestPath && bestHere !== undefined && bestHere.nodeId === input.nodeId && bestHere.choiceId === reply.id,
      votes: vote && vote.replyIds.includes(reply.id) ? (vote.counts[reply.id] ?? 0) : null,
    };
  });
  const phase = live?.phase ?? 'idle';
  const rows = Array.from({ length: Math.max(input.classPath.length, input.bestPath.length) }, (_, i) => {
    const c = input.classPath[i];
    const b = input.bestPath[i];
    const stepText = (letter: string | null, text: string | null) => (letter ? `${letter}: ${text ?? ''}` : t('room.silence'));
    return {
      number: i + 1,
      classText: c ? stepText(c.letter, c.text) : '',
      bestText: b ? stepText(b.letter, b.text) : '',
      same: c?.matchesBest ?? false,
    };
  });
  const ended = phase === 'ended';
  return {
    heading: t('room.presenterHeading'),
    title: scenario.title,
    elapsedText: t('room.elapsed', { time: clockText(input.now - session.createdAt) }),
    phaseText: t(`room.phase_${phase}`, { name: scenario.customer.name }),
    modeText: session.hotSeat ? t('room.modeHotSeat') : t('room.modeRoom'),
    connection: live === null ? t('room.projectorMissing') : null,
    scenarioNote: scenario.facilitator ? { heading: t('room.scenarioNote'), text: scenario.facilitator } : null,
    nodeNote: node?.facilitator ? { heading: t('room.nodeNote'), text: node.facilitator } : null,
    repliesHeading: t('room.trainerReplies', { number: decision + 1 }),
    replies,
    noReplies: replies.length === 0 ? t(ended ? 'room.noRepliesEnded' : 'room.noRepliesYet') : null,
    paths: {
      heading: t('room.pathsHeading'),
      classHeading: t('room.classPath'),
      bestHeading: t('room.bestPath'),
      rows,
      bestScore: input.bestScore === null ? null : t('room.bestScore', { score: input.bestScore }),
    },
    controls: [
      { command: 'pause', label: session.paused ? t('room.resume') : t('room.pause'), keys: 'P', pressed: session.paused },
      { command: 'vote.open', label: vote ? t('room.voteCancel') : t('room.voteOpen'), keys: 'V', pressed: vote !== null },
      { command: 'reveal', label: t('room.reveal'), keys: 'R', pressed: session.reveal !== null, disabled: decision === 0 },
      { command: 'stepBack', label: t('room.stepBack'), keys: '←', disabled: decision === 0 },
      { command: 'next', label: t('room.next'), keys: 'PageDown' },
      { command: 'hotSeat', label: t('room.hotSeat'), keys: 'H', pressed: session.hotSeat },
      { command: 'blank', label: t('room.blank'), keys: t('room.blankKeys'), shortcut: '.', pressed: session.blank },
      { command: 'help', label: t('room.help'), keys: '?', pressed: session.help },
      { command: 'summary', label: t('room.summary'), keys: 'S', disabled: !ended },
    ],
    exports: { heading: t('room.exportHeading'), json: t('room.exportJson'), html: t('room.exportHtml') },
  };
}
