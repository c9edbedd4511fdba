/**
 * The scoring model of SPEC D by hand-worked examples: each expectation is the formula applied to
 * a small transcript, with the arithmetic in the comment above it.
 */
import { describe, expect, it } from 'vitest';
import type { Transcript } from '../../src/conversation/transcript.ts';
import { completeRubric } from '../../src/scoring/loadRubric.ts';
import { DEFAULT_RUBRIC } from '../../src/scoring/rubric.ts';
import { scoreConversation } from '../../src/scoring/score.ts';
import { bestEnding, shortestResolvingPath } from '../../src/scoring/shortestPath.ts';
import { kettleScenario, scenario } from '../conversation/helpers/builder.ts';
import { decisions, ending } from './transcripts.ts';

const kettle = kettleScenario();
const waited = [{ tag: 'listening', reason: 'waited-through-venting' }, { tag: 'composure', reason: 'waited-through-venting' }] as const;

/** acknowledge (venting, waited) → look-up → replace (resolved, 4 stars). */
function patientPath(responseMs: [number, number] = [1500, 1500]): Transcript {
  return [
    ...decisions([
      { nodeId: 'arrival', choiceId: 'acknowledge', tags: ['empathy', 'ownership'], added: [...waited], moodBefore: 60, moodAfter: 45, responseMs: responseMs[0] },
      { nodeId: 'receipt', choiceId: 'look-up', tags: ['expertise', 'efficiency'], moodBefore: 45, moodAfter: 35, responseMs: responseMs[1] },
    ]),
    ending('replace', 'resolved', 4),
  ];
}

