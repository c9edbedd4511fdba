import { describe, expect, test } from 'vitest';
import { isRoomCommand, message, parseMessage } from '../../src/classroom/protocol.ts';
import { activeVotes, newSessionId, parseSession, ROOM_VERSION, sessionKey } from '../../src/classroom/session.ts';
import { parseRoomUrl, roomSearch } from '../../src/classroom/url.ts';
import { keyAction } from '../../src/classroom/keys.ts';
import { phaseOfValue, readSnapshot } from '../../src/classroom/snapshot.ts';
import { session } from './fixture.ts';

describe('the stored session', () => {
  test('round-trips through JSON and validates', () => {
    const s = session({ votes: [{ decision: 0, nodeId: 'n', replyIds: ['a'], counts: { a: 4 }, chosen: 'a', by: 'vote', superseded: false }] });
    expect(parseSession(JSON.parse(JSON.stringify(s)))).toEqual({ session: s, problem: null });
  });

  test('a damaged or older record is reported with where it went wrong, never thrown', () => {
    expect(parseSession(null).session).toBeNull();
    const read = parseSession({ ...session(), votes: [{ decision: -1 }] });
    expect(read.session).toBeNull();
    expect(read.problem).toContain('votes.0');
    expect(parseSession({ ...session(), version: 0 }).problem).toContain('version');
    expect(parseSession('text').problem).toMatch(/start a new session/);
  });

  test('ids and keys', () => {
    expect(newSessionId(() => 0)).toBe('aaaaaaaa');
    expect(newSessionId()).toMatch(/^[a-z2-9]{8}$/);
    expect(sessionKey('x1')).toBe('calm-desk/room/x1');
  });

  test('superseded votes leave the class path', () => {
    const s = session({
      votes: [
        { decision: 0, nodeId: 'n', replyIds: ['a'], counts: {}, chosen: 'a', by: 'vote', superseded: true },
        { decision: 0, nodeId: 'n', replyIds: ['a', 'b'], counts: {}, chosen: 'b', by: 'trainer', superseded: false },
      ],
    });
    expect(activeVotes(s).get(0)?.chosen).toBe('b');
  });
});

describe('sync messages', () => {
  test('commands, states, hellos and byes of this version pass', () => {
    const state = message({ type: 'state', sessionId: 'abc123', session: session(), live: { phase: 'awaiting', conversationMs: 1200 } });
    expect(parseMessage(JSON.parse(JSON.stringify(state))).message).toEqual(state);
    expect(parseMessage(message({ type: 'command', sessionId: 'abc123', command: { type: 'vote.digit', digit: 7 } })).problem).toBeNull();
    expect(parseMessage({ v: ROOM_VERSION, type: 'hello', sessionId: 'abc123', from: 'presenter' }).problem).toBeNull();
  });

  test('another version, an unknown command or a bad payload is dropped with a reason', () => {
    expect(parseMessage({ v: 99, type: 'hello', sessionId: 'x', from: 'presenter' }).problem).toMatch(/another Calm Desk version.*reload both/);
    expect(parseMessage({ v: ROOM_VERSION, type: 'command', sessionId: 'x', command: { type: 'delete-everything' } }).message).toBeNull();
    expect(parseMessage({ v: ROOM_VERSION, type: 'command', sessionId: 'x', command: { type: 'vote.digit', digit: 12 } }).problem).toMatch(/malformed/);
    expect(isRoomCommand({ type: 'reveal' })).toBe(true);
    expect(isRoomCommand({ type: 'letter', index: -1 })).toBe(false);
  });
});

describe('room addresses', () => {
  test('?mode=room, with or without a session; ?mode=presenter needs one', () => {
    expect(parseRoomUrl('?mode=room')).toEqual({ mode: 'room', session: null });
    expect(parseRoomUrl('?mode=room&session=k3f9')).toEqual({ mode: 'room', session: 'k3f9' });
    expect(parseRoomUrl('?mode=presenter&session=k3f9')).toEqual({ mode: 'presenter', session: 'k3f9' });
    expect(parseRoomUrl('?mode=presenter')).toEqual({ mode: 'room', session: null });
    expect(parseRoomUrl('?mode=room&session=<script>')).toEqual({ mode: 'room', session: null });
    expect(parseRoomUrl('')).toBeNull();
    expect(roomSearch({ mode: 'presenter', session: 'ab' }, '?lang=fi&mode=room')).toBe('?lang=fi&mode=presenter&session=ab');
  });
});

