import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { createConversationMachine } from '../../src/conversation/machine.ts';
import { conversationInput } from '../../src/presenter/conversationInput.ts';
import { presentConversation } from '../../src/presenter/conversation.ts';
import { kettleScenario, strictTranslate } from './conversationFixture.ts';

const scenario = kettleScenario();
const settings = { facilitatorMode: false, reducedMotion: true };

function start() {
  return createActor(createConversationMachine(scenario)).start();
}

describe('conversationInput', () => {
  it('reads a speaking snapshot: early replies visible and interrupting, captions growing', () => {
    const actor = start();
    actor.send({ type: 'customer.startedLine', index: 0, at: 0 });
    const input = conversationInput(actor.getSnapshot(), { lineProgress: 0.4, silenceProgress: null });
    expect(input).toMatchObject({ nodeId: 'arrival', phase: 'speaking', paused: false, mood: 70, lineProgress: 0.4, repliesOpen: true, wouldInterrupt: true });
    expect(input.lines.map((l) => l.index)).toEqual([0]);
    const view = presentConversation(input, settings, strictTranslate('en'));
    expect(view.replies.every((r) => r.interrupts)).toBe(true);
    expect(view.captions[0]!.rest.length).toBeGreaterThan(0);
  });

  it('reads awaiting with the silence progress, and paused as paused', () => {
    const actor = start();
    actor.send({ type: 'customer.startedLine', index: 0, at: 0 });
    actor.send({ type: 'customer.startedLine', index: 1, at: 3000 });
    actor.send({ type: 'customer.finishedSpeaking', at: 6000 });
    const awaiting = conversationInput(actor.getSnapshot(), { lineProgress: 1, silenceProgress: 0.3 });
    expect(awaiting).toMatchObject({ phase: 'awaiting', silenceProgress: 0.3, lineProgress: 1, repliesOpen: true, wouldInterrupt: false });
    expect(awaiting.replies.map((r) => r.id)).toEqual(['acknowledge', 'dropped', 'shout']);
    actor.send({ type: 'session.pause', at: 7000 });
    const paused = conversationInput(actor.getSnapshot(), { lineProgress: 1, silenceProgress: 0.35 });
    expect(paused).toMatchObject({ phase: 'awaiting', paused: true });
  });

  it('reports the outcome once ended', () => {
    const actor = start();
    actor.send({ type: 'customer.startedLine', index: 0, at: 0 });
    actor.send({ type: 'customer.finishedSpeaking', at: 3000 });
    actor.send({ type: 'trainee.choose', choiceId: 'shout', at: 4000 });
    const input = conversationInput(actor.getSnapshot(), { lineProgress: 1, silenceProgress: null });
    expect(input).toMatchObject({ phase: 'ended', outcome: 'walked-out', replies: [] });
  });

  it('follows the machine on a node that opts out of early replies: nothing to interrupt, replies once she has finished', () => {
    const optedOut = kettleScenario();
    optedOut.nodes.arrival = { ...optedOut.nodes.arrival!, earlyReplies: false };
    const actor = createActor(createConversationMachine(optedOut)).start();
    actor.send({ type: 'customer.startedLine', index: 0, at: 0 });
    const speaking = conversationInput(actor.getSnapshot(), { lineProgress: 0.5, silenceProgress: null });
    expect(speaking).toMatchObject({ repliesOpen: false, wouldInterrupt: false });
    expect(presentConversation(speaking, settings, strictTranslate('en')).repliesVisible).toBe(false);
    actor.send({ type: 'customer.startedLine', index: 1, at: 3000 });
    actor.send({ type: 'customer.finishedSpeaking', at: 6000 });
    expect(conversationInput(actor.getSnapshot(), { lineProgress: 1, silenceProgress: 0 })).toMatchObject({ repliesOpen: true, wouldInterrupt: false });
  });
});
