/**
 * The conversation screen's view-model: everything the Conversation scene draws, derived from
 * the machine's state (through the scene) and the player's settings. Pure: no timers, no engine.
 */
import type { DecisionEntry, LineEntry } from '../conversation/transcript.ts';
import type { Reply, Scenario } from '../scenario/model.ts';
import type { Expression, Outcome, PortraitId } from '../scenario/vocabulary.ts';
import { clampMood, colourCss, moodBand, moodExpression, MOOD_BADGE_COLOURS, MOOD_COLOURS, type MoodBand } from './conversationMood.ts';
import type { Translate } from './conversationText.ts';

/** A caption source: a customer line, or a decision (replies show as the trainee's own line). */
export type CaptionEntry = LineEntry | DecisionEntry;

/** Where the conversation is, as the scene reads it from the machine. */
export type ConversationPhase = 'speaking' | 'awaiting' | 'reacting' | 'ended';

/** What the scene hands in: a flat reading of the machine snapshot and the driver's progress. */
export interface ConversationInput {
  scenario: Scenario;
  nodeId: string;
  phase: ConversationPhase;
  paused: boolean;
  mood: number;
  /**
   * The latest lines of the conversation, oldest first: the customer's lines (the last may still
   * be spoken) and the trainee's replies between them.
   */
  lines: readonly CaptionEntry[];
  /** How much of the last line has been spoken, 0..1 (1 once finished). */
  lineProgress: number;
  /** Replies offered at this node, conditions already applied, in file order. */
  replies: readonly Reply[];
  /** How much of the node's silence time has passed, 0..1; null while no silence rule is running. */
  silenceProgress: number | null;
  /** Set once the conversation has ended. */
  outcome: Outcome | null;
  /** Increases with every new customer turn (node, reaction, picking up again); keys the one-off cue announcement. */
  turn: number;
  /** The machine says the replies are open now (finished, or still talking on a node with early replies). */
  repliesOpen: boolean;
  /** The machine says answering now would interrupt the customer. */
  wouldInterrupt: boolean;
}

/** The parts of the player's settings this view needs. */
export interface ConversationViewSettings {
  facilitatorMode: boolean;
  reducedMotion: boolean;
}

export interface MoodView {
  value: number;
  /** value / 100, for the meter's fill. */
  fraction: number;
  band: MoodBand;
  /** e.g. "Upset". */
  label: string;
  /** Accessible description, e.g. "Mood: upset (62 of 100)". */
  description: string;
  /** The meter's fill colour. */
  colour: number;
  colourCss: string;
  /** Background for the mood word (white text on it meets WCAG AA). */
  badgeCss: string;
  /** Where the customer walks out, 0..1 along the meter. */
  walkOutFraction: number;
}

export interface CaptionView {
  /** Stable per line: the scene announces a line once when its key first appears. */
  key: string;
  speaker: string;
  /** The whole line (for the live region and for layout). */
  text: string;
  /** The part already spoken (whole words). */
  shown: string;
  /** The part still to come; drawn invisibly so the text does not reflow as it grows. */
  rest: string;
  current: boolean;
  /** A reaction to being interrupted or left waiting, not a scripted line of the node. */
  reaction: boolean;
  /** The trainee's own reply, not the customer's words. */
  own: boolean;
  /** Stage direction (what the speaker does), shown in brackets in a distinct style; null when none. */
  action: string | null;
  /** The trainee's reply was given over the customer (an interruption). */
  cutIn: boolean;
}

export interface ReplyView {
  /** 1..4: the key that chooses it. */
  number: number;
  id: string;
  text: string;
  /** Choosing it now talks over the customer. */
  interrupts: boolean;
  /** Stage direction: what you do while saying it, e.g. "turns to the screen"; null when none. */
  action: string | null;
  /** Accessible name of the button. */
  label: string;
}

export interface SilenceCueView {
  /** 1 when the wait begins, falling to 0 when the silence rule applies; drives a fading ring. */
  remaining: number;
  /** Ring opacity: fades slowly, never flashes. */
  opacity: number;
  /** A gentle words-only cue shown in the second half of the wait, else null. */
  text: string | null;
}

export interface ConversationView {
  title: string;
  customerName: string;
  portrait: { id: PortraitId; expression: Expression };
  mood: MoodView;
  captions: CaptionView[];
  /** The newest line, for the aria-live region; null before the customer speaks. */
  announce: { key: string; text: string } | null;
  replies: ReplyView[];
  repliesVisible: boolean;
  /** Heading above the replies, e.g. "Your reply". */
  repliesHeading: string;
  /** Quiet cue while the customer talks, e.g. "Marja is still talking…". */
  talkingCue: string | null;
  /**
   * Said once to screen readers when replies open while the customer still talks ("you can
   * answer now, but it cuts her off"); the key changes once per customer turn.
   */
  talkingAnnouncement: { key: string; text: string } | null;
  /** Shown above early replies: answering now would interrupt. */
  interruptNote: string | null;
  silence: SilenceCueView | null;
  paused: boolean;
  /** Facilitator note for this node (facilitator mode only). */
  facilitator: string | null;
  /** Keyboard hint line. */
  keysHint: string;
  /** Tween length for portrait and meter changes (0 with reduced motion). */
  tweenMs: number;
  /** Set when the conversation is over: the scene moves on to the debrief. */
  ended: { outcome: Outcome } | null;
}

