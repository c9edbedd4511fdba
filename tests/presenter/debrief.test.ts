import { describe, expect, it } from 'vitest';
import { presentDebrief } from '../../src/presenter/debrief.ts';
import type { ScoreReport } from '../../src/scoring/report.ts';
import type { Scenario } from '../../src/scenario/model.ts';
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
    // Cut off (the default), she picks up again and the same replies open once more.
    const { view } = debrief([{ choose: 'acknowledge', interrupt: true }, { choose: 'acknowledge' }, { choose: 'look-up' }]);
    const first = view.decisions.items[0]!;
    expect(first.interruptedText).toBe('Marja was still talking when you answered. Your reply was cut off: Marja did not take it in, so only the interruption counted.');
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

  it('for an interruption whose reply counts as said, no cut-off note; the interruption\'s own feedback explains it', () => {
    const said: Scenario = kettleScenario();
    said.nodes.arrival!.interrupted = { says: [{ text: 'Let me finish!', expression: 'angry' }], mood: 10, reply: 'said', feedback: 'She had not told you the worst part yet.' };
    const transcript = playTranscript(said, [{ choose: 'acknowledge', interrupt: true }, { choose: 'look-up' }]);
    const first = presentDebrief(said, transcript, scoreConversation(said, transcript), en).decisions.items[0]!;
    expect(first.interruptedText).toBe('Marja was still talking when you answered.');
    expect(first.feedback).toBe('She had not told you the worst part yet.');
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

  it('says why the customer walked out when it was the interruptions or the silences, not the mood', () => {
    const { score, transcript } = debrief([{ choose: 'shout' }]);
    const leftBecause = (walkOut: 'interruptions' | 'silences') =>
      presentDebrief(scenario, transcript.map((e) => (e.type === 'end' ? { ...e, walkOut } : e)), score, en).outcome.explanation;
    expect(leftBecause('interruptions')).toBe('Marja had been cut off three times on one turn and walked away.');
    expect(leftBecause('silences')).toBe('Marja waited for an answer that did not come, and walked away.');
  });

  it('tells a walk-out the scenario wrote as an ending apart from one the mood caused', () => {
    const gone = scenario.nodes.gone!;
    const written = { ...scenario, nodes: { ...scenario.nodes, gone: { ...gone, end: { ...gone.end!, outcome: 'walked-out' as const } } } };
    const transcript = playTranscript(written, [{ choose: 'acknowledge' }, { choose: 'rules' }]);
    const view = presentDebrief(written, transcript, scoreConversation(written, transcript), en);
    expect(view.outcome.id).toBe('walked-out');
    expect(view.outcome.explanation).toBe('Marja chose to leave before anything was settled. Look at the decisions below for where the trust went.');
  });

  it('describes a silence as a decision of its own: how long, and that the customer had to break it', () => {
    const { view, transcript } = debrief([{ silent: true }, { choose: 'look-up' }]);
    const first = view.decisions.items[0]!;
    const silence = transcript.find((e) => e.type === 'decision')!;
    expect(first.youSaid).toBeNull();
    const seconds = Math.round((silence.type === 'decision' ? silence.responseMs : 0) / 1000);
    expect(first.silenceText).toBe(`You said nothing for ${seconds} s, so Marja had to break the silence.`);
    expect(first.bad).toContain('came across as indifferent');
    expect(view.patience.lines).toContain('You left Marja waiting once.');
    expect(view.mood.waits.map((w) => w.kind)).toEqual(['silence']);
  })

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

  it('asks the five self-analysis questions and answers each from this run', () => {
    const { view } = debrief([{ choose: 'acknowledge' }, { choose: 'look-up' }]);
    const questions = view.selfAnalysis.items.map((i) => i.question);
    expect(questions).toEqual(['Why did it go the way it did?', 'Where did I go wrong?', 'How could I have acted better?', 'What did I not know?', 'What new skills do I need?']);
    expect(view.selfAnalysis.items.every((i) => i.answer.length > 20)).toBe(true);
    expect(view.selfAnalysis.items[0]!.answer).toBe('You kept Marja’s trust all the way through. The contact ended: resolved.');
    expect(view.selfAnalysis.items[1]!.answer).toBe('Nowhere in particular: no decision cost trust or made Marja more upset.');
  });

  it('names the moment it went wrong, with the mood change, and the better reply with its why', () => {
    const { view } = debrief([{ choose: 'dropped' }, { choose: 'look-up' }]);
    const [why, where, better, , skills] = view.selfAnalysis.items.map((i) => i.answer);
    expect(where).toBe('Decision 1: you judged or blamed Marja; Marja’s mood went 70 → 90.');
    expect(why).toMatch(/^One trust-ruiner \(judging\) kept the score to 79 at most\. The contact ended: resolved\.$/);
    expect(better).toMatch(/^Decision 1: “That sounds really frustrating\. Let's get it sorted today\.” /);
    expect(skills).toMatch(/^Your lowest mark was .+ \(\d+ \/ 100\)\. Practise .+\.$/);
  });

  it('reads the same in Finnish', () => {
    const { view } = debrief([{ choose: 'dropped' }, { choose: 'look-up' }], fi);
    expect(view.heading).toBe('Miten meni');
    expect(view.ruiners.items.find((r) => r.id === 'judging')!.countText).toBe('kerran');
    expect(view.ruiners.items.find((r) => r.id === 'arrogance')!.countText).toBe('ei kertaakaan, hienoa');
    expect(view.selfAnalysis.items.map((i) => i.question)[1]).toBe('Missä tein virheen?');
    expect(view.selfAnalysis.items[1]!.answer).toBe('Päätös 1: tuomitsit tai syyllistit asiakasta (Marja); mieliala muuttui 70 → 90.');
    expect(view.actions.playAgain).toBe('Pelaa uudelleen');
  });
});

describe('the debrief agrees with the score', () => {
  it('takes the verdict from the scorer: never "Excellent" with a trust-ruiner', () => {
    const clean = debrief([{ choose: 'acknowledge' }, { choose: 'look-up' }]);
    expect(clean.view.overall.verdictId).toBe(clean.score.verdict);
    expect(clean.view.overall.verdict).toBe(en(`debrief.verdict_${clean.score.verdict}`));
    const slip = debrief([{ choose: 'dropped' }, { choose: 'look-up' }]);
    expect(slip.score.trustRuinerCount).toBe(1);
    expect(slip.view.overall.verdictId).not.toBe('excellent');
    expect(slip.view.overall.verdict).not.toMatch(/Excellent/);
    expect(slip.view.overall.verdict).toBe(en(`debrief.verdict_${slip.score.verdict}`));
    const failed = debrief([{ choose: 'shout' }]);
    expect(failed.view.overall.verdict).toBe('Failed: one reply broke the customer’s trust outright.');
  });

  it('explains the cap for trust-ruiners in plain words', () => {
    const { view, score } = debrief([{ choose: 'dropped' }, { choose: 'look-up' }]);
    const cap = view.scoreNotes.lines[0]!;
    if (score.breakdown.cap.applied) expect(cap).toMatch(/^One trust-ruiner caps the score at 79\. The rest of the conversation would have reached \d+\.$/);
    else expect(cap).toBe('One trust-ruiner: the score cannot go above 79, however well the rest went.');
    expect(view.scoreNotes.lines).toContain(`Each trust-ruiner also takes points off: ${score.breakdown.trustRuinerPenalty} in all.`);
    expect(debrief([{ choose: 'shout' }]).view.scoreNotes.lines).toEqual(['A reply that fails the contact sets the score to 0; nothing else counts after that.']);
  });

  it('explains what the ending\'s own rating cost', () => {
    const { view, score } = debrief([{ choose: 'acknowledge' }, { choose: 'rules' }]);
    const { rating, best, starsBelow, cost } = score.breakdown.endingRating;
    expect(starsBelow).toBeGreaterThan(0);
    expect(view.scoreNotes.lines).toContain(
      `Marja rated this ending ${rating} of 5 stars, ${starsBelow} stars below the best ending this conversation can reach (${best}): ${cost} points off.`,
    );
  });

  it('says when nothing was taken off', () => {
    const { view, score } = debrief([{ choose: 'acknowledge' }, { choose: 'look-up' }]);
    if (score.breakdown.moodRise.cost === 0 && score.breakdown.extraDecisionCost === 0) {
      expect(view.scoreNotes.lines).toEqual(['Nothing was taken off: no trust-ruiners, no waits, no detours.']);
    }
  });

  it('shows a late reply as a wait: on the decision, in the patience figures, on the plot and in the score notes', () => {
    const { view, score } = debrief([{ choose: 'acknowledge', afterMs: 20_000 }, { choose: 'look-up' }]);
    const first = view.decisions.items[0]!;
    expect(score.decisions[0]!.wait.waited).toBe(true);
    const allowance = Math.round((score.decisions[0]!.wait.allowanceMs ?? 0) / 1000);
    expect(first.waitText).toBe(`You left Marja waiting 20 s before answering (reading the replies takes about ${allowance} s).`);
    expect(view.patience.lines).toContain('You left Marja waiting once.');
    expect(view.mood.waits).toEqual([expect.objectContaining({ number: 1, kind: 'wait', label: 'waited 20 s' })]);
    expect(view.mood.waits[0]!.to).toBeGreaterThan(view.mood.waits[0]!.from);
    expect(view.mood.waitLegend).not.toBeNull();
    expect(view.mood.summary).toContain('The shaded stretch is the time Marja was left waiting.');
    expect(view.scoreNotes.lines).toContain(`Leaving Marja waiting once cost ${score.breakdown.waitCost} points.`);
    expect(view.decisions.items[1]!.waitText).toBeNull();
  });

  it('counts a repeated wait as arrogance and says why', () => {
    const { view, score } = debrief([{ choose: 'acknowledge', afterMs: 20_000 }, { choose: 'look-up', afterMs: 20_000 }]);
    expect(score.decisions[1]!.wait.keptWaiting).toBe(true);
    expect(view.decisions.items[1]!.notes).toContain('Leaving Marja waiting again counts as arrogance: it says your time matters more than theirs.');
    expect(view.ruiners.items.find((r) => r.id === 'arrogance')).toMatchObject({ count: 1, whereText: 'in decision 2' });
    expect(view.ruiners.items.find((r) => r.id === 'arrogance')!.hint).toMatch(/talking down.*making them wait/);
    expect(view.selfAnalysis.items[1]!.answer).toMatch(/^Decision 2: you left Marja waiting 20 s/);
  });

  it('shows a silence through venting as patience, never as leaving the customer waiting', () => {
    const { score, transcript } = debrief([{ silent: true }, { choose: 'look-up' }]);
    const patient: ScoreReport = {
      ...score,
      patience: { ...score.patience, silences: 1, patientSilences: 1, leftWaiting: 0 },
      decisions: score.decisions.map((d, i) =>
        i === 0 ? { ...d, tags: ['listening', 'composure'], added: [{ tag: 'listening', reason: 'waited-through-venting' }], verdict: 'good', patientSilence: true, trustRuiners: [] } : d,
      ),
    };
    const view = presentDebrief(scenario, transcript, patient, en);
    expect(view.decisions.items[0]!.silenceText).toBe('You said nothing and let Marja let off steam. That is patience.');
    expect(view.patience.lines).toContain('You stayed quiet once while Marja let off steam: that is patience, not keeping them waiting.');
    expect(view.patience.lines).toContain('You never left Marja waiting.');
    expect(view.patience.lines.join(' ')).not.toMatch(/left Marja waiting once/);
    expect(view.mood.waits.map((w) => w.kind)).toEqual(['patience']);
    expect(view.mood.summary).not.toContain('shaded');
  });

  it('explains the better reply with the scenario\'s own why, never with that reply\'s praise', () => {
    const withWhy: Scenario = kettleScenario();
    const receipt = withWhy.nodes.receipt!;
    receipt.replies[1] = { ...receipt.replies[1]!, betterWhy: 'Looking up the payment would have shown her you are on her side.' };
    receipt.replies[0] = { ...receipt.replies[0]!, feedback: 'Great: you found it from the card.' };
    const transcript = playTranscript(withWhy, [{ choose: 'acknowledge' }, { choose: 'rules' }]);
    const view = presentDebrief(withWhy, transcript, scoreConversation(withWhy, transcript), en);
    expect(view.decisions.items[1]!.better).toEqual({
      heading: 'A better reply here',
      text: 'I can find it from your card payment.',
      why: 'Looking up the payment would have shown her you are on her side.',
    });
  });

  it('shows stage directions of the reply and of the customer\'s line', () => {
    const staged: Scenario = kettleScenario();
    staged.nodes.arrival!.says[1] = { ...staged.nodes.arrival!.says[1]!, action: 'pushes the kettle across the counter' };
    staged.nodes.arrival!.replies[1] = { ...staged.nodes.arrival!.replies[1]!, action: 'turns the kettle over, frowning' };
    const transcript = playTranscript(staged, [{ choose: 'dropped' }, { choose: 'look-up' }]);
    const view = presentDebrief(staged, transcript, scoreConversation(staged, transcript), fi);
    expect(view.decisions.items[0]).toMatchObject({ youDid: '(turns the kettle over, frowning)', customerAction: '(pushes the kettle across the counter)' });
    expect(view.decisions.items[1]!.youDid).toBeNull();
  });

  it('shows the ending\'s comment with its face, and why the rating was capped', () => {
    const faced: Scenario = kettleScenario();
    faced.nodes.replace!.end = { ...faced.nodes.replace!.end!, commentExpression: 'happy' };
    const transcript = playTranscript(faced, [{ choose: 'acknowledge' }, { choose: 'look-up' }]);
    const view = presentDebrief(faced, transcript, scoreConversation(faced, transcript), en);
    expect(view.satisfaction.face).toEqual({ portrait: 'woman-60s', expression: 'happy', label: 'Marja looks happy' });
    const walked = debrief([{ choose: 'shout' }]).view;
    expect(walked.satisfaction.face.expression).toBe('furious');
    const { score, transcript: t2 } = debrief([{ choose: 'dropped' }, { choose: 'look-up' }]);
    const capped = presentDebrief(scenario, t2, { ...score, satisfaction: 4, satisfactionBeforeCap: 5, satisfactionCap: 4 }, en);
    expect(capped.satisfaction.capNote).toBe('The mood alone would have earned 5 stars, but after a trust-ruiner a customer gives at most 4.');
    expect(presentDebrief(scenario, t2, { ...score, satisfactionBeforeCap: score.satisfaction }, en).satisfaction.capNote).toBeNull();
  });
});
