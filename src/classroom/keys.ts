/**
 * The room's keys, one table for the projector and the presenter windows. Presentation clickers
 * send PageDown/PageUp, the arrow keys, B or a period; a keyboard does the rest.
 *
 * B is both "reply B" and a clicker's "blank the screen": while replies are on screen (or a vote
 * runs) B is reply B, otherwise it blanks; the period always blanks. On a blanked screen B and the
 * period always bring the picture back (the room cannot see the replies, so B is not a reply then).
 */
import type { RoomCommand } from './commands.ts';

/** Actions only the window itself can do (no session change). */
export type LocalAction = 'fullscreen' | 'openPresenter' | 'exportJson' | 'exportHtml';

export type KeyAction = { command: RoomCommand } | { local: LocalAction } | null;

export interface KeyContext {
  /** Replies are on screen and can be chosen now. */
  repliesOpen: boolean;
  voteOpen: boolean;
  screen: 'conversation' | 'summary';
  /** The projector is blanked. */
  blank?: boolean;
}

const LETTERS = ['a', 'b', 'c', 'd'];

/** What a key press does in the room, or null when the key is not the room's. */
export function keyAction(key: string, context: KeyContext): KeyAction {
  const k = key.length === 1 ? key.toLowerCase() : key;
  if (context.voteOpen) {
    if (/^[0-9]$/.test(k)) return { command: { type: 'vote.digit', digit: Number(k) } };
    if (k === 'Enter') return { command: { type: 'vote.enter' } };
    if (k === 'Backspace') return { command: { type: 'vote.backspace' } };
    if (k === 'v') return { command: { type: 'vote.cancel' } };
  }
  if (context.blank && (k === 'b' || k === '.')) return { command: { type: 'blank' } };
  const letter = LETTERS.indexOf(k);
  if (letter >= 0 && (context.repliesOpen || context.voteOpen) && context.screen === 'conversation') {
    return { command: { type: 'letter', index: letter } };
  }
  switch (k) {
    case 'b':
    case '.':
      return { command: { type: 'blank' } };
    case 'p':
      return { command: { type: 'pause' } };
    case 'r':
      return { command: { type: 'reveal' } };
    case 'v':
      return { command: { type: 'vote.open' } };
    case 'h':
      return { command: { type: 'hotSeat' } };
    case 'n':
      return { command: { type: 'panel' } };
    case 's':
      return { command: { type: 'summary' } };
    case '?':
      return { command: { type: 'help' } };
    case 'Escape':
      return { command: { type: 'close' } };
    case 'ArrowLeft':
      return context.screen === 'summary' ? { command: { type: 'previous' } } : { command: { type: 'stepBack' } };
    case 'PageUp':
    case 'ArrowUp':
      return { command: { type: 'previous' } };
    case 'PageDown':
    case 'ArrowRight':
    case 'ArrowDown':
      return { command: { type: 'next' } };
    case 'f':
      return { local: 'fullscreen' };
    case 'w':
      return { local: 'openPresenter' };
    case 'j':
      return { local: 'exportJson' };
    case 'e':
      return { local: 'exportHtml' };
    default:
      return null;
  }
}
