import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { createConversationDriver, type LineStartEvent } from '../../src/conversation/driver.ts';
import { createFakeClock } from '../../src/conversation/fakeClock.ts';
import { createConversationMachine } from '../../src/conversation/machine.ts';
import * as select from '../../src/conversation/selectors.ts';
import { decisionsOf } from '../../src/conversation/transcript.ts';
import { LINE_GAP_MS, MIN_LINE_MS } from '../../src/conversation/constants.ts';
import { kettleScenario } from './helpers/builder.ts';

// At 10 chars per second: "This is the second kettle that died." (36 chars) takes 3600 ms,
// "I took a morning off for this." (30 chars) 3000 ms; the customer finishes at 3600+400+3000.
const ARRIVAL_FINISH = 3600 + LINE_GAP_MS + 3000;

function setup(options: Parameters<typeof createConversationDriver>[2] = { charsPerSecond: 10 }) {
  const clock = createFakeClock(1000);
  const actor = createActor(createConversationMachine(kettleScenario()));
  const driver = createConversationDriver(actor, clock, options);
  const lines: LineStartEvent[] = [];
  driver.onLine((event) => lines.push(event));
  const snap = () => actor.getSnapshot();
  return { clock, actor, driver, lines, snap };
}

describe('conversation driver', () => {
  it('times lines by text length, emits each line and finishes speaking', () => {
    const { clock, lines, snap } = setup();
    clock.advance(0);
    expect(lines.map((l) => [l.lineIndex, l.at])).toEqual([[0, 0]]);
    clock.advance(3600 + LINE_GAP_MS - 1);
    expect(lines).toHaveLength(1);
    clock.advance(1);
    expect(lines.map((l) => [l.lineIndex, l.at, l.durationMs])).toEqual([
      [0, 0, 3600],
      [1, 4000, 3000],
    ]);
    expect(select.selectPhase(snap())).toBe('speaking');
    clock.advance(3000);
    expect(select.selectPhase(snap())).toBe('awaiting');
    expect(snap().context.answerableAt).toBe(ARRIVAL_FINISH);
    const lineEntries = snap().context.transcript.filter((e) => e.type === 'line');
    expect(lineEntries.map((e) => e.at)).toEqual([0, 4000]);
  });

  it('uses voice durations when known and never goes below the minimum', () => {
    const { clock, lines } = setup({ voiceDurationMs: (line) => (line.text.startsWith('This') ? 500 : undefined), charsPerSecond: 1000 });
    clock.advance(0);
    clock.advance(500 + LINE_GAP_MS);
    expect(lines.map((l) => l.durationMs)).toEqual([500, MIN_LINE_MS]);
  });

  it('records an interruption with the time the customer still had to speak', () => {
    const { clock, driver, lines, snap } = setup();
    clock.advance(2000);
    driver.choose('acknowledge');
    expect(select.selectPhase(snap())).toBe('reacting');
    const [decision] = decisionsOf(snap().context.transcript);
    expect(decision).toMatchObject({ interrupted: true, reply: 'cut', at: 2000, responseMs: -(ARRIVAL_FINISH - 2000) });
    clock.advance(0);
    expect(lines.at(-1)).toMatchObject({ cause: 'interrupted', lineIndex: -1 });
    clock.advance(lines.at(-1)!.durationMs);
    // Cut off during her first line: she says it again, and the rest, on the same node.
    expect(select.selectPhase(snap())).toBe('speaking');
    expect(snap().context.nodeId).toBe('arrival');
    clock.advance(0);
    expect(lines.at(-1)).toMatchObject({ cause: 'node', lineIndex: 0, nodeId: 'arrival' });
    clock.advance(ARRIVAL_FINISH);
    expect(select.selectPhase(snap())).toBe('awaiting');
  });

  it('sends trainee.silent when the silence time runs out after the customer finished', () => {
    const { clock, snap, driver } = setup();
    clock.advance(ARRIVAL_FINISH);
    expect(select.selectPhase(snap())).toBe('awaiting');
    clock.advance(4000);
    expect(driver.progress().silenceProgress).toBeCloseTo(0.5);
    clock.advance(3999);
    expect(decisionsOf(snap().context.transcript)).toHaveLength(0);
    clock.advance(1);
    const [decision] = decisionsOf(snap().context.transcript);
    // Venting node: staying silent through it is listening and composure.
    expect(decision).toMatchObject({ kind: 'silence', at: ARRIVAL_FINISH + 8000, responseMs: 8000, tags: ['listening', 'composure'] });
  });

  it('rewards a reply after a venting customer finished and flags rushing', () => {
    const patient = setup();
    patient.clock.advance(ARRIVAL_FINISH + 1000);
    patient.driver.choose('acknowledge');
    expect(decisionsOf(patient.snap().context.transcript)[0]?.added.map((a) => a.reason)).toEqual([
      'waited-through-venting',
      'waited-through-venting',
    ]);
    const rushed = setup();
    rushed.clock.advance(ARRIVAL_FINISH + 1000);
    rushed.driver.choose('policy');
    expect(decisionsOf(rushed.snap().context.transcript)[0]?.added).toEqual([{ tag: 'impatience', reason: 'rushed-venting' }]);
  });

  it('stops all timers while paused and excludes paused time', () => {
    const { clock, driver, snap, lines } = setup();
    clock.advance(1000);
    driver.pause();
    expect(select.selectIsPaused(snap())).toBe(true);
    expect(clock.pendingCount()).toBe(0);
    clock.advance(60_000);
    expect(lines).toHaveLength(1);
    expect(driver.elapsedMs()).toBe(1000);
    driver.resume();
    expect(select.selectPhase(snap())).toBe('speaking');
    clock.advance(ARRIVAL_FINISH - 1000);
    expect(select.selectPhase(snap())).toBe('awaiting');
    expect(snap().context.answerableAt).toBe(ARRIVAL_FINISH);
    // Pausing during the silence timer keeps its remaining time.
    clock.advance(5000);
    driver.pause();
    clock.advance(100_000);
    driver.resume();
    clock.advance(2999);
    expect(decisionsOf(snap().context.transcript)).toHaveLength(0);
    clock.advance(1);
    expect(decisionsOf(snap().context.transcript)).toHaveLength(1);
    const pauses = snap().context.transcript.filter((e) => e.type === 'pause' || e.type === 'resume').map((e) => e.at);
    expect(pauses).toEqual([1000, 1000, ARRIVAL_FINISH + 5000, ARRIVAL_FINISH + 5000]);
  });

  it('rewinds to a decision and replays its node with fresh timers', () => {
    const { clock, driver, snap, lines } = setup();
    clock.advance(ARRIVAL_FINISH);
    driver.choose('dropped');
    const count = lines.length;
    driver.rewind(0);
    expect(snap().context.nodeId).toBe('arrival');
    expect(snap().context.mood).toBe(60);
    clock.advance(0);
    expect(lines.slice(count).map((l) => [l.nodeId, l.lineIndex])).toEqual([['arrival', 0]]);
    clock.advance(ARRIVAL_FINISH);
    expect(select.selectPhase(snap())).toBe('awaiting');
  });

  it('restarts with time from zero', () => {
    const { clock, driver, snap } = setup();
    clock.advance(ARRIVAL_FINISH + 500);
    driver.choose('acknowledge');
    clock.advance(5000);
    driver.restart();
    expect(driver.elapsedMs()).toBe(0);
    expect(snap().context.transcript).toEqual([]);
    clock.advance(0);
    expect(snap().context.transcript[0]).toMatchObject({ type: 'line', at: 0, nodeId: 'arrival' });
  });

  it('applies a new reading speed from the next turn', () => {
    const { clock, driver, lines } = setup();
    driver.setCharsPerSecond(20);
    clock.advance(ARRIVAL_FINISH + 10);
    driver.choose('acknowledge');
    clock.advance(0);
    expect(lines.at(-1)).toMatchObject({ nodeId: 'receipt', durationMs: 1750 }); // 35 characters at 20 per second
  });

  it('leaves no timers or listeners behind after dispose, even after 20 restarts', () => {
    const clock = createFakeClock();
    for (let i = 0; i < 20; i++) {
      const actor = createActor(createConversationMachine(kettleScenario()));
      const driver = createConversationDriver(actor, clock, { charsPerSecond: 10 });
      let heard = 0;
      driver.onLine(() => heard++);
      clock.advance(i * 300);
      driver.restart();
      driver.dispose();
      driver.dispose();
      expect(clock.pendingCount()).toBe(0);
      clock.advance(60_000);
      expect(actor.getSnapshot().status).toBe('stopped');
      driver.choose('acknowledge');
      driver.pause();
      expect(heard).toBeLessThanOrEqual(3);
    }
    expect(clock.pendingCount()).toBe(0);
  });
});

describe('conversation driver on a restored conversation', () => {
  it('continues the saved timeline, so a replay from a decision keeps times increasing', () => {
    const first = setup();
    first.clock.advance(ARRIVAL_FINISH + 1000);
    first.driver.choose('acknowledge');
    first.clock.advance(10_000);
    const saved = first.actor.getPersistedSnapshot();
    const savedAt = first.actor.getSnapshot().context.lastAt;
    first.driver.dispose();

    const clock = createFakeClock(50_000);
    const actor = createActor(createConversationMachine(kettleScenario()), { snapshot: saved });
    const driver = createConversationDriver(actor, clock, { charsPerSecond: 10 });
    expect(driver.elapsedMs()).toBe(savedAt);
    driver.rewind(0);
    expect(actor.getSnapshot().context.lastAt).toBe(savedAt);
    clock.advance(0);
    expect(actor.getSnapshot().context.transcript[0]).toMatchObject({ type: 'line', at: savedAt });
    driver.dispose();
  });
});