/** At most this many caption lines (customer's and trainee's) stay on screen; older ones scroll away. */
export const CAPTION_LINES = 4;

/**
 * Build the conversation view-model.
 * @example presentConversation(input, { facilitatorMode: false, reducedMotion: false }, t).replies[0].number // 1
 */
export function presentConversation(
  input: ConversationInput,
  settings: ConversationViewSettings,
  t: Translate,
): ConversationView {
  const { scenario } = input;
  const name = scenario.customer.name;
  const node = scenario.nodes[input.nodeId];
  const talking = (input.phase === 'speaking' || input.phase === 'reacting') && !input.paused;
  const repliesVisible = !input.paused && input.repliesOpen && input.replies.length > 0;
  const interrupting = input.wouldInterrupt;
  const captions = presentCaptions(input, name, t('conversation.you'), t('conversation.youCutIn'));
  const last = [...captions].reverse().find((c) => !c.own);
  return {
    title: scenario.title,
    customerName: name,
    portrait: { id: scenario.customer.portrait, expression: portraitExpression(input) },
    mood: presentMood(input.mood, scenario.customer.walksOutAt, t),
    captions,
    announce: last ? { key: last.key, text: announceText(name, last, t) } : null,
    replies: repliesVisible ? presentReplies(input.replies, interrupting, name, t) : [],
    repliesVisible,
    repliesHeading: t('conversation.repliesHeading'),
    talkingCue: talking ? t('conversation.stillTalking', { name }) : null,
    talkingAnnouncement:
      repliesVisible && interrupting ? { key: `turn:${input.turn}`, text: t('conversation.stillTalkingAnnounce', { name }) } : null,
    interruptNote: repliesVisible && interrupting ? t('conversation.interruptNote', { name }) : null,
    silence: presentSilence(input, name, t),
    paused: input.paused,
    facilitator: settings.facilitatorMode ? (node?.facilitator ?? scenario.facilitator ?? null) : null,
    keysHint: t(settings.facilitatorMode ? 'conversation.keysHintFacilitator' : 'conversation.keysHint'),
    tweenMs: settings.reducedMotion ? 0 : 450,
    ended: input.phase === 'ended' && input.outcome ? { outcome: input.outcome } : null,
  };
}

/** The face follows the line being spoken; between lines it follows the mood. */
function portraitExpression(input: ConversationInput): Expression {
  const last = lastCustomerLine(input.lines);
  if (input.phase === 'ended' || input.phase === 'reacting') return last?.expression ?? moodExpression(input.mood);
  if (!last) return moodExpression(input.mood);
  if (input.phase === 'speaking') return last.expression;
  // Waiting for a reply: keep the face of the last line unless the mood has drifted a band away from it.
  return expressionFitsMood(last.expression, input.mood) ? last.expression : moodExpression(input.mood);
}

const FACE_BANDS: Readonly<Record<Expression, readonly MoodBand[]>> = {
  neutral: ['calm', 'uneasy'],
  worried: ['calm', 'uneasy', 'upset'],
  sad: ['calm', 'uneasy', 'upset'],
  annoyed: ['uneasy', 'upset'],
  angry: ['upset', 'furious'],
  furious: ['furious', 'upset'],
  relieved: ['calm'],
  happy: ['calm'],
};

function expressionFitsMood(expression: Expression, mood: number): boolean {
  return FACE_BANDS[expression].includes(moodBand(mood));
}

/** The mood meter's view. */
export function presentMood(mood: number, walksOutAt: number, t: Translate): MoodView {
  const value = clampMood(mood);
  const band = moodBand(value);
  const label = t(`conversation.mood_${band}`);
  const colour = MOOD_COLOURS[band];
  return {
    value,
    fraction: value / 100,
    band,
    label,
    description: t('conversation.moodDescription', { band: label, value }),
    colour,
    colourCss: colourCss(colour),
    badgeCss: colourCss(MOOD_BADGE_COLOURS[band]),
    walkOutFraction: clampMood(walksOutAt) / 100,
  };
}

function lastCustomerLine(entries: readonly CaptionEntry[]): LineEntry | undefined {
  for (let i = entries.length - 1; i >= 0; i -= 1) {
    const entry = entries[i];
    if (entry?.type === 'line') return entry;
  }
  return undefined;
}

