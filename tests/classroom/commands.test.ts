import { describe, expect, test } from 'vitest';
import { applyCommand, voteWinner, type RoomCommand } from '../../src/classroom/commands.ts';
import type { RoomSession } from '../../src/classroom/session.ts';
import { awaiting, session } from './fixture.ts';

function run(start: RoomSession, commands: RoomCommand[], state = awaiting()) {
  let current = start;
  const effects = [];
  let notice = null;
  for (const command of commands) {
    const result = applyCommand(current, command, state, 5_000);
    current = result.session;
    effects.push(...result.effects);
    notice = result.notice;
  }
  return { session: current, effects, notice };
}

describe('trainer commands', () => {
  test('a letter plays the reply on offer, recorded as the trainer’s pick when no vote runs', () => {
    const { session: s, effects } = run(session(), [{ type: 'letter', index: 1 }]);
    expect(effects).toEqual([{ type: 'choose', replyId: 'b' }]);
    expect(s.votes).toEqual([]);
    expect(s.seq).toBe(1);
    expect(s.updatedAt).toBe(5_000);
  });

  test('a reply is not taken while the customer talks (outside the hot seat), nor while paused', () => {
    const talking = { ...awaiting(), phase: 'speaking' as const, canAnswer: false };
    expect(run(session(), [{ type: 'letter', index: 0 }], talking)).toMatchObject({ effects: [], notice: 'notNow' });
    const paused = run(session(), [{ type: 'pause' }, { type: 'letter', index: 0 }]);
    expect(paused.effects).toEqual([{ type: 'pause' }]);
    expect(paused.notice).toBe('notNow');
  });

  test('a vote round: digits fill each reply’s hands, Enter moves on, the last Enter plays the most-voted reply', () => {
    const typed: RoomCommand[] = [{ type: 'vote.open' }];
    for (const hands of ['3', '12', '1', '0']) {
      for (const d of hands) typed.push({ type: 'vote.digit', digit: Number(d) });
      typed.push({ type: 'vote.enter' });
    }
    const counted = run(session(), typed);
    expect(counted.session.vote).toMatchObject({ counts: { a: 3, b: 12, c: 1, d: 0 }, focus: 4 });
    expect(counted.effects).toEqual([]);
    const played = run(counted.session, [{ type: 'vote.enter' }]);
    expect(played.effects).toEqual([{ type: 'choose', replyId: 'b' }]);
    expect(played.session.vote).toBeNull();
    expect(played.session.votes).toEqual([
      { decision: 0, nodeId: 'n1', replyIds: ['a', 'b', 'c', 'd'], counts: { a: 3, b: 12, c: 1, d: 0 }, chosen: 'b', by: 'vote', superseded: false },
    ]);
  });

  test('a tie needs the trainer: Enter says so, a letter picks and the split is kept', () => {
    const tied = run(session(), [
      { type: 'vote.open' },
      { type: 'vote.set', replyId: 'a', count: 5 },
      { type: 'vote.set', replyId: 'c', count: 5 },
      { type: 'vote.enter' },
      { type: 'vote.enter' },
      { type: 'vote.enter' },
      { type: 'vote.enter' },
    ]);
    expect(tied.session.vote?.focus).toBe(4);
    const enter = applyCommand(tied.session, { type: 'vote.enter' }, awaiting(), 6_000);
    expect(enter.notice).toBe('voteTie');
    expect(enter.effects).toEqual([]);
    const pick = applyCommand(tied.session, { type: 'letter', index: 2 }, awaiting(), 6_000);
    expect(pick.effects).toEqual([{ type: 'choose', replyId: 'c' }]);
    expect(pick.session.votes[0]).toMatchObject({ chosen: 'c', by: 'trainer', counts: { a: 5, c: 5 } });
  });

  test('while counting, a letter moves to that reply’s count; Backspace takes a digit off', () => {
    const s = run(session(), [{ type: 'vote.open' }, { type: 'letter', index: 2 }, { type: 'vote.digit', digit: 4 }, { type: 'vote.digit', digit: 2 }, { type: 'vote.backspace' }]);
    expect(s.session.vote).toMatchObject({ focus: 2, counts: { c: 4 } });
    expect(s.effects).toEqual([]);
  });

  test('nobody voted: Enter at the end asks for hands; V again cancels the round', () => {
    const empty = run(session(), [{ type: 'vote.open' }, { type: 'vote.enter' }, { type: 'vote.enter' }, { type: 'vote.enter' }, { type: 'vote.enter' }, { type: 'vote.enter' }]);
    expect(empty.notice).toBe('voteEmpty');
    expect(run(empty.session, [{ type: 'vote.open' }]).session.vote).toBeNull();
  });

  test('a vote opens only while the room is deciding', () => {
    const talking = { ...awaiting(), phase: 'speaking' as const, canAnswer: false };
    expect(run(session(), [{ type: 'vote.open' }], talking)).toMatchObject({ notice: 'notNow' });
    expect(run(session(), [{ type: 'vote.open' }], talking).session.vote).toBeNull();
  });

  test('reveal shows the last decision and remembers it; with no decision there is nothing to reveal', () => {
    expect(run(session(), [{ type: 'reveal' }], awaiting(0)).notice).toBe('nothingToReveal');
    const shown = run(session(), [{ type: 'reveal' }], awaiting(2));
    expect(shown.session).toMatchObject({ reveal: 1, revealed: [1] });
    expect(run(shown.session, [{ type: 'reveal' }], awaiting(2)).session.reveal).toBeNull();
  });

  test('next: reveals an unrevealed decision, closes it, then at the end opens the summary and pages through it', () => {
    const ended = { ...awaiting(3), phase: 'ended' as const, canAnswer: false, replyIds: [] };
    let s = run(session(), [{ type: 'next' }], ended).session;
    expect(s.reveal).toBe(2);
    s = run(s, [{ type: 'next' }], ended).session;
    expect(s).toMatchObject({ reveal: null, screen: 'summary', page: 0 });
    s = run(s, Array.from({ length: 10 }, () => ({ type: 'next' }) as RoomCommand), ended).session;
    expect(s.page).toBe(6);
    s = run(s, [{ type: 'previous' }], ended).session;
    expect(s.page).toBe(5);
  });

  test('step back rewinds one decision, marks its vote superseded and records the step', () => {
    const voted = session({
      votes: [{ decision: 1, nodeId: 'n2', replyIds: ['a', 'b'], counts: { a: 1, b: 2 }, chosen: 'b', by: 'vote', superseded: false }],
      paused: true,
    });
    const back = run(voted, [{ type: 'stepBack' }], awaiting(2));
    expect(back.effects).toEqual([{ type: 'resume' }, { type: 'rewind', decision: 1 }]);
    expect(back.session.votes[0]?.superseded).toBe(true);
    expect(back.session.stepBacks).toEqual([{ at: 1_000, from: 2, to: 1 }]);
    expect(back.session.paused).toBe(false);
    expect(run(session(), [{ type: 'stepBack' }], awaiting(0)).notice).toBe('nothingToUndo');
  });

  test('blank, help, hot seat and the panel toggle; Escape closes the topmost', () => {
    const s = run(session(), [{ type: 'blank' }, { type: 'help' }, { type: 'hotSeat' }, { type: 'panel' }]).session;
    expect(s).toMatchObject({ blank: true, help: true, hotSeat: true, panel: true });
    const closed = run(s, [{ type: 'close' }]).session;
    expect(closed).toMatchObject({ help: false, blank: true });
    expect(run(closed, [{ type: 'close' }]).session.blank).toBe(false);
  });

  test('a command that changes nothing keeps the same session object (no save, no broadcast)', () => {
    const start = session();
    expect(applyCommand(start, { type: 'vote.cancel' }, awaiting(), 9).session).toBe(start);
  });

  test('voteWinner: most hands, null on a tie or with no hands', () => {
    expect(voteWinner({ replyIds: ['a', 'b'], counts: { a: 2, b: 7 } })).toBe('b');
    expect(voteWinner({ replyIds: ['a', 'b'], counts: { a: 7, b: 7 } })).toBeNull();
    expect(voteWinner({ replyIds: ['a', 'b'], counts: { a: 0, b: 0 } })).toBeNull();
  });
});
