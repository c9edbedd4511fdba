import { describe, expect, it } from 'vitest';
import type { DecisionEntry, LineEntry } from '../../src/conversation/transcript.ts';
import { presentConversation, splitSpoken, type ConversationInput } from '../../src/presenter/conversation.ts';
import { moodBand, moodExpression } from '../../src/presenter/conversationMood.ts';
import { kettleScenario, strictTranslate } from './conversationFixture.ts';

const scenario = kettleScenario();
const en = strictTranslate('en');
const fi = strictTranslate('fi');
const plain = { facilitatorMode: false, reducedMotion: false };

function line(index: number, at = index * 1000, nodeId = 'arrival'): LineEntry {
  const says = scenario.nodes[nodeId]!.says[index]!;
  return { type: 'line', at, nodeId, index, text: says.text, expression: says.expression, cause: 'node' };
}

/** A flat input as the machine would give it: replies open once finished, or early where the node allows it. */
function input(partial: Partial<ConversationInput> = {}): ConversationInput {
  const base = {
    scenario,
    nodeId: 'arrival',
    phase: 'speaking' as const,
    paused: false,
    mood: 70,
    lines: [line(0)],
    lineProgress: 0.5,
    replies: scenario.nodes.arrival!.replies,
    silenceProgress: null,
    outcome: null,
    turn: 1,
    ...partial,
  };
  const early = base.phase === 'speaking' && (base.scenario.nodes[base.nodeId]?.earlyReplies ?? false);
  return { repliesOpen: base.phase === 'awaiting' || early, wouldInterrupt: early, ...base };
}

