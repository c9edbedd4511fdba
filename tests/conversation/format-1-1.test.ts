/**
 * The engine semantics of format 1.1 (SPEC B and C): interruptions that are cut off, said, routed
 * or pick up again; the third interruption; a silence rule on every decision node (own, scenario
 * default, engine default), venting patience and walking out after the last silence.
 */
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { createConversationDriver } from '../../src/conversation/driver.ts';
import { createFakeClock } from '../../src/conversation/fakeClock.ts';
import { createConversationMachine } from '../../src/conversation/machine.ts';
import * as rules from '../../src/conversation/rules.ts';
import * as select from '../../src/conversation/selectors.ts';
import { decisionsOf, type LineEntry } from '../../src/conversation/transcript.ts';
import { DEFAULT_SILENCE_SECONDS, defaultSilencePrompt, defaultVentingCalmerLine } from '../../src/scenario/defaults.ts';
import type { Scenario } from '../../src/scenario/model.ts';
import { line, scenario, type NodeSpec } from './helpers/builder.ts';

function start(s: Scenario) {
  return createActor(createConversationMachine(s)).start();
}

const lines = (s: ReturnType<typeof start>) => s.getSnapshot().context.transcript.filter((e): e is LineEntry => e.type === 'line');

/** A three-line opening, early replies on, with a reply to a calm node and one to an ending. */
function talk(opening: Partial<NodeSpec> = {}, extra: Partial<Parameters<typeof scenario>[0]> = {}): Scenario {
  return scenario({
    mood: 40,
    walksOutAt: 95,
    ...extra,
    nodes: {
      opening: {
        says: ['One.', 'Two.', 'Three.'],
        earlyReplies: true,
        replies: [
          { id: 'help', tags: ['empathy', 'ownership'], mood: -10, next: 'calm' },
          { id: 'rush', tags: ['efficiency'], mood: 5, next: 'done' },
        ],
        ...opening,
      },
      sorry: {
        says: ['You cut me off.'],
        replies: [{ id: 'apologise', tags: ['listening'], mood: -5, next: 'calm' }],
      },
      calm: { says: ['Thanks.'], replies: [{ id: 'close', next: 'done' }] },
      done: { end: 'resolved', satisfaction: 4 },
    },
  });
}

