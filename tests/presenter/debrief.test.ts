import { describe, expect, it } from 'vitest';
import { presentDebrief, overallBand } from '../../src/presenter/debrief.ts';
import { scoreConversation } from '../../src/scoring/index.ts';
import { kettleScenario, playTranscript, strictTranslate, type Step } from './conversationFixture.ts';

const scenario = kettleScenario();
const en = strictTranslate('en');
const fi = strictTranslate('fi');

function debrief(steps: Step[], t = en) {
  const transcript = playTranscript(scenario, steps);
  const score = scoreConversation(scenario, transcript);
  return { view: presentDebrief(scenario, transcript, score, t), score, transcript };
}

describe('presentDebrief', () => {
  it('celebrates a patient, friendly path: no trust-ruiners, zero shown as good news', () => {
    const { view, score } = debrief([{ choose: 'acknowledge' }, { choose: 'look-up' }]);
    expect(view.overall.score).toBe(score.overall);
    expect(view.overall.valueText).toBe(`${score.overall} / 100`);
    expect(view.autoFail).toBeNull();
    expect(view.outcome).toMatchObject({ id: 'resolved', label: 'Resolved' });
    expect(view.outcome.explanation).toContain('Marja');
    expect(view.ruiners.items.map((r) => r.id)).toEqual(['indifference', 'impatience', 'judging', 'arrogance', 'tyranny']);
    for (const r of view.ruiners.items) {
      expect(r.count).toBe(0);
      expect(r.countText).toBe('none, well done');
      expect(r.whereText).toBeNull();
    }
    expect(view.satisfaction.comment).toBe("She was kind about it, and it didn't take all day.");
    expect(view.satisfaction.stars).toBeGreaterThanOrEqual(1);
    expect(view.satisfaction.starsText).toBe(`${view.satisfaction.stars} of 5 stars`);
  });

  it('lists the four virtues with their scores', () => {
    const { view, score } = debrief([{ choose: 'acknowledge' }, { choose: 'look-up' }]);
    expect(view.virtues.items.map((v) => [v.id, v.score])).toEqual([
      ['friendliness', Math.round(score.virtues.friendliness)],
      ['expertise', Math.round(score.virtues.expertise)],
      ['composure', Math.round(score.virtues.composure)],
      ['efficiency', Math.round(score.virtues.efficiency)],
    ]);
    expect(view.virtues.items[2]!.name).toBe('Composure and patience');
  });

  it('explains each decision: what was said, tags in plain words, feedback, mood and replay', () => {
    const { view } = debrief([{ choose: 'acknowledge' }, { choose: 'rules' }]);
    const [first, second] = view.decisions.items;
    expect(first).toMatchObject({ number: 1, index: 0, heading: 'Decision 1', youSaid: "That sounds really frustrating. Let's get it sorted today." });
    expect(first!.customerSaid).toBe('I took a morning off for this. What are you going to do about it?');
    expect(first!.good).toContain('named the customer’s feelings');
    expect(first!.replayLabel).toBe('Replay from decision 1');
    expect(second!.bad).toEqual(['came across as indifferent']);
    expect(second!.feedback).toBe('Hiding behind the rule leaves her alone with the problem.');
    expect(second!.better).toEqual({ heading: 'A better reply here', text: 'I can find it from your card payment.', why: expect.any(String) });
    expect(second!.moodText).toMatch(/^Mood \d+ → \d+$/);
    const indifference = view.ruiners.items.find((r) => r.id === 'indifference')!;
    expect(indifference).toMatchObject({ count: 1, countText: 'once', whereText: 'in decision 2' });
  });

  it('explains an interruption: the note, the impatience count and why it cost trust', () => {
    const { view } = debrief([{ choose: 'acknowledge', interrupt: true }, { choose: 'look-up' }]);
    const first = view.decisions.items[0]!;
    expect(first.interruptedText).toBe('Marja was still talking when you answered.');
    expect(first.bad).toContain('was impatient');
    expect(first.notes).toContain('You answered before Marja had finished: that is interrupting.');
    expect(view.ruiners.items.find((r) => r.id === 'impatience')!.count).toBe(1);
    expect(view.patience.lines[0]).toBe('You talked over the customer once.');
    expect(first.better).toEqual({
      heading: 'Better: the same reply, once Marja has finished',
      text: "That sounds really frustrating. Let's get it sorted today.",
      why: 'The same words land far better once Marja has finished speaking.',
    });
  });

  it('shows the auto-fail banner with its reason and decision', () => {
    const { view } = debrief([{ choose: 'shout' }]);
    expect(view.overall.score).toBe(0);
    expect(view.autoFail?.heading).toBe('This contact failed automatically');
    expect(view.autoFail?.reason).toContain('In decision 1 you raised your voice');
    expect(view.ruiners.items.find((r) => r.id === 'tyranny')!.countText).toBe('once');
    expect(view.outcome.id).toBe('walked-out');
    expect(view.outcome.explanation).toBe("Marja's mood reached the breaking point and they walked away mid-conversation.");
  });

  it('tells a walk-out the scenario wrote as an ending apart from one the mood caused', () => {
    const gone = scenario.nodes.gone!;
    const written = { ...scenario, nodes: { ...scenario.nodes, gone: { ...gone, end: { ...gone.end!, outcome: 'walked-out' as const } } } };
    const transcript = playTranscript(written, [{ choose: 'acknowledge' }, { choose: 'rules' }]);
    const view = presentDebrief(written, transcript, scoreConversation(written, transcript), en);
    expect(view.outcome.id).toBe('walked-out');
    expect(view.outcome.explanation).toBe('Marja chose to leave before anything was settled. Look at the decisions below for where the trust went.');
  });

  it('describes a silence as a decision of its own', () => {
    const { view } = debrief([{ silent: true }, { choose: 'look-up' }]);
    const first = view.decisions.items[0]!;
    expect(first.youSaid).toBeNull();
    expect(first.silenceText).toBe('You said nothing for a while.');
    expect(first.bad).toContain('came across as indifferent');
  });

  it('plots the mood over time with a marker per decision', () => {
    const { view, transcript } = debrief([{ choose: 'acknowledge' }, { choose: 'rules' }]);
    const { points, markers } = view.mood;
    expect(points[0]).toEqual({ x: 0, mood: 70 });
    expect(points[points.length - 1]!.x).toBe(1);
    expect(points.every((p, i) => i === 0 || p.x >= points[i - 1]!.x)).toBe(true);
    expect(markers.map((m) => m.number)).toEqual([1, 2]);
    const decisions = transcript.filter((e) => e.type === 'decision');
    expect(markers.map((m) => m.mood)).toEqual(decisions.map((d) => (d.type === 'decision' ? d.moodAfter : -1)));
    expect(markers[1]!.verdict).toBe('trust-ruining');
    expect(view.mood.summary).toContain('70');
    expect(view.mood.walkOutAt).toBe(95);
  });

  it('asks the five self-analysis questions', () => {
    const { view } = debrief([{ choose: 'acknowledge' }, { choose: 'look-up' }]);
    expect(view.selfAnalysis.questions).toHaveLength(5);
    expect(new Set(view.selfAnalysis.questions).size).toBe(5);
    expect(view.selfAnalysis.questions.every((q) => q.endsWith('?'))).toBe(true);
  });

  it('reads the same in Finnish', () => {
    const { view } = debrief([{ choose: 'dropped' }, { choose: 'look-up' }], fi);
    expect(view.heading).toBe('Miten meni');
    expect(view.ruiners.items.find((r) => r.id === 'judging')!.countText).toBe('kerran');
    expect(view.ruiners.items.find((r) => r.id === 'arrogance')!.countText).toBe('ei kertaakaan, hienoa');
    expect(view.selfAnalysis.questions).toHaveLength(5);
    expect(view.actions.playAgain).toBe('Pelaa uudelleen');
  });
});

describe('overallBand', () => {
  it('puts scores into four bands', () => {
    expect([100, 85, 84, 70, 69, 50, 49, 0].map(overallBand)).toEqual(['excellent', 'excellent', 'good', 'good', 'fair', 'fair', 'low', 'low']);
  });
});