describe('scoreConversation', () => {
  it('scores the patient, competent path by the documented arithmetic', () => {
    const report = scoreConversation(kettle, patientPath());
    // Per decision and virtue only the largest positive effect counts: decision 1 gives composure
    // max(listening 10, composure 10) = 10, expertise ownership 5, efficiency ownership 10.
    // friendliness 70 + 10 = 80; expertise 70 + 5 + 10 = 85; composure 70 + 10 = 80; efficiency min(100, 100 + 10 + 10) = 100
    expect(report.virtues).toEqual({ friendliness: 80, expertise: 85, composure: 80, efficiency: 100 });
    // 28 + 21.25 + 20 + 15 = 84.25
    expect(report.breakdown).toMatchObject({ weightedVirtues: 84.25, trustRuinerPenalty: 0, moodRise: { points: 0, cost: 0 }, extraDecisionCost: 0, waitCost: 0, outcomeAdjustment: 0, raw: 84.25 });
    expect(report.breakdown.endingRating).toEqual({ rating: 4, best: 4, starsBelow: 0, cost: 0 });
    expect(report.breakdown.cap).toEqual({ ruiners: 0, ceiling: 100, applied: false });
    expect(report.overall).toBe(84);
    expect(report.verdict).toBe('good');
    expect(report.rubricId).toBe('default');
    expect(report.moodCurve).toEqual([60, 45, 35]);
    // mood rating 1 + 4 × (1 − (0.5 × 35 + 0.5 × 46.67) / 100) = 3.37; 0.6 × 4 + 0.4 × 3.37 = 3.75 → 4
    expect(report.satisfaction).toBe(4);
    expect(report.efficiency).toEqual({ decisionsUsed: 2, notCounted: 0, shortestPath: 2, extraDecisions: 0 });
    expect(report.patience).toEqual({ interruptions: 0, ventingTolerated: 1, ventingTurns: 1, silences: 0, patientSilences: 0, leftWaiting: 0 });
    expect(report.decisions.map((d) => d.verdict)).toEqual(['good', 'good']);
    expect(report.decisions[0]).toMatchObject({ text: 'Reply acknowledge.', feedback: 'Names her frustration.', moodChange: -15, better: null, trustRuiners: [] });
  });

  it('charges a judging reply on a venting node once, not also as rushing to a fix', () => {
    const transcript = [
      ...decisions([
        { nodeId: 'arrival', choiceId: 'dropped', tags: ['judging'], added: [{ tag: 'impatience', reason: 'rushed-venting' }], moodBefore: 60, moodAfter: 80 },
        { nodeId: 'defensive', choiceId: 'sorry', tags: ['empathy'], moodBefore: 80, moodAfter: 70 },
        { nodeId: 'receipt', choiceId: 'look-up', tags: ['expertise', 'efficiency'], moodBefore: 70, moodAfter: 60 },
      ]),
      ending('replace', 'resolved', 4),
    ];
    const report = scoreConversation(kettle, transcript);
    expect(report.trustRuiners.judging).toEqual({ count: 1, decisions: [0] });
    expect(report.trustRuiners.impatience).toEqual({ count: 0, decisions: [] });
    expect(report.decisions[0]).toMatchObject({ tags: ['judging'], added: [], trustRuiners: ['judging'], verdict: 'trust-ruining' });
    // friendliness min(100, 70 + 10) − 25 = 55; expertise 80; composure 70; efficiency min(100, 110) = 100
    expect(report.virtues).toEqual({ friendliness: 55, expertise: 80, composure: 70, efficiency: 100 });
    // 19.25 + 20 + 17.5 + 15 = 71.75; − 15 (judging) − 0.3 × 20 (mood rise) − 12 (one decision beyond 2) = 38.75 → 39
    expect(report.breakdown).toMatchObject({ weightedVirtues: 71.75, trustRuinerPenalty: 15, moodRise: { points: 20, cost: 6 }, extraDecisionCost: 12, raw: 38.75 });
    expect(report.overall).toBe(39);
    expect(report.verdict).toBe('poor');
    expect(report.trustRuinerCount).toBe(1);
    // mood m = 0.5 × 60 + 0.5 × 67.5 = 63.75 → 2.45; 0.6 × 4 + 0.4 × 2.45 = 3.38 → 3 (under the 1-ruiner cap of 4)
    expect(report.satisfaction).toBe(3);
    expect(report.satisfactionCap).toBe(4);
  });

  it('keeps an impatience the reply itself carries, and an interruption, even on a judging reply', () => {
    const transcript = decisions([
      { nodeId: 'arrival', choiceId: 'dropped', tags: ['judging'], added: [{ tag: 'impatience', reason: 'interrupted' }], interrupted: true, moodBefore: 60, moodAfter: 90, responseMs: -800 },
    ]);
    const report = scoreConversation(kettle, transcript);
    expect(report.trustRuiners.impatience.count).toBe(1);
    expect(report.trustRuiners.judging.count).toBe(1);
    expect(report.trustRuinerCount).toBe(2);
    expect(report.decisions[0]?.added).toEqual([{ tag: 'impatience', reason: 'interrupted' }]);
    expect(report.decisions[0]?.wait).toEqual({ responseMs: -800, allowanceMs: null, waited: false, keptWaiting: false });
  });

  it('counts late replies as waits, and the second one as keeping the customer waiting (arrogance)', () => {
    const report = scoreConversation(kettle, patientPath([20_000, 30_000]));
    // arrival offers 4 replies, 57 characters: 4 s + 57 / 25 s = 6.28 s; receipt offers 2, 26 characters: 5.04 s
    expect(report.decisions.map((d) => d.wait)).toEqual([
      { responseMs: 20_000, allowanceMs: 6280, waited: true, keptWaiting: false },
      { responseMs: 30_000, allowanceMs: 5040, waited: true, keptWaiting: true },
    ]);
    expect(report.decisions[1]?.added).toEqual([{ tag: 'arrogance', reason: 'kept-waiting' }]);
    expect(report.decisions[1]?.verdict).toBe('trust-ruining');
    expect(report.trustRuiners.arrogance).toEqual({ count: 1, decisions: [1] });
    expect(report.waits).toEqual({ count: 2, keptWaiting: 1 });
    expect(report.patience.leftWaiting).toBe(2);
    // friendliness 80 − 20 = 60; efficiency 100 − 15 = 85: 21 + 21.25 + 20 + 12.75 = 75; − 15 (arrogance) − 2 × 4 (waits) = 52
    expect(report.virtues).toEqual({ friendliness: 60, expertise: 85, composure: 80, efficiency: 85 });
    expect(report.breakdown).toMatchObject({ weightedVirtues: 75, trustRuinerPenalty: 15, waitCost: 8, raw: 52 });
    expect(report.overall).toBe(52);
    expect(report.verdict).toBe('mixed');
  });

  it("takes the scenario's own wait threshold over the rubric's", () => {
    const relaxed = { ...kettle, waits: { grace: 60 } };
    const report = scoreConversation(relaxed, patientPath([20_000, 30_000]));
    expect(report.decisions.map((d) => d.wait.allowanceMs)).toEqual([62_280, 61_040]);
    expect(report.waits.count).toBe(0);
    expect(report.overall).toBe(84);
  });

  it('auto-fails on tyranny with the reason and decision', () => {
    const report = scoreConversation(kettle, decisions([{ nodeId: 'arrival', choiceId: 'shout', tags: ['tyranny'], moodBefore: 60, moodAfter: 90 }]));
    expect(report.autoFail).toEqual({ reason: 'tyranny', decisionIndex: 0 });
    expect(report.overall).toBe(0);
    expect(report.verdict).toBe('auto-fail');
    expect(report.decisions[0]?.verdict).toBe('auto-fail');
  });

  it('auto-fails on judging under a rubric where judging is critical', () => {
    const strict = completeRubric({ id: 'strict', critical: ['tyranny', 'insult', 'judging'] });
    const transcript = [
      ...decisions([
        { nodeId: 'arrival', choiceId: 'dropped', tags: ['judging'], moodBefore: 60, moodAfter: 80 },
        { nodeId: 'defensive', choiceId: 'sorry', tags: ['empathy'], moodBefore: 80, moodAfter: 70 },
      ]),
      ending('replace', 'resolved', 4),
    ];
    expect(scoreConversation(kettle, transcript).overall).toBeGreaterThan(0);
    const report = scoreConversation(kettle, transcript, strict);
    expect(report).toMatchObject({ rubricId: 'strict', overall: 0, verdict: 'auto-fail', autoFail: { reason: 'judging', decisionIndex: 0 } });
  });

  it('never calls a conversation with a trust-ruiner excellent, whatever the caps allow', () => {
    const lenient = completeRubric({ id: 'lenient', base: 80, caps: [100], penalties: { judging: 0 }, tags: { judging: {} } });
    const transcript = [...decisions([{ nodeId: 'arrival', choiceId: 'x', tags: ['judging', 'empathy', 'expertise', 'listening'], moodBefore: 60, moodAfter: 50 }]), ending('replace', 'resolved', 4)];
    const report = scoreConversation(kettle, transcript, lenient);
    expect(report.overall).toBeGreaterThanOrEqual(DEFAULT_RUBRIC.verdicts.excellent);
    expect(report.verdict).toBe('good');
  });

  it('credits a silence through venting as patience, never as leaving the customer waiting', () => {
    const report = scoreConversation(kettle, decisions([{ nodeId: 'arrival', kind: 'silence', added: [...waited], moodBefore: 60, moodAfter: 55, responseMs: 12_000 }]));
    expect(report.patience).toMatchObject({ silences: 1, patientSilences: 1, leftWaiting: 0, ventingTolerated: 1 });
    expect(report.decisions[0]).toMatchObject({ kind: 'silence', text: null, tags: ['listening', 'composure'], verdict: 'good', patientSilence: true });
    expect(report.decisions[0]?.wait).toEqual({ responseMs: 12_000, allowanceMs: null, waited: false, keptWaiting: false });
  });

  it('never charges waiting through venting, or a cut-off interruption, as an extra decision', () => {
    const transcript = [
      ...decisions([
        { nodeId: 'arrival', kind: 'silence', added: [...waited], moodBefore: 60, moodAfter: 55, responseMs: 12_000 },
        { nodeId: 'arrival', choiceId: 'acknowledge', tags: [], added: [{ tag: 'impatience', reason: 'interrupted' }], interrupted: true, moodBefore: 55, moodAfter: 65, responseMs: -500 },
        { nodeId: 'arrival', choiceId: 'acknowledge', tags: ['empathy', 'ownership'], added: [...waited], moodBefore: 65, moodAfter: 50 },
        { nodeId: 'receipt', choiceId: 'look-up', tags: ['expertise', 'efficiency'], moodBefore: 50, moodAfter: 40 },
      ]),
      ending('replace', 'resolved', 4),
    ];
    const cut = transcript.map((e) => (e.type === 'decision' && e.interrupted ? { ...e, reply: 'cut' as const } : e));
    expect(scoreConversation(kettle, cut).efficiency).toEqual({ decisionsUsed: 4, notCounted: 2, shortestPath: 2, extraDecisions: 0 });
    // Without the engine's `reply: cut` the interruption counts as said (format 1.0): one extra decision.
    expect(scoreConversation(kettle, transcript).efficiency).toEqual({ decisionsUsed: 4, notCounted: 1, shortestPath: 2, extraDecisions: 1 });
  });

  it('counts a silence that is not patience as leaving the customer waiting', () => {
    const report = scoreConversation(kettle, decisions([{ nodeId: 'receipt', kind: 'silence', tags: ['indifference'], moodBefore: 60, moodAfter: 70, responseMs: 6000 }]));
    expect(report.patience).toMatchObject({ silences: 1, patientSilences: 0, leftWaiting: 1 });
    expect(report.decisions[0]?.patientSilence).toBe(false);
  });

  it('caps the customer’s stars by the number of trust-ruiners', () => {
    const transcript = [
      ...decisions([
        { nodeId: 'arrival', choiceId: 'acknowledge', tags: ['empathy', 'indifference'], moodBefore: 10, moodAfter: 5 },
        { nodeId: 'receipt', choiceId: 'rules', tags: ['indifference'], moodBefore: 5, moodAfter: 0 },
      ]),
      ending('replace', 'resolved', 5),
    ];
    const report = scoreConversation(kettle, transcript);
    expect(report.satisfactionBeforeCap).toBe(5);
    expect(report.satisfactionCap).toBe(3);
    expect(report.satisfaction).toBe(3);
    expect(report.overall).toBeLessThanOrEqual(59);
  });

  it('measures an ending against the best ending the scenario offers', () => {
    // Nothing better than `unresolved` exists here: a perfect agent can still score high (SPEC G1).
    const hopeless = scenario({
      nodes: {
        a: { replies: [{ id: 'kind', tags: ['empathy', 'honesty'], mood: -10, next: 'b' }, { id: 'cold', tags: ['indifference'], mood: 10, next: 'out' }] },
        b: { replies: [{ id: 'clear', tags: ['expertise', 'listening'], mood: -10, next: 'sad' }] },
        sad: { end: 'unresolved', satisfaction: 3 },
        out: { end: 'walked-out' },
      },
    });
    expect(bestEnding(hopeless)).toEqual({ outcome: 'unresolved', rating: 3, shortestPath: 2 });
    const transcript = [
      ...decisions([
        { nodeId: 'a', choiceId: 'kind', tags: ['empathy', 'honesty'], moodBefore: 50, moodAfter: 40 },
        { nodeId: 'b', choiceId: 'clear', tags: ['expertise', 'listening'], moodBefore: 40, moodAfter: 30 },
      ]),
      ending('sad', 'unresolved', 3),
    ];
    const report = scoreConversation(hopeless, transcript);
    // efficiency 70 + (100 − 70) = 100; endings −10 − (−10) = 0; rating 3 of a best 3
    expect(report.breakdown.outcomeAdjustment).toBe(0);
    expect(report.breakdown.endingRating.cost).toBe(0);
    expect(report.virtues.efficiency).toBe(100);
    // friendliness 70 + 10 = 80 (largest of empathy 10, honesty 5); expertise 70 + 10 + 10 = 90; composure 80
    expect(report.virtues).toEqual({ friendliness: 80, expertise: 90, composure: 80, efficiency: 100 });
    expect(report.overall).toBe(86);
    expect(report.verdict).toBe('excellent');
  });

  it('charges the stars an ending is below the best ending, and a worse outcome', () => {
    const report = scoreConversation(kettle, [
      ...decisions([
        { nodeId: 'arrival', choiceId: 'acknowledge', tags: ['empathy', 'ownership'], added: [...waited], moodBefore: 60, moodAfter: 45 },
        { nodeId: 'receipt', choiceId: 'rules', tags: [], moodBefore: 45, moodAfter: 45 },
      ]),
      ending('manager', 'escalated', 2),
    ]);
    // escalated against resolved: −5; 2 stars of a best 4: 2 × 6 = 12
    expect(report.breakdown.outcomeAdjustment).toBe(-5);
    expect(report.breakdown.endingRating).toEqual({ rating: 2, best: 4, starsBelow: 2, cost: 12 });
    // efficiency min(100, 85 + 10) = 95; friendliness 80, expertise 75, composure 80:
    // 28 + 18.75 + 20 + 14.25 = 81; − 5 − 12 = 64
    expect(report.breakdown.weightedVirtues).toBe(81);
    expect(report.overall).toBe(64);
  });

  it('names the better reply the chosen one points to, with its why, only when it was on offer', () => {
    const s = scenario({
      variables: { found: false },
      nodes: {
        a: {
          replies: [
            { id: 'refund', when: 'found', tags: ['expertise', 'ownership'], mood: -10, next: 'end', feedback: 'You refunded it.' },
            { id: 'options', tags: ['empathy', 'clarifying'], mood: -5, next: 'end', feedback: 'You offered a choice.', preferred: true },
            { id: 'wave', tags: ['indifference'], mood: 10, next: 'end', better: 'refund', betterWhy: 'Refunding it would have ended her trouble today.' },
            { id: 'policy', tags: ['judging'], mood: 10, next: 'end', better: 'options', betterWhy: 'Offering her a choice would have shown you take her side.' },
          ],
        },
        end: { end: 'resolved', satisfaction: 4 },
      },
    });
    const pick = (choiceId: string, tags: ('indifference' | 'judging')[], found: boolean) =>
      scoreConversation(s, decisions([{ nodeId: 'a', choiceId, tags, moodBefore: 50, moodAfter: 60, variablesBefore: { found } }])).decisions[0]!.better;
    expect(pick('wave', ['indifference'], true)).toEqual({ choiceId: 'refund', text: 'Reply refund.', why: 'Refunding it would have ended her trouble today.', feedback: 'Refunding it would have ended her trouble today.', reason: 'named' });
    // `refund` was hidden (found is false): the preferred reply on offer instead, without the why written for `refund`.
    expect(pick('wave', ['indifference'], false)).toEqual({ choiceId: 'options', text: 'Reply options.', why: null, feedback: null, reason: 'preferred' });
    expect(pick('policy', ['judging'], false)).toMatchObject({ choiceId: 'options', why: 'Offering her a choice would have shown you take her side.', reason: 'named' });
  });

  it('suggests the same reply after the customer finished for an interrupted best reply', () => {
    const report = scoreConversation(kettle, decisions([{ nodeId: 'arrival', choiceId: 'acknowledge', tags: ['empathy', 'ownership'], added: [{ tag: 'impatience', reason: 'interrupted' }], interrupted: true, moodBefore: 60, moodAfter: 70, responseMs: -500 }]));
    expect(report.patience.interruptions).toBe(1);
    expect(report.trustRuiners.impatience).toEqual({ count: 1, decisions: [0] });
    expect(report.decisions[0]?.better).toMatchObject({ choiceId: 'acknowledge', reason: 'wait-then-same' });
  });

  it('handles an unfinished transcript and an empty one', () => {
    const empty = scoreConversation(kettle, []);
    expect(empty.outcome).toBeNull();
    expect(empty.overall).toBeGreaterThanOrEqual(0);
    expect(empty.moodCurve).toEqual([60]);
    expect(empty.decisions).toEqual([]);
  });

  it('finds the shortest path to the best ending, following interruption routes and silences that move on', () => {
    expect(shortestResolvingPath(kettle)).toBe(2);
    const noResolution = scenario({
      nodes: {
        a: { replies: [{ id: 'x', next: 'b' }, { id: 'y', next: 'out' }] },
        b: { replies: [{ id: 'z', next: 'out' }] },
        out: { end: 'unresolved' },
      },
    });
    expect(shortestResolvingPath(noResolution)).toBe(1);
    const routed = scenario({
      nodes: {
        a: { earlyReplies: true, interrupted: { next: 'done' }, replies: [{ id: 'x', next: 'b' }] },
        b: { silence: { next: 'done' }, replies: [{ id: 'y', next: 'c' }] },
        c: { replies: [{ id: 'z', next: 'done' }] },
        done: { end: 'resolved', satisfaction: 5 },
      },
    });
    expect(shortestResolvingPath(routed)).toBe(1);
  });
});

describe('replies on offer', () => {
  it('takes the replies the engine recorded as visible over the variables', () => {
    const kettle = kettleScenario();
    const [entry] = decisions([{ nodeId: 'arrival', choiceId: 'dropped', tags: ['judging'], moodBefore: 60, moodAfter: 80, responseMs: 5000 }]);
    // Only `dropped` and `policy` were on offer: 27 characters, 4 s + 1.08 s; `acknowledge` (named better) was not.
    const report = scoreConversation(kettle, [{ ...entry!, visibleReplyIds: ['dropped', 'policy'] }]);
    expect(report.decisions[0]?.wait).toEqual({ responseMs: 5000, allowanceMs: 5080, waited: false, keptWaiting: false });
    expect(report.decisions[0]?.better).toMatchObject({ choiceId: 'policy', reason: 'higher-value' });
  });
});