describe('interruptions (format 1.1)', () => {
  it('cuts the reply off by default: only the interruption counts, and she picks up at the cut line', () => {
    const actor = start(talk());
    actor.send({ type: 'customer.startedLine', index: 0, at: 0 });
    actor.send({ type: 'customer.startedLine', index: 1, at: 1500 });
    actor.send({ type: 'trainee.choose', choiceId: 'help', at: 2000, remainingMs: 1800 });
    const [decision] = decisionsOf(actor.getSnapshot().context.transcript);
    expect(decision).toMatchObject({ reply: 'cut', tags: ['impatience'], moodBefore: 40, moodAfter: 50, next: 'opening' });
    expect(actor.getSnapshot().context.variables).toEqual({});
    actor.send({ type: 'customer.finishedSpeaking', at: 3000 }); // the reaction
    expect(select.selectCustomerLines(actor.getSnapshot()).map((l) => l.text)).toEqual(['Two.', 'Three.']);
    actor.send({ type: 'customer.finishedSpeaking', at: 5000 });
    expect(lines(actor).map((l) => `${l.cause}:${l.index}:${l.text}`)).toEqual([
      'node:0:One.',
      'node:1:Two.',
      'interrupted:-1:Excuse me, I had not finished.',
      'node:1:Two.',
      'node:2:Three.',
    ]);
    expect(select.selectPhase(actor.getSnapshot())).toBe('awaiting');
  });

  it('routes to the interruption\'s `next`, skipping the remaining lines', () => {
    const s = talk({ interrupted: { says: [line('Let me finish!', 'angry')], mood: 20, next: 'sorry', feedback: 'Let her finish.' } });
    const actor = start(s);
    actor.send({ type: 'customer.startedLine', index: 0, at: 0 });
    actor.send({ type: 'trainee.choose', choiceId: 'help', at: 500 });
    expect(decisionsOf(actor.getSnapshot().context.transcript)[0]).toMatchObject({ reply: 'cut', moodAfter: 60, next: 'sorry' });
    actor.send({ type: 'customer.finishedSpeaking', at: 1500 });
    const snap = actor.getSnapshot();
    expect(snap.context.nodeId).toBe('sorry');
    expect(lines(actor).filter((l) => l.nodeId === 'opening').map((l) => l.text)).toEqual(['One.', 'Let me finish!']);
  });

  it('with `reply: said` applies the reply too and follows its `next` when the interruption has none', () => {
    const actor = start(talk({ interrupted: { reply: 'said', mood: 5 } }));
    actor.send({ type: 'trainee.choose', choiceId: 'help', at: 500 });
    expect(decisionsOf(actor.getSnapshot().context.transcript)[0]).toMatchObject({
      reply: 'said',
      tags: ['empathy', 'ownership', 'impatience'],
      moodAfter: 40 - 10 + 5,
      next: 'calm',
    });
    actor.send({ type: 'customer.finishedSpeaking', at: 1500 });
    expect(actor.getSnapshot().context.nodeId).toBe('calm');
  });

  it('uses the scenario-level reaction when the node has none', () => {
    const s = talk({}, { interrupted: { says: [line('Hey!', 'furious'), line('Rude.', 'angry')], mood: 15 } });
    const actor = start(s);
    actor.send({ type: 'trainee.choose', choiceId: 'rush', at: 100 });
    expect(select.selectCustomerLines(actor.getSnapshot()).map((l) => l.text)).toEqual(['Hey!', 'Rude.']);
    expect(actor.getSnapshot().context.mood).toBe(55);
  });

  it('makes the customer walk out at the third interruption on one visit, after the reaction', () => {
    const actor = start(talk());
    for (let i = 1; i <= 2; i++) {
      actor.send({ type: 'trainee.choose', choiceId: 'help', at: i * 1000 });
      actor.send({ type: 'customer.finishedSpeaking', at: i * 1000 + 500 });
      expect(select.selectPhase(actor.getSnapshot())).toBe('speaking');
      expect(select.selectInterruptionCount(actor.getSnapshot())).toBe(i);
    }
    actor.send({ type: 'trainee.choose', choiceId: 'help', at: 3000 });
    expect(select.selectPhase(actor.getSnapshot())).toBe('reacting');
    actor.send({ type: 'customer.finishedSpeaking', at: 3500 });
    const snap = actor.getSnapshot();
    expect(select.selectPhase(snap)).toBe('ended');
    expect(select.selectEnding(snap)).toMatchObject({ outcome: 'walked-out', walkOut: 'interruptions', at: 3500 });
    expect(decisionsOf(snap.context.transcript).map((d) => d.walkOut)).toEqual([undefined, undefined, 'interruptions']);
    expect(snap.context.mood).toBe(70); // not the mood: the count
  });

  it('walks out on mood in the same reply, before any reaction is said', () => {
    const actor = start(talk({}, { mood: 80, walksOutAt: 90 }));
    actor.send({ type: 'trainee.choose', choiceId: 'rush', at: 100 });
    const snap = actor.getSnapshot();
    expect(select.selectEnding(snap)).toMatchObject({ outcome: 'walked-out', walkOut: 'mood' });
    expect(lines(actor).some((l) => l.cause === 'interrupted')).toBe(false);
  });

  it('cannot interrupt on a node with `earlyReplies: false`', () => {
    const actor = start(talk({ earlyReplies: false }));
    expect(select.selectWouldInterrupt(actor.getSnapshot())).toBe(false);
    expect(select.selectRepliesOpen(actor.getSnapshot())).toBe(false);
    actor.send({ type: 'trainee.choose', choiceId: 'help', at: 100 });
    expect(decisionsOf(actor.getSnapshot().context.transcript)).toEqual([]);
    actor.send({ type: 'customer.finishedSpeaking', at: 3000 });
    expect(select.selectRepliesOpen(actor.getSnapshot())).toBe(true);
  });

  it('rewinds to the decision after a cut-off exactly where she picked up again', () => {
    const actor = start(talk());
    actor.send({ type: 'customer.startedLine', index: 0, at: 0 });
    actor.send({ type: 'customer.startedLine', index: 1, at: 500 });
    actor.send({ type: 'customer.startedLine', index: 2, at: 900 });
    actor.send({ type: 'trainee.choose', choiceId: 'help', at: 1000 });
    actor.send({ type: 'customer.finishedSpeaking', at: 2000 });
    actor.send({ type: 'customer.finishedSpeaking', at: 3000 });
    actor.send({ type: 'trainee.choose', choiceId: 'rush', at: 4000 });
    actor.send({ type: 'customer.finishedSpeaking', at: 5000 });
    expect(select.selectPhase(actor.getSnapshot())).toBe('ended');
    actor.send({ type: 'session.rewind', decision: 1, at: 6000 });
    const snap = actor.getSnapshot();
    expect(snap.context.nodeId).toBe('opening');
    expect(select.selectCustomerLines(snap).map((l) => l.text)).toEqual(['Three.']);
    expect(snap.context.visit.interruptions).toBe(1);
    expect(snap.context.mood).toBe(50);
  });
});

