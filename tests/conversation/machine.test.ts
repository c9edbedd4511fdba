import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { createConversationMachine } from '../../src/conversation/machine.ts';
import * as select from '../../src/conversation/selectors.ts';
import { decisionsOf } from '../../src/conversation/transcript.ts';
import { INTERRUPTION_MOOD } from '../../src/conversation/constants.ts';
import { defaultWalksOutLine } from '../../src/scenario/defaults.ts';
import { kettleScenario, scenario } from './helpers/builder.ts';

function start(s = kettleScenario()) {
  return createActor(createConversationMachine(s)).start();
}

describe('conversation machine', () => {
  it('starts speaking at the start node with the customer mood', () => {
    const actor = start();
    const snap = actor.getSnapshot();
    expect(select.selectPhase(snap)).toBe('speaking');
    expect(snap.context.nodeId).toBe('arrival');
    expect(select.selectMood(snap)).toBe(60);
    expect(select.selectCustomerLines(snap).map((l) => l.text)).toEqual([
      'This is the second kettle that died.',
      'I took a morning off for this.',
    ]);
    expect(select.selectWouldInterrupt(snap)).toBe(true);
  });

  it('plays the patient path to a resolved ending', () => {
    const actor = start();
    actor.send({ type: 'customer.finishedSpeaking', at: 4000 });
    expect(select.selectPhase(actor.getSnapshot())).toBe('awaiting');
    expect(select.selectVisibleReplies(actor.getSnapshot()).map((r) => r.index)).toEqual([1, 2, 3, 4]);
    actor.send({ type: 'trainee.choose', choiceId: 'acknowledge', at: 5000 });
    actor.send({ type: 'customer.finishedSpeaking', at: 7000 });
    actor.send({ type: 'trainee.choose', choiceId: 'look-up', at: 8000 });
    actor.send({ type: 'customer.finishedSpeaking', at: 9000 }); // check: branch
    expect(actor.getSnapshot().context.nodeId).toBe('replace');
    actor.send({ type: 'customer.finishedSpeaking', at: 10000 });
    const snap = actor.getSnapshot();
    expect(select.selectPhase(snap)).toBe('ended');
    expect(select.selectEnding(snap)).toMatchObject({ outcome: 'resolved', satisfaction: 4, comment: 'Quick and kind.' });
    const decisions = decisionsOf(snap.context.transcript);
    expect(decisions.map((d) => d.choiceId)).toEqual(['acknowledge', 'look-up']);
    expect(decisions[0]).toMatchObject({
      index: 0,
      interrupted: false,
      tags: ['empathy', 'ownership', 'listening', 'composure'],
      added: [
        { tag: 'listening', reason: 'waited-through-venting' },
        { tag: 'composure', reason: 'waited-through-venting' },
      ],
      moodBefore: 60,
      moodAfter: 45,
      responseMs: 1000,
    });
    expect(snap.context.variables).toEqual({ askedReceipt: true, offers: 0 });
  });

  it('treats a reply before the customer finished as an interruption: cut off, reaction, then she picks up again', () => {
    const actor = start();
    actor.send({ type: 'customer.startedLine', index: 0, at: 0 });
    actor.send({ type: 'customer.startedLine', index: 1, at: 1000 });
    actor.send({ type: 'trainee.choose', choiceId: 'acknowledge', at: 1500, remainingMs: 2500 });
    let snap = actor.getSnapshot();
    expect(select.selectPhase(snap)).toBe('reacting');
    expect(select.selectCustomerLines(snap)[0]?.text).toBe('Excuse me, I had not finished.');
    const [decision] = decisionsOf(snap.context.transcript);
    // Format 1.1: the reply is cut off, so its own tags (empathy, ownership) and mood (-15) do not count.
    expect(decision).toMatchObject({
      interrupted: true,
      reply: 'cut',
      choiceId: 'acknowledge',
      tags: ['impatience'],
      added: [{ tag: 'impatience', reason: 'interrupted' }],
      moodAfter: 60 + INTERRUPTION_MOOD,
      responseMs: -2500,
      next: 'arrival',
      visibleReplyIds: ['acknowledge', 'dropped', 'policy', 'shout'],
    });
    // Only the lines she had started are in the transcript.
    expect(snap.context.transcript.filter((e) => e.type === 'line')).toHaveLength(2);
    actor.send({ type: 'customer.finishedSpeaking', at: 3000 });
    snap = actor.getSnapshot();
    // She picks up again at the line that was cut (line 2 of 2), on the same node.
    expect(select.selectPhase(snap)).toBe('speaking');
    expect(snap.context.nodeId).toBe('arrival');
    expect(select.selectLineOffset(snap)).toBe(1);
    expect(select.selectCustomerLines(snap).map((l) => l.text)).toEqual(['I took a morning off for this.']);
    const reaction = snap.context.transcript.find((e) => e.type === 'line' && e.cause === 'interrupted');
    expect(reaction).toMatchObject({ nodeId: 'arrival', index: -1 });
    actor.send({ type: 'customer.startedLine', index: 0, at: 3100 });
    expect(snap.context.transcript.length).toBeLessThan(actor.getSnapshot().context.transcript.length);
    expect(actor.getSnapshot().context.transcript.at(-1)).toMatchObject({ type: 'line', index: 1, cause: 'node' });
    // A new decision on the same node, with a checkpoint of its own.
    actor.send({ type: 'customer.finishedSpeaking', at: 5000 });
    expect(select.selectPhase(actor.getSnapshot())).toBe('awaiting');
    expect(actor.getSnapshot().context.checkpoints).toHaveLength(2);
    actor.send({ type: 'trainee.choose', choiceId: 'acknowledge', at: 6000 });
    expect(decisionsOf(actor.getSnapshot().context.transcript)[1]).toMatchObject({ interrupted: false, moodAfter: 70 - 15, next: 'receipt' });
  });

  it('uses the default interruption line in Finnish', () => {
    const actor = start(kettleScenario('fi'));
    actor.send({ type: 'trainee.choose', choiceId: 'policy', at: 100 });
    expect(select.selectCustomerLines(actor.getSnapshot())[0]?.text).toMatch(/lopettanut/);
  });

  it('ignores choices while speaking on nodes without early replies', () => {
    const actor = start();
    actor.send({ type: 'customer.finishedSpeaking', at: 1000 });
    actor.send({ type: 'trainee.choose', choiceId: 'acknowledge', at: 2000 });
    const before = actor.getSnapshot();
    expect(before.context.nodeId).toBe('receipt');
    actor.send({ type: 'trainee.choose', choiceId: 'look-up', at: 2100 });
    const after = actor.getSnapshot();
    expect(select.selectPhase(after)).toBe('speaking');
    expect(after.context).toBe(before.context);
  });

  it('ignores unknown ids, hidden replies and events in the wrong phase', () => {
    const s = scenario({
      variables: { vip: false },
      nodes: {
        a: { replies: [{ id: 'secret', when: 'vip', next: 'z' }, { id: 'open', next: 'z' }] },
        z: { end: 'resolved' },
      },
    });
    const actor = start(s);
    actor.send({ type: 'trainee.silent', at: 10 });
    actor.send({ type: 'session.resume', at: 10 });
    actor.send({ type: 'session.rewind', decision: 3, at: 10 });
    actor.send({ type: 'customer.finishedSpeaking', at: 20 });
    actor.send({ type: 'trainee.choose', choiceId: 'nope', at: 30 });
    actor.send({ type: 'trainee.choose', choiceId: 'secret', at: 30 });
    expect(select.selectPhase(actor.getSnapshot())).toBe('awaiting');
    expect(select.selectVisibleReplies(actor.getSnapshot())).toEqual([{ id: 'open', text: 'Reply open.', index: 1 }]);
    // Garbage payloads do not throw.
    actor.send({ type: 'trainee.choose', choiceId: 42 as unknown as string, at: Number.NaN });
    actor.send({ type: 'session.rewind', decision: 'x' as unknown as number, at: 1 });
    expect(actor.getSnapshot().status).toBe('active');
    actor.send({ type: 'trainee.choose', choiceId: 'open', at: 40 });
    actor.send({ type: 'customer.finishedSpeaking', at: 50 });
    expect(select.selectEnding(actor.getSnapshot())?.outcome).toBe('resolved');
    actor.send({ type: 'trainee.choose', choiceId: 'open', at: 60 });
    actor.send({ type: 'session.pause', at: 60 });
    expect(select.selectPhase(actor.getSnapshot())).toBe('ended');
  });

  it('applies the silence rule with its reaction line and tags', () => {
    const actor = start();
    actor.send({ type: 'customer.finishedSpeaking', at: 1000 });
    actor.send({ type: 'trainee.choose', choiceId: 'acknowledge', at: 2000 });
    actor.send({ type: 'customer.finishedSpeaking', at: 3000 });
    actor.send({ type: 'trainee.silent', at: 9000 });
    const snap = actor.getSnapshot();
    expect(select.selectPhase(snap)).toBe('reacting');
    expect(select.selectCustomerLines(snap)[0]?.text).toBe('Hello? Are you there?');
    const last = decisionsOf(snap.context.transcript).at(-1);
    expect(last).toMatchObject({ kind: 'silence', choiceId: null, tags: ['indifference'], moodAfter: 55, responseMs: 6000 });
    actor.send({ type: 'customer.finishedSpeaking', at: 10000 });
    expect(actor.getSnapshot().context.nodeId).toBe('receipt');
    expect(select.selectPhase(actor.getSnapshot())).toBe('speaking');
  });

  it('rewards waiting through venting and flags rushing to a fix', () => {
    const silent = start();
    silent.send({ type: 'customer.finishedSpeaking', at: 1000 });
    silent.send({ type: 'trainee.silent', at: 9000 });
    expect(decisionsOf(silent.getSnapshot().context.transcript)[0]).toMatchObject({
      kind: 'silence',
      tags: ['listening', 'composure'],
    });
    const rushed = start();
    rushed.send({ type: 'customer.finishedSpeaking', at: 1000 });
    rushed.send({ type: 'trainee.choose', choiceId: 'policy', at: 1200 });
    expect(decisionsOf(rushed.getSnapshot().context.transcript)[0]).toMatchObject({
      tags: ['impatience'],
      added: [{ tag: 'impatience', reason: 'rushed-venting' }],
    });
  });

  it('ends as walked-out when mood reaches the threshold', () => {
    const actor = start(kettleScenario());
    actor.send({ type: 'customer.finishedSpeaking', at: 1000 });
    actor.send({ type: 'trainee.choose', choiceId: 'dropped', at: 2000 }); // 60 + 20 = 80
    actor.send({ type: 'customer.finishedSpeaking', at: 3000 });
    actor.send({ type: 'trainee.choose', choiceId: 'wait', at: 4000 }); // 80 + 25 = 105 -> 100
    const snap = actor.getSnapshot();
    expect(select.selectPhase(snap)).toBe('ended');
    expect(snap.context.mood).toBe(100);
    expect(select.selectEnding(snap)).toEqual({
      type: 'end',
      at: 4000,
      nodeId: 'defensive',
      outcome: 'walked-out',
      comment: defaultWalksOutLine('en').text,
      commentExpression: defaultWalksOutLine('en').expression,
      walkOut: 'mood',
    });
    expect(decisionsOf(snap.context.transcript).at(-1)).toMatchObject({ choiceId: 'wait', walkOut: 'mood' });
  });

  it('quotes the scenario\'s own parting words when the customer walks out', () => {
    const scenario = { ...kettleScenario(), walksOut: { text: 'Forget it.', expression: 'furious' as const } };
    const actor = start(scenario);
    actor.send({ type: 'customer.finishedSpeaking', at: 1000 });
    actor.send({ type: 'trainee.choose', choiceId: 'dropped', at: 2000 });
    actor.send({ type: 'customer.finishedSpeaking', at: 3000 });
    actor.send({ type: 'trainee.choose', choiceId: 'wait', at: 4000 });
    expect(select.selectEnding(actor.getSnapshot())?.comment).toBe('Forget it.');
  });

  it('pauses from any phase and resumes into the same one', () => {
    const actor = start();
    actor.send({ type: 'session.pause', at: 100 });
    expect(select.selectIsPaused(actor.getSnapshot())).toBe(true);
    actor.send({ type: 'trainee.choose', choiceId: 'acknowledge', at: 150 });
    actor.send({ type: 'customer.finishedSpeaking', at: 150 });
    actor.send({ type: 'session.resume', at: 200 });
    expect(select.selectPhase(actor.getSnapshot())).toBe('speaking');
    actor.send({ type: 'customer.finishedSpeaking', at: 300 });
    actor.send({ type: 'session.pause', at: 400 });
    expect(select.selectActivePhase(actor.getSnapshot())).toBe('awaiting');
    actor.send({ type: 'session.resume', at: 500 });
    expect(select.selectPhase(actor.getSnapshot())).toBe('awaiting');
    actor.send({ type: 'trainee.choose', choiceId: 'policy', at: 600 });
    actor.send({ type: 'session.pause', at: 700 }); // wait: policy has no reaction, so we are speaking at receipt
    actor.send({ type: 'session.resume', at: 800 });
    const types = actor.getSnapshot().context.transcript.filter((e) => e.type === 'pause' || e.type === 'resume');
    expect(types.map((e) => `${e.type}@${e.at}`)).toEqual(['pause@100', 'resume@200', 'pause@400', 'resume@500', 'pause@700', 'resume@800']);
  });

  it('rewinds to before decision k exactly, and restarts', () => {
    const actor = start();
    actor.send({ type: 'customer.finishedSpeaking', at: 1000 });
    actor.send({ type: 'trainee.choose', choiceId: 'acknowledge', at: 2000 });
    actor.send({ type: 'customer.startedLine', index: 0, at: 2000 });
    actor.send({ type: 'customer.finishedSpeaking', at: 3000 });
    const beforeSecond = actor.getSnapshot().context;
    actor.send({ type: 'trainee.choose', choiceId: 'rules', at: 4000 });
    actor.send({ type: 'customer.finishedSpeaking', at: 5000 });
    actor.send({ type: 'customer.finishedSpeaking', at: 6000 });
    expect(select.selectEnding(actor.getSnapshot())?.outcome).toBe('escalated');
    actor.send({ type: 'session.rewind', decision: 1, at: 7000 });
    const rewound = actor.getSnapshot();
    expect(select.selectPhase(rewound)).toBe('speaking');
    expect(rewound.context.nodeId).toBe('receipt');
    expect(rewound.context.variables).toEqual(beforeSecond.variables);
    expect(rewound.context.mood).toBe(beforeSecond.mood);
    expect(rewound.context.decisionCount).toBe(1);
    // The transcript stops before the receipt node's turn began.
    expect(rewound.context.transcript.at(-1)).toMatchObject({ type: 'decision', index: 0 });
    actor.send({ type: 'session.rewind', decision: 0, at: 8000 });
    expect(actor.getSnapshot().context.transcript).toEqual([]);
    expect(actor.getSnapshot().context.mood).toBe(60);
    actor.send({ type: 'customer.finishedSpeaking', at: 9000 });
    actor.send({ type: 'session.restart', at: 0 });
    const restarted = actor.getSnapshot();
    expect(select.selectPhase(restarted)).toBe('speaking');
    expect(restarted.context.nodeId).toBe('arrival');
    expect(restarted.context.transcript).toEqual([]);
  });
});