function presentCaptions(input: ConversationInput, speaker: string, you: string, youCutIn: string): CaptionView[] {
  const entries = input.lines.flatMap((entry) => (entry.type === 'line' || replyOf(input, entry) !== undefined ? [entry] : []));
  const shownEntries = entries.slice(-CAPTION_LINES);
  return shownEntries.map((entry, i) => {
    const current = i === shownEntries.length - 1;
    if (entry.type === 'decision') {
      const reply = replyOf(input, entry);
      const text = reply?.say ?? '';
      return {
        key: `${entry.at}:${entry.nodeId}:decision:${entry.index}`,
        speaker: entry.interrupted ? youCutIn : you,
        text,
        shown: text,
        rest: '',
        current,
        reaction: false,
        own: true,
        action: reply?.action ?? null,
        cutIn: entry.interrupted,
      };
    }
    const talking = input.phase === 'speaking' || input.phase === 'reacting';
    const progress = current && talking ? input.lineProgress : 1;
    const { shown, rest } = splitSpoken(entry.text, progress);
    return {
      key: `${entry.at}:${entry.nodeId}:${entry.index}:${entry.cause}`,
      speaker,
      text: entry.text,
      shown,
      rest,
      current,
      reaction: entry.cause !== 'node',
      own: false,
      action: lineAction(input, entry),
      cutIn: false,
    };
  });
}

/** The stage direction of a customer line (see `stageDirectionOf`). */
function lineAction(input: ConversationInput, entry: LineEntry): string | null {
  return stageDirectionOf(input.scenario, entry);
}

/**
 * The stage direction of a recorded customer line: recorded with the line, else the scripted
 * line it came from (the node's line, its reaction to an interruption or its silence prompt).
 */
export function stageDirectionOf(scenario: Scenario, entry: LineEntry): string | null {
  const recorded = (entry as LineEntry & { action?: string }).action;
  if (recorded !== undefined) return recorded.trim() || null;
  const node = scenario.nodes[entry.nodeId];
  if (!node) return null;
  const scripted =
    entry.cause === 'node'
      ? node.says[entry.index]
      : entry.cause === 'interrupted'
        ? (node.interrupted ?? scenario.interrupted)?.says.find((line) => line.text === entry.text)
        : [node.silence?.say, scenario.silence.say].find((line) => line?.text === entry.text);
  return scripted?.action?.trim() || null;
}

/** The reply the trainee gave at a decision; undefined for a silence or an unknown reply. */
function replyOf(input: ConversationInput, entry: DecisionEntry): Reply | undefined {
  if (entry.kind !== 'reply' || entry.choiceId === null) return undefined;
  return input.scenario.nodes[entry.nodeId]?.replies.find((r) => r.id === entry.choiceId);
}

/**
 * Split a line into its spoken part (whole words) and the rest, at a 0..1 progress.
 * @example splitSpoken('I took a morning off', 0.35) // { shown: 'I took a', rest: ' morning off' }
 */
export function splitSpoken(text: string, progress: number): { shown: string; rest: string } {
  const p = Number.isFinite(progress) ? Math.min(1, Math.max(0, progress)) : 1;
  if (p >= 1) return { shown: text, rest: '' };
  if (p <= 0) return { shown: '', rest: text };
  let cut = Math.ceil(text.length * p);
  while (cut < text.length && !/\s/.test(text.charAt(cut))) cut += 1;
  return { shown: text.slice(0, cut), rest: text.slice(cut) };
}

/** "Marja: (slaps the receipt down) I want my money back." */
function announceText(name: string, caption: CaptionView, t: Translate): string {
  const action = caption.action ? `${t('conversation.action', { action: caption.action })} ` : '';
  return `${name}: ${action}${caption.text}`;
}

function presentReplies(replies: readonly Reply[], interrupting: boolean, name: string, t: Translate): ReplyView[] {
  return replies.slice(0, 4).map((reply, i) => {
    const number = i + 1;
    const action = reply.action?.trim() || null;
    const words = action ? `${t('conversation.action', { action })} ${reply.say}` : reply.say;
    const base = t('conversation.replyLabel', { number, text: words });
    return {
      number,
      id: reply.id,
      text: reply.say,
      interrupts: interrupting,
      action,
      label: interrupting ? `${base} ${t('conversation.replyInterrupts', { name })}` : base,
    };
  });
}

function presentSilence(input: ConversationInput, name: string, t: Translate): SilenceCueView | null {
  if (input.silenceProgress === null || input.phase !== 'awaiting' || input.paused) return null;
  const passed = Math.min(1, Math.max(0, input.silenceProgress));
  const remaining = 1 - passed;
  return {
    remaining,
    // From 0.9 down to 0.35: always visible, fading slowly, never alarming.
    opacity: Math.round((0.35 + 0.55 * remaining) * 100) / 100,
    text: passed >= 0.5 ? t('conversation.silenceWaiting', { name }) : null,
  };
}
