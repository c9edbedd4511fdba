import { createActor } from 'xstate';
import { describe, expect, test } from 'vitest';
import { readSnapshot, repliesNow } from '../../src/classroom/snapshot.ts';
import { summarizeSession, findBestPath } from '../../src/classroom/summary.ts';
import { createConversationMachine } from '../../src/conversation/machine.ts';
import { conversationInput } from '../../src/presenter/conversationInput.ts';
import { presentDebrief } from '../../src/presenter/debrief.ts';
import { presentRoomPresenter, clockText } from '../../src/presenter/roomPresenter.ts';
import { presentRoomProjector, roomKeys } from '../../src/presenter/roomProjector.ts';
import { presentRoomExport, presentRoomSummary } from '../../src/presenter/roomSummary.ts';
import { DEFAULT_RUBRIC, scoreConversation } from '../../src/scoring/index.ts';
import { finishedTranscript, firstReplyTranscript, parcelScenario, session } from '../classroom/fixture.ts';
import { strictTranslate } from './conversationFixture.ts';

const scenario = parcelScenario();
const t = strictTranslate('en');
const fi = strictTranslate('fi');

/** The machine at the first decision: the customer has finished. */
function atFirstDecision() {
  const actor = createActor(createConversationMachine(scenario)).start();
  let at = 0;
  for (let i = 0; i < 20 && !('active' in (actor.getSnapshot().value as object) && (actor.getSnapshot().value as { active: string }).active === 'awaiting'); i++) {
    at += 1000;
    actor.send({ type: 'customer.startedLine', index: i, at });
    actor.send({ type: 'customer.finishedSpeaking', at: at + 500 });
  }
  return actor;
}

const progress = { lineProgress: 1, silenceProgress: null };

describe('the projector view', () => {
  test('replies as A–D once the customer has finished; nothing about scoring', () => {
    const actor = atFirstDecision();
    const view = presentRoomProjector({ scenario, session: session(), conversation: conversationInput(actor.getSnapshot(), progress), revealed: null, reducedMotion: false }, t);
    expect(view.repliesVisible).toBe(true);
    expect(view.replies.map((r) => r.letter)).toEqual(['A', 'B', 'C', 'D'].slice(0, view.replies.length));
    expect(view.replies[0]?.label).toMatch(/^A: /);
    expect(view.status.map((s) => s.id)).toEqual(['waiting']);
    const text = JSON.stringify(view);
    for (const word of ['mood', 'score', 'trust', 'empathy']) expect(text.toLowerCase()).not.toContain(word);
  });

  test('while the customer talks, no replies (even on an early-replies node) unless in the hot seat', () => {
    const actor = createActor(createConversationMachine(scenario)).start();
    actor.send({ type: 'customer.startedLine', index: 0, at: 100 });
    const input = conversationInput(actor.getSnapshot(), { lineProgress: 0.5, silenceProgress: null });
    const room = presentRoomProjector({ scenario, session: session(), conversation: input, revealed: null, reducedMotion: false }, t);
    expect(room.repliesVisible).toBe(false);
    expect(room.talkingCue).toMatch(/still talking/);
    const hot = presentRoomProjector({ scenario, session: session({ hotSeat: true }), conversation: input, revealed: null, reducedMotion: false }, t);
    expect(hot.status.map((s) => s.id)).toContain('hotSeat');
    expect(hot.repliesVisible).toBe(scenario.nodes[scenario.start]!.earlyReplies);
  });

  test('a vote shows a bar per reply, the focused reply, then the winner', () => {
    const actor = atFirstDecision();
    const ids = actor.getSnapshot().context.scenario.nodes[actor.getSnapshot().context.nodeId]!.replies.map((r) => r.id);
    const counting = session({ vote: { decision: 0, nodeId: 'x', replyIds: ids, counts: { [ids[0]!]: 2, [ids[1]!]: 6 }, focus: 1, fresh: false } });
    const input = conversationInput(actor.getSnapshot(), progress);
    const view = presentRoomProjector({ scenario, session: counting, conversation: input, revealed: null, reducedMotion: false }, t);
    expect(view.replies[1]?.vote).toMatchObject({ count: 6, fraction: 0.75, focused: true, winner: false });
    expect(view.vote?.instruction).toContain('B');
    const counted = presentRoomProjector({ scenario, session: { ...counting, vote: { ...counting.vote!, focus: ids.length } }, conversation: input, revealed: null, reducedMotion: false }, t);
    expect(counted.replies[1]?.vote?.winner).toBe(true);
    expect(counted.vote?.instruction).toMatch(/Most hands: B/);
  });

  test('a reveal carries the debrief card of that decision; blank and help pass through', () => {
    const transcript = firstReplyTranscript(scenario);
    const card = presentDebrief(scenario, transcript, scoreConversation(scenario, transcript), t).decisions.items[0]!;
    const view = presentRoomProjector({ scenario, session: session({ reveal: 0, blank: true, help: true }), conversation: null, revealed: card, reducedMotion: true }, t);
    expect(view.reveal).toMatchObject({ heading: 'Decision 1: what it did', feedback: card.feedback, bad: card.bad });
    expect(view).toMatchObject({ blank: true, help: true });
  });

  test('the key help lists every key, in both languages', () => {
    expect(roomKeys(t).map((k) => k.keys)).toEqual(expect.arrayContaining(['A B C D', 'V', 'R', 'P', '←', 'PageDown →', 'PageUp', 'H', 'B  .', 'F', 'N', 'W', 'S', 'J  E', 'Esc', '?']));
    expect(roomKeys(fi).every((k) => k.action.length > 0)).toBe(true);
  });
});

