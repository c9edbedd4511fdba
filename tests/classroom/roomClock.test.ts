import { createActor } from 'xstate';
import { describe, expect, test } from 'vitest';
import { createRoomClock } from '../../src/classroom/roomClock.ts';
import { createConversationDriver } from '../../src/conversation/driver.ts';
import { createFakeClock } from '../../src/conversation/fakeClock.ts';
import { createConversationMachine } from '../../src/conversation/machine.ts';
import { selectPhase } from '../../src/conversation/selectors.ts';
import { decisionsOf } from '../../src/conversation/transcript.ts';
import { parcelScenario } from './fixture.ts';

describe('the room clock', () => {
  test('held, time stands still and timers wait; released, they fire after what was left', () => {
    const base = createFakeClock(0);
    const clock = createRoomClock(base);
    const fired: string[] = [];
    clock.setTimeout(() => fired.push('a'), 1000);
    base.advance(400);
    clock.hold();
    base.advance(60_000);
    expect(clock.now()).toBe(400);
    expect(fired).toEqual([]);
    clock.setTimeout(() => fired.push('b'), 100);
    clock.release();
    expect(clock.heldMs()).toBe(60_000);
    base.advance(100);
    expect(fired).toEqual(['b']);
    base.advance(500);
    expect(fired).toEqual(['b', 'a']);
    expect(clock.now()).toBe(1000);
  });

  test('a cleared timer never fires, held or not', () => {
    const base = createFakeClock(0);
    const clock = createRoomClock(base);
    const fired: number[] = [];
    const handle = clock.setTimeout(() => fired.push(1), 50);
    clock.hold();
    clock.clearTimeout(handle);
    clock.release();
    base.advance(1000);
    expect(fired).toEqual([]);
  });

  test('with the driver: a room discussing for ten minutes is not silent, and its reply is not a wait', () => {
    const scenario = parcelScenario();
    const base = createFakeClock(0);
    const clock = createRoomClock(base);
    const actor = createActor(createConversationMachine(scenario));
    const driver = createConversationDriver(actor, clock, { charsPerSecond: 15 });
    // What the projector does: hold the clock while the room decides.
    actor.subscribe((snapshot) => (selectPhase(snapshot) === 'awaiting' ? clock.hold() : clock.release()));
    for (let i = 0; i < 200 && selectPhase(actor.getSnapshot()) !== 'awaiting'; i++) base.advance(500);
    expect(selectPhase(actor.getSnapshot())).toBe('awaiting');
    base.advance(10 * 60_000);
    expect(decisionsOf(actor.getSnapshot().context.transcript)).toEqual([]);
    const reply = actor.getSnapshot().context.scenario.nodes[actor.getSnapshot().context.nodeId]!.replies[0]!;
    driver.choose(reply.id);
    const [decision] = decisionsOf(actor.getSnapshot().context.transcript);
    expect(decision).toMatchObject({ kind: 'reply', choiceId: reply.id, interrupted: false, responseMs: 0 });
    expect(clock.held).toBe(false);
    driver.dispose();
  });

  test('released (the hot seat), the silence rule fires as in normal play', () => {
    const scenario = parcelScenario();
    const base = createFakeClock(0);
    const actor = createActor(createConversationMachine(scenario));
    const driver = createConversationDriver(actor, createRoomClock(base), { charsPerSecond: 15 });
    for (let i = 0; i < 200 && selectPhase(actor.getSnapshot()) !== 'awaiting'; i++) base.advance(500);
    base.advance(5 * 60_000);
    expect(decisionsOf(actor.getSnapshot().context.transcript)[0]?.kind).toBe('silence');
    driver.dispose();
  });
});