describe('keys', () => {
  const deciding = { repliesOpen: true, voteOpen: false, screen: 'conversation' as const };
  const listening = { repliesOpen: false, voteOpen: false, screen: 'conversation' as const };
  test('B is reply B while replies are shown and blanks otherwise; the period always blanks', () => {
    expect(keyAction('b', deciding)).toEqual({ command: { type: 'letter', index: 1 } });
    expect(keyAction('B', listening)).toEqual({ command: { type: 'blank' } });
    expect(keyAction('.', deciding)).toEqual({ command: { type: 'blank' } });
  });
  test('on a blanked screen B brings the picture back, even while replies or a vote are open (the room cannot see them)', () => {
    expect(keyAction('b', { ...deciding, blank: true })).toEqual({ command: { type: 'blank' } });
    expect(keyAction('B', { ...deciding, voteOpen: true, blank: true })).toEqual({ command: { type: 'blank' } });
    expect(keyAction('.', { ...listening, blank: true })).toEqual({ command: { type: 'blank' } });
    expect(keyAction('a', { ...deciding, blank: true })).toEqual({ command: { type: 'letter', index: 0 } });
  });
  test('clicker keys: PageDown next, PageUp previous, Left steps back (a page back in the summary)', () => {
    expect(keyAction('PageDown', listening)).toEqual({ command: { type: 'next' } });
    expect(keyAction('PageUp', listening)).toEqual({ command: { type: 'previous' } });
    expect(keyAction('ArrowLeft', listening)).toEqual({ command: { type: 'stepBack' } });
    expect(keyAction('ArrowLeft', { ...listening, screen: 'summary' })).toEqual({ command: { type: 'previous' } });
  });
  test('during a vote digits, Enter and Backspace count hands; V cancels', () => {
    const voting = { ...deciding, voteOpen: true };
    expect(keyAction('7', voting)).toEqual({ command: { type: 'vote.digit', digit: 7 } });
    expect(keyAction('Enter', voting)).toEqual({ command: { type: 'vote.enter' } });
    expect(keyAction('v', voting)).toEqual({ command: { type: 'vote.cancel' } });
    expect(keyAction('7', deciding)).toBeNull();
  });
  test('the rest of the table', () => {
    expect(keyAction('p', listening)).toEqual({ command: { type: 'pause' } });
    expect(keyAction('r', listening)).toEqual({ command: { type: 'reveal' } });
    expect(keyAction('?', listening)).toEqual({ command: { type: 'help' } });
    expect(keyAction('h', listening)).toEqual({ command: { type: 'hotSeat' } });
    expect(keyAction('w', listening)).toEqual({ local: 'openPresenter' });
    expect(keyAction('j', listening)).toEqual({ local: 'exportJson' });
    expect(keyAction('x', listening)).toBeNull();
  });
});

describe('reading a stored snapshot', () => {
  test('phase, node and decisions; anything else is null', () => {
    expect(phaseOfValue({ active: 'awaiting' })).toBe('awaiting');
    expect(phaseOfValue('ended')).toBe('ended');
    expect(phaseOfValue(42)).toBe('idle');
    const reading = readSnapshot({ value: { active: 'speaking' }, context: { nodeId: 'n2', variables: {}, mood: 30, transcript: [{ type: 'decision', index: 0 }] } });
    expect(reading).toMatchObject({ phase: 'speaking', nodeId: 'n2', mood: 30 });
    expect(reading?.decisions).toHaveLength(1);
    expect(readSnapshot({ context: {} })).toBeNull();
    expect(readSnapshot(null)).toBeNull();
  });
});