describe('the trainer’s view', () => {
  test('notes, every reply with tags, verdict, mood and where it leads, the best reply marked', () => {
    const actor = atFirstDecision();
    const reading = readSnapshot(actor.getPersistedSnapshot());
    const best = findBestPath(scenario, DEFAULT_RUBRIC);
    const bundle = summarizeSession({ scenario, transcript: reading!.transcript, session: session(), rubric: DEFAULT_RUBRIC, best });
    const view = presentRoomPresenter(
      {
        scenario,
        session: session(),
        live: { phase: 'awaiting', conversationMs: 5000 },
        nodeId: reading!.nodeId,
        replies: repliesNow(scenario, reading),
        decisions: reading!.decisions,
        classPath: bundle.classPath,
        bestPath: bundle.bestPath,
        bestScore: bundle.bestScore,
        rubric: DEFAULT_RUBRIC,
        now: 1_000 + 125_000,
      },
      t,
    );
    expect(view.elapsedText).toBe('Session time 2:05');
    expect(view.connection).toBeNull();
    expect(view.scenarioNote?.text).toBe(scenario.facilitator);
    expect(view.replies.length).toBeGreaterThan(1);
    expect(view.replies.filter((r) => r.best)).toHaveLength(1);
    expect(view.replies.some((r) => r.verdict === 'trust-ruining')).toBe(true);
    expect(view.replies[0]?.leadsTo).toMatch(/^→ /);
    expect(view.paths.rows.length).toBe(bundle.bestPath.length);
    expect(view.controls.find((c) => c.command === 'stepBack')?.disabled).toBe(true);
    // The period always blanks (B is reply B while replies are shown): it is the key announced.
    expect(view.controls.find((c) => c.command === 'blank')).toMatchObject({ label: 'Blank screen', keys: 'B or .', shortcut: '.' });
  });

  test('says so when the projector is not answering', () => {
    const view = presentRoomPresenter({ scenario, session: session(), live: null, nodeId: scenario.start, replies: [], decisions: [], classPath: [], bestPath: [], bestScore: null, rubric: DEFAULT_RUBRIC, now: 0 }, t);
    expect(view.connection).toMatch(/not answering/);
    expect(view.noReplies).toMatch(/once the customer has spoken/);
  });

  test('clock text', () => {
    expect(clockText(0)).toBe('0:00');
    expect(clockText(45 * 60_000 + 9_000)).toBe('45:09');
  });
});

describe('the summary pages and the printable record', () => {
  const transcript = firstReplyTranscript(scenario);
  const summary = summarizeSession({ scenario, transcript, session: session(), rubric: DEFAULT_RUBRIC, best: findBestPath(scenario, DEFAULT_RUBRIC) });
  const self = presentDebrief(scenario, transcript, scoreConversation(scenario, transcript), t).selfAnalysis.items;

  test('overview, votes, then the five self-analysis questions one per page', () => {
    const view = presentRoomSummary(summary, self, t);
    expect(view.pages.map((p) => p.kind)).toEqual(['overview', 'votes', 'question', 'question', 'question', 'question', 'question']);
    const overview = view.pages[0]!;
    if (overview.kind !== 'overview') throw new Error('overview first');
    expect(overview.scoreText).toBe(`Score ${summary.score!.overall} / 100`);
    expect(overview.rows[0]?.classText).toMatch(/^A: /);
    expect(view.pages[1]).toMatchObject({ kind: 'votes', empty: 'No votes were taken in this session.' });
    expect(view.pages[2]).toMatchObject({ kind: 'question', number: 1, of: 5, question: self[0]!.question });
    expect(view.pageLabel(2)).toBe('Page 3 of 7');
  });

  test('the Finnish summary is in Finnish', () => {
    const view = presentRoomSummary(summary, self, fi);
    expect(view.pages[0]).toMatchObject({ heading: 'Näin ryhmä onnistui' });
  });

  test('the record has the facts, the paths, the trust-ruiners, the votes and the questions', () => {
    const doc = presentRoomExport(summary, self, t, 'en');
    expect(doc.title).toBe(`Classroom session: ${scenario.title}`);
    expect(doc.facts.map((f) => f.label)).toEqual(expect.arrayContaining(['Started', 'Length', 'Score', 'Steps back']));
    expect(doc.sections.map((s) => s.heading)).toEqual(['The class’s path and the best path', 'Trust-ruiners committed', 'How the room voted', 'Self-analysis questions']);
    expect(doc.sections[0]?.table?.[1]?.[1]).toMatch(/^A: /);
    expect(doc.sections[3]?.paragraphs).toHaveLength(5);
  });
});

describe('the best path itself', () => {
  test('the summary of the best-first path matches itself step by step', () => {
    const transcript = finishedTranscript(scenario);
    const best = findBestPath(scenario, DEFAULT_RUBRIC, 1);
    const summary = summarizeSession({ scenario, transcript, session: session(), rubric: DEFAULT_RUBRIC, best });
    expect(presentRoomSummary(summary, [], t).pages[0]).toMatchObject({ kind: 'overview' });
    expect(summary.classPath.every((s) => s.matchesBest)).toBe(true);
  });
});