describe('silence on every decision node (format 1.1)', () => {
  it('uses the engine default: prompt, indifference, +10, replies stay open; the second silence walks out', () => {
    const s = talk();
    const actor = start(s);
    expect(select.selectSilenceSeconds(actor.getSnapshot())).toBe(DEFAULT_SILENCE_SECONDS);
    actor.send({ type: 'customer.finishedSpeaking', at: 3000 });
    actor.send({ type: 'trainee.silent', at: 15000 });
    let snap = actor.getSnapshot();
    expect(decisionsOf(snap.context.transcript)[0]).toMatchObject({
      kind: 'silence',
      silenceRule: 'scenario',
      tags: ['indifference'],
      moodAfter: 50,
      next: 'opening',
      visibleReplyIds: ['help', 'rush'],
    });
    expect(select.selectCustomerLines(snap)).toEqual([defaultSilencePrompt('en')]);
    actor.send({ type: 'customer.finishedSpeaking', at: 17000 }); // the prompt
    actor.send({ type: 'customer.finishedSpeaking', at: 17000 }); // nothing left to say: replies open again
    snap = actor.getSnapshot();
    expect(select.selectPhase(snap)).toBe('awaiting');
    expect(snap.context.nodeId).toBe('opening');
    expect(lines(actor).filter((l) => l.cause === 'node')).toHaveLength(3); // her lines are not repeated
    actor.send({ type: 'trainee.silent', at: 29000 });
    snap = actor.getSnapshot();
    expect(select.selectEnding(snap)).toMatchObject({ outcome: 'walked-out', walkOut: 'silences', at: 29000 });
    expect(decisionsOf(snap.context.transcript)).toHaveLength(2);
    expect(decisionsOf(snap.context.transcript)[1]).toMatchObject({ kind: 'silence', walkOut: 'silences' });
  });

  it('uses the scenario default rule and its walksOutAfter', () => {
    const s = talk({}, { silence: { after: 8, mood: 4, tags: ['arrogance'], walksOutAfter: 3, say: line('Well?', 'annoyed') } });
    const actor = start(s);
    expect(select.selectSilenceSeconds(actor.getSnapshot())).toBe(8);
    actor.send({ type: 'customer.finishedSpeaking', at: 1000 });
    for (let i = 0; i < 2; i++) {
      actor.send({ type: 'trainee.silent', at: 9000 + i * 10000 });
      expect(select.selectCustomerLines(actor.getSnapshot())[0]?.text).toBe('Well?');
      actor.send({ type: 'customer.finishedSpeaking', at: 10000 + i * 10000 });
      actor.send({ type: 'customer.finishedSpeaking', at: 10000 + i * 10000 });
    }
    actor.send({ type: 'trainee.silent', at: 40000 });
    expect(select.selectEnding(actor.getSnapshot())).toMatchObject({ walkOut: 'silences' });
    expect(decisionsOf(actor.getSnapshot().context.transcript).map((d) => d.tags)).toEqual([['arrogance'], ['arrogance'], ['arrogance']]);
  });

  it('keeps the 1.0 behaviour of a node\'s own rule with `next`', () => {
    const s = talk({ silence: { after: 5, tags: ['indifference'], mood: 10, next: 'sorry' } });
    const actor = start(s);
    actor.send({ type: 'customer.finishedSpeaking', at: 1000 });
    actor.send({ type: 'trainee.silent', at: 6000 });
    expect(decisionsOf(actor.getSnapshot().context.transcript)[0]).toMatchObject({ silenceRule: 'node', next: 'sorry' });
    expect(actor.getSnapshot().context.nodeId).toBe('sorry');
  });

  it('counts the first silence on a venting node as patience, then follows the default rule', () => {
    const actor = start(talk({ venting: true }));
    actor.send({ type: 'customer.finishedSpeaking', at: 1000 });
    expect(select.selectSilenceIsPatience(actor.getSnapshot())).toBe(true);
    actor.send({ type: 'trainee.silent', at: 13000 });
    expect(decisionsOf(actor.getSnapshot().context.transcript)[0]).toMatchObject({
      kind: 'silence',
      silenceRule: 'venting',
      tags: ['listening', 'composure'],
      added: [
        { tag: 'listening', reason: 'waited-through-venting' },
        { tag: 'composure', reason: 'waited-through-venting' },
      ],
      moodAfter: 35,
    });
    expect(select.selectCustomerLines(actor.getSnapshot())).toEqual([defaultVentingCalmerLine('en')]);
    actor.send({ type: 'customer.finishedSpeaking', at: 14000 });
    actor.send({ type: 'customer.finishedSpeaking', at: 14000 });
    expect(select.selectPhase(actor.getSnapshot())).toBe('awaiting');
    expect(select.selectSilenceIsPatience(actor.getSnapshot())).toBe(false);
    // The patient silence does not count towards walking out: two more silences do.
    actor.send({ type: 'trainee.silent', at: 26000 });
    expect(decisionsOf(actor.getSnapshot().context.transcript)[1]).toMatchObject({ silenceRule: 'scenario', tags: ['indifference'] });
    actor.send({ type: 'customer.finishedSpeaking', at: 27000 });
    actor.send({ type: 'customer.finishedSpeaking', at: 27000 });
    actor.send({ type: 'trainee.silent', at: 39000 });
    expect(select.selectEnding(actor.getSnapshot())).toMatchObject({ outcome: 'walked-out', walkOut: 'silences' });
  });

  it('a node\'s own rule without `next` stays on the node', () => {
    const actor = start(talk({ silence: { after: 4, tags: ['indifference'], mood: 5, say: line('Hm?') } }));
    actor.send({ type: 'customer.finishedSpeaking', at: 1000 });
    actor.send({ type: 'trainee.silent', at: 5000 });
    actor.send({ type: 'customer.finishedSpeaking', at: 6000 });
    actor.send({ type: 'customer.finishedSpeaking', at: 6000 });
    expect(select.selectPhase(actor.getSnapshot())).toBe('awaiting');
    expect(actor.getSnapshot().context.nodeId).toBe('opening');
    actor.send({ type: 'trainee.choose', choiceId: 'help', at: 7000 });
    expect(decisionsOf(actor.getSnapshot().context.transcript)[1]).toMatchObject({ choiceId: 'help', interrupted: false });
  });

  it('never stalls: the driver arms the default silence timer on a node with no rule of its own', () => {
    const clock = createFakeClock();
    const actor = createActor(createConversationMachine(talk()));
    const driver = createConversationDriver(actor, clock, { charsPerSecond: 15, lineGapMs: 0 });
    clock.advance(3 * 1200); // three short lines at the minimum length
    expect(select.selectPhase(actor.getSnapshot())).toBe('awaiting');
    clock.advance(DEFAULT_SILENCE_SECONDS * 1000);
    expect(decisionsOf(actor.getSnapshot().context.transcript)[0]).toMatchObject({ kind: 'silence', responseMs: DEFAULT_SILENCE_SECONDS * 1000 });
    clock.advance(60_000);
    expect(select.selectEnding(actor.getSnapshot())).toMatchObject({ walkOut: 'silences' });
    driver.dispose();
  });
});

describe('settleDecision (playing without the machine)', () => {
  it('matches the machine on a cut-off, a reaction and the next turn', () => {
    const s = talk();
    let ctx = rules.initialContext(s);
    ctx = rules.decide(ctx, { kind: 'reply', reply: s.nodes.opening!.replies[0]!, interrupting: true }, 100);
    const settled = rules.settleDecision(ctx, 200);
    expect(settled.ended).toBe(false);
    expect(settled.context.nodeId).toBe('opening');
    expect(rules.turnLines(settled.context, false).map((l) => l.text)).toEqual(['One.', 'Two.', 'Three.']);
    expect(settled.context.transcript.at(-1)).toMatchObject({ cause: 'interrupted' });
  });
});