describe('presentConversation', () => {
  it('numbers early replies 1..n and marks them as interrupting while the customer talks', () => {
    const view = presentConversation(input(), plain, en);
    expect(view.repliesVisible).toBe(true);
    expect(view.replies.map((r) => r.number)).toEqual([1, 2, 3]);
    expect(view.replies.every((r) => r.interrupts)).toBe(true);
    expect(view.replies[0]!.label).toContain('1. That sounds really frustrating');
    expect(view.replies[0]!.label).toContain('interrupts Marja');
    expect(view.talkingCue).toBe('Marja is still talking…');
    expect(view.interruptNote).toContain('cut Marja off');
  });

  it('does not mark replies as interrupting once the customer has finished', () => {
    const view = presentConversation(input({ phase: 'awaiting', lineProgress: 1, lines: [line(0), line(1)] }), plain, en);
    expect(view.replies.some((r) => r.interrupts)).toBe(false);
    expect(view.replies[1]!.label).toBe("2. Did it get dropped, maybe? They don't usually break.");
    expect(view.talkingCue).toBeNull();
    expect(view.interruptNote).toBeNull();
  });

  it('hides replies while the customer talks on a node without early replies', () => {
    const receipt = scenario.nodes.receipt!;
    const view = presentConversation(
      input({ nodeId: 'receipt', lines: [line(0, 5000, 'receipt')], replies: receipt.replies }),
      plain,
      en,
    );
    expect(view.repliesVisible).toBe(false);
    expect(view.replies).toEqual([]);
    expect(view.talkingCue).toBe('Marja is still talking…');
  });

  it('offers at most four replies', () => {
    const many = [...scenario.nodes.arrival!.replies, ...scenario.nodes.receipt!.replies];
    const view = presentConversation(input({ phase: 'awaiting', replies: many }), plain, en);
    expect(view.replies.map((r) => r.number)).toEqual([1, 2, 3, 4]);
  });

  it('reveals the current caption word by word and keeps the rest for layout', () => {
    const view = presentConversation(input({ lines: [line(0), line(1)], lineProgress: 0.25 }), plain, en);
    const current = view.captions[1]!;
    expect(current.current).toBe(true);
    expect(current.shown + current.rest).toBe(current.text);
    expect(current.shown.length).toBeGreaterThan(0);
    expect(current.rest.startsWith(' ')).toBe(true);
    expect(view.captions[0]!.shown).toBe(view.captions[0]!.text);
    expect(view.announce).toEqual({ key: current.key, text: `Marja: ${current.text}` });
  });

  it('keeps only the last four caption lines, each with a distinct key', () => {
    const lines = [line(0, 0), line(1, 1000), line(0, 9000, 'receipt'), line(0, 12000, 'replace'), line(0, 15000, 'gone')];
    const view = presentConversation(input({ phase: 'awaiting', lines }), plain, en);
    expect(view.captions.map((c) => c.text)).toEqual(lines.slice(1).map((l) => l.text));
    expect(new Set(view.captions.map((c) => c.key)).size).toBe(4);
  });

  it("shows the trainee's own reply between the customer's lines, without announcing it", () => {
    const decision: DecisionEntry = {
      type: 'decision', at: 4000, index: 0, nodeId: 'arrival', kind: 'reply', choiceId: 'acknowledge', interrupted: false,
      tags: ['empathy'], added: [], moodBefore: 70, moodAfter: 55, variablesBefore: {}, responseMs: 1000, next: 'receipt', visibleReplyIds: ['acknowledge', 'dropped', 'shout'],
    };
    const withReply = presentConversation(input({ phase: 'reacting', lines: [line(0), line(1), decision] }), plain, en);
    const own = withReply.captions[2]!;
    expect(own).toMatchObject({ own: true, speaker: 'You', text: "That sounds really frustrating. Let's get it sorted today.", rest: '' });
    expect(withReply.announce?.text).toBe(`Marja: ${line(1).text}`);
    const next = presentConversation(input({ nodeId: 'receipt', lines: [line(0), line(1), decision, line(0, 5000, 'receipt')], replies: [] }), plain, en);
    expect(next.captions.map((c) => c.own)).toEqual([false, false, true, false]);
    expect(next.captions[3]!.current).toBe(true);
  });

  it('shows stage directions of replies and customer lines, and marks a reply given over the customer', () => {
    const staged = kettleScenario();
    staged.nodes.arrival!.says[0] = { ...staged.nodes.arrival!.says[0]!, action: 'puts the kettle down hard' };
    staged.nodes.arrival!.replies[2] = { ...staged.nodes.arrival!.replies[2]!, action: 'slaps the counter' };
    const cut: DecisionEntry = {
      type: 'decision', at: 900, index: 0, nodeId: 'arrival', kind: 'reply', choiceId: 'shout', interrupted: true,
      tags: ['tyranny', 'impatience'], added: [{ tag: 'impatience', reason: 'interrupted' }], moodBefore: 70, moodAfter: 80,
      variablesBefore: {}, responseMs: -2000, next: 'arrival', visibleReplyIds: ['acknowledge', 'dropped', 'shout'], reply: 'cut',
    };
    const speaking = presentConversation(input({ scenario: staged, replies: staged.nodes.arrival!.replies }), plain, en);
    expect(speaking.captions[0]).toMatchObject({ action: 'puts the kettle down hard', own: false });
    expect(speaking.announce?.text).toBe(`Marja: (puts the kettle down hard) ${line(0).text}`);
    expect(speaking.replies[2]).toMatchObject({ action: 'slaps the counter', text: 'Calm down or leave!' });
    expect(speaking.replies[2]!.label).toContain('3. (slaps the counter) Calm down or leave!');
    expect(speaking.replies[0]!.action).toBeNull();
    const after = presentConversation(input({ scenario: staged, phase: 'reacting', lines: [line(0), cut] }), plain, fi);
    expect(after.captions[1]).toMatchObject({ own: true, cutIn: true, speaker: 'Sinä, keskeyttäen', action: 'slaps the counter' });
    const recorded: LineEntry = { ...line(0), action: 'sighs' } as LineEntry;
    expect(presentConversation(input({ lines: [recorded] }), plain, en).captions[0]!.action).toBe('sighs');
  });

  it('finds the stage direction of a reaction line in the interruption that said it', () => {
    const staged = kettleScenario();
    staged.nodes.arrival!.interrupted = { says: [{ text: 'Let me finish!', expression: 'angry', action: 'raises a hand' }], mood: 10, reply: 'cut' };
    const reaction: LineEntry = { type: 'line', at: 800, nodeId: 'arrival', index: -1, text: 'Let me finish!', expression: 'angry', cause: 'interrupted' };
    const view = presentConversation(input({ scenario: staged, phase: 'reacting', lines: [line(0), reaction] }), plain, en);
    expect(view.captions[1]!.action).toBe('raises a hand');
    expect(view.announce?.text).toBe('Marja: (raises a hand) Let me finish!');
  });

  it('announces "still talking, answering now cuts in" once per turn, only while early replies are open', () => {
    const first = presentConversation(input({ turn: 3 }), plain, en);
    expect(first.talkingAnnouncement).toEqual({ key: 'turn:3', text: expect.stringContaining('would cut Marja off') });
    expect(presentConversation(input({ turn: 3, lines: [line(0), line(1)] }), plain, en).talkingAnnouncement?.key).toBe('turn:3');
    expect(presentConversation(input({ phase: 'awaiting', lineProgress: 1 }), plain, en).talkingAnnouncement).toBeNull();
    expect(presentConversation(input({ paused: true }), plain, en).talkingAnnouncement).toBeNull();
    expect(presentConversation(input({ turn: 3 }), plain, fi).talkingAnnouncement?.text).toMatch(/puhuu vielä/);
  });

  it('shows a silence prompt like any other customer line', () => {
    const prompt: LineEntry = { type: 'line', at: 20_000, nodeId: 'arrival', index: -1, text: 'Hello? Are you still with me?', expression: 'annoyed', cause: 'silence' };
    const view = presentConversation(input({ phase: 'reacting', lines: [line(0), line(1), prompt] }), plain, en);
    expect(view.captions[2]).toMatchObject({ text: 'Hello? Are you still with me?', speaker: 'Marja', own: false, current: true, action: null });
    expect(view.announce?.text).toBe('Marja: Hello? Are you still with me?');
  });

  it('marks reaction lines apart from the scripted ones', () => {
    const reaction: LineEntry = { type: 'line', at: 800, nodeId: 'arrival', index: -1, text: 'Let me finish!', expression: 'furious', cause: 'interrupted' };
    const view = presentConversation(input({ phase: 'reacting', lines: [line(0), reaction] }), plain, en);
    expect(view.captions[1]!.reaction).toBe(true);
    expect(view.portrait.expression).toBe('furious');
    expect(view.repliesVisible).toBe(false);
  });

  it('shows the line expression while speaking and lets the mood take over when they disagree', () => {
    expect(presentConversation(input({ mood: 20 }), plain, en).portrait.expression).toBe('angry');
    const calmedDown = presentConversation(input({ phase: 'awaiting', mood: 20, lineProgress: 1 }), plain, en);
    expect(calmedDown.portrait.expression).toBe(moodExpression(20));
    const stillAngry = presentConversation(input({ phase: 'awaiting', mood: 70, lineProgress: 1 }), plain, en);
    expect(stillAngry.portrait.expression).toBe('angry');
    expect(presentConversation(input({ lines: [], mood: 90 }), plain, en).portrait).toEqual({ id: 'woman-60s', expression: 'furious' });
  });

  it('describes the mood with a band, a colour and the walk-out mark', () => {
    const view = presentConversation(input({ mood: 62.4 }), plain, en);
    expect(view.mood).toMatchObject({ value: 62, band: 'upset', label: 'Upset', walkOutFraction: 0.95 });
    expect(view.mood.description).toBe('Mood: Upset (62 of 100)');
    expect(view.mood.colourCss).toMatch(/^#[0-9a-f]{6}$/);
    expect(view.mood.badgeCss).toMatch(/^#[0-9a-f]{6}$/);
    expect(view.mood.badgeCss).not.toBe(view.mood.colourCss);
    expect(presentConversation(input({ mood: 140 }), plain, en).mood.value).toBe(100);
    expect(presentConversation(input({ mood: -5 }), plain, en).mood.band).toBe('calm');
  });

  it('fades the silence ring gently and only puts the wait into words in its second half', () => {
    const early = presentConversation(input({ phase: 'awaiting', silenceProgress: 0.2 }), plain, en).silence!;
    const late = presentConversation(input({ phase: 'awaiting', silenceProgress: 0.8 }), plain, en).silence!;
    expect(early.remaining).toBeCloseTo(0.8);
    expect(early.text).toBeNull();
    expect(late.text).toBe('Marja is waiting for your answer.');
    expect(late.opacity).toBeLessThan(early.opacity);
    expect(late.opacity).toBeGreaterThan(0);
    expect(late.text).not.toMatch(/\d/);
    expect(presentConversation(input({ silenceProgress: 0.5 }), plain, en).silence).toBeNull();
  });

  it('hides replies and cues while paused', () => {
    const view = presentConversation(input({ paused: true, phase: 'awaiting', silenceProgress: 0.7 }), plain, en);
    expect(view.paused).toBe(true);
    expect(view.replies).toEqual([]);
    expect(view.silence).toBeNull();
    expect(view.talkingCue).toBeNull();
  });

  it('shows the facilitator note only in facilitator mode, falling back to the scenario note', () => {
    expect(presentConversation(input(), plain, en).facilitator).toBeNull();
    const facilitator = { facilitatorMode: true, reducedMotion: false };
    expect(presentConversation(input(), facilitator, en).facilitator).toBe('Ask the room what Marja needs to hear first.');
    const receipt = presentConversation(input({ nodeId: 'receipt', lines: [line(0, 0, 'receipt')] }), facilitator, en);
    expect(receipt.facilitator).toBe('Pause after her first turn.');
    expect(presentConversation(input(), facilitator, en).keysHint).toContain('N');
  });

  it('turns tweens off with reduced motion', () => {
    expect(presentConversation(input(), { facilitatorMode: false, reducedMotion: true }, en).tweenMs).toBe(0);
    expect(presentConversation(input(), plain, en).tweenMs).toBeGreaterThan(0);
  });

  it('signals the end with the outcome', () => {
    expect(presentConversation(input(), plain, en).ended).toBeNull();
    const view = presentConversation(input({ phase: 'ended', outcome: 'resolved' }), plain, en);
    expect(view.ended).toEqual({ outcome: 'resolved' });
  });

  it('speaks Finnish with the same shape', () => {
    const view = presentConversation(input(), plain, fi);
    expect(view.talkingCue).toBe('Marja puhuu vielä…');
    expect(view.repliesHeading).toBe('Vastauksesi');
    expect(view.mood.label).toBe('Harmistunut');
  });
});

describe('splitSpoken', () => {
  it('reveals whole words only', () => {
    expect(splitSpoken('I took a morning off', 0.35)).toEqual({ shown: 'I took a', rest: ' morning off' });
    expect(splitSpoken('I took a morning off', 0)).toEqual({ shown: '', rest: 'I took a morning off' });
    expect(splitSpoken('I took a morning off', 1)).toEqual({ shown: 'I took a morning off', rest: '' });
    expect(splitSpoken('abc', Number.NaN)).toEqual({ shown: 'abc', rest: '' });
  });
});

describe('moodBand', () => {
  it('splits 0..100 into four bands', () => {
    expect([0, 34, 35, 59, 60, 79, 80, 100].map(moodBand)).toEqual(['calm', 'calm', 'uneasy', 'uneasy', 'upset', 'upset', 'furious', 'furious']);
  });
});
