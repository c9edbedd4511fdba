import { describe, expect, it } from 'vitest';
import { scoreConversation } from '../../src/scoring/score.ts';
import { shortestResolvingPath } from '../../src/scoring/shortestPath.ts';
import { kettleScenario, scenario } from '../conversation/helpers/builder.ts';
import { runPicks } from '../conversation/helpers/run.ts';

// Kettle options at `arrival`: 0 acknowledge, 1 dropped, 2 policy, 3 shout, 4 silence.
// At `receipt`: 0 look-up, 1 rules, 2 silence. At `defensive`: 0 sorry, 1 wait.
const kettle = kettleScenario();

describe('scoreConversation', () => {
  it('scores the patient, competent path by the documented arithmetic', () => {
    const report = scoreConversation(kettle, runPicks(kettle, [0, 0]));
    // friendliness 70 + 10 (empathy); expertise 70 + 5 (ownership) + 10 (expertise);
    // composure 70 + 10 (listening) + 10 (composure, both for waiting through venting);
    // efficiency 100 (resolved) + 10 (ownership) + 10 (efficiency) -> 100.
    expect(report.virtues).toEqual({ friendliness: 80, expertise: 85, composure: 90, efficiency: 100 });
    // 80*.35 + 85*.25 + 90*.25 + 100*.15 = 86.75
    expect(report.breakdown).toEqual({ weightedVirtues: 86.75, trustRuinerPenalty: 0, outcomeAdjustment: 0 });
    expect(report.overall).toBe(87);
    expect(report.outcome).toBe('resolved');
    expect(report.moodCurve).toEqual([60, 45, 35]);
    // mood rating 1 + 4 * (1 - (0.5*35 + 0.5*46.67) / 100) = 3.37; 0.6*4 + 0.4*3.37 = 3.75 -> 4
    expect(report.satisfaction).toBe(4);
    expect(report.efficiency).toEqual({ decisionsUsed: 2, shortestPath: 2, extraDecisions: 0 });
    expect(report.patience).toEqual({ interruptions: 0, ventingTolerated: 1, ventingTurns: 1, silences: 0 });
    expect(report.autoFail).toBeNull();
    expect(report.decisions.map((d) => d.verdict)).toEqual(['good', 'good']);
    expect(report.decisions[0]).toMatchObject({ text: 'Reply acknowledge.', feedback: 'Names her frustration.', moodChange: -15, better: null });
  });

  it('sinks a judging, arrogant path that ends in a walk-out', () => {
    const report = scoreConversation(kettle, runPicks(kettle, [1, 1]));
    expect(report.outcome).toBe('walked-out');
    expect(report.trustRuiners.judging).toEqual({ count: 1, decisions: [0] });
    expect(report.trustRuiners.arrogance).toEqual({ count: 1, decisions: [1] });
    // `dropped` on a venting node neither acknowledges nor listens: rushing adds impatience.
    expect(report.trustRuiners.impatience).toEqual({ count: 1, decisions: [0] });
    expect(report.decisions[0]?.added).toEqual([{ tag: 'impatience', reason: 'rushed-venting' }]);
    // friendliness 70 - 25 - 20 = 25; composure 70 - 25 = 45; efficiency 40 (walk-out) - 15 (arrogance) = 25
    expect(report.virtues).toEqual({ friendliness: 25, expertise: 70, composure: 45, efficiency: 25 });
    // 41.25 - (10 + 8 + 8) - 30 < 0 -> 0
    expect(report.overall).toBe(0);
    expect(report.satisfaction).toBe(1);
    expect(report.decisions[0]?.better).toEqual({ choiceId: 'acknowledge', text: 'Reply acknowledge.', feedback: 'Names her frustration.', reason: 'named' });
  });

  it('counts extra decisions against efficiency and names the better reply', () => {
    // dropped -> sorry -> rules -> manager (escalated)
    const report = scoreConversation(kettle, runPicks(kettle, [1, 0, 1]));
    expect(report.outcome).toBe('escalated');
    expect(report.efficiency).toEqual({ decisionsUsed: 3, shortestPath: 2, extraDecisions: 1 });
    // friendliness 70 - 25 + 10 - 25 = 30; composure 70 - 25 (rushed venting) = 45; efficiency 85 - 10 - 15 = 60
    expect(report.virtues).toEqual({ friendliness: 30, expertise: 70, composure: 45, efficiency: 60 });
    // 10.5 + 17.5 + 11.25 + 9 = 48.25; - (10 + 8 + 8) - 5 = 17.25 -> 17
    expect(report.breakdown).toEqual({ weightedVirtues: 48.25, trustRuinerPenalty: 26, outcomeAdjustment: -5 });
    expect(report.overall).toBe(17);
    expect(report.satisfaction).toBe(2);
    expect(report.decisions[2]?.better).toMatchObject({ choiceId: 'look-up', reason: 'higher-value' });
  });

  it('auto-fails on tyranny with the reason and decision', () => {
    const report = scoreConversation(kettle, runPicks(kettle, [3, 0]));
    expect(report.autoFail).toEqual({ reason: 'tyranny', decisionIndex: 0 });
    expect(report.overall).toBe(0);
    expect(report.decisions[0]?.verdict).toBe('auto-fail');
  });

  it('charges an interruption and suggests waiting with the same reply', () => {
    const waited = scoreConversation(kettle, runPicks(kettle, [0, 0]));
    const interrupted = scoreConversation(kettle, runPicks(kettle, [0, 0], { interrupt: new Set([0]) }));
    expect(interrupted.patience.interruptions).toBe(1);
    expect(interrupted.trustRuiners.impatience).toEqual({ count: 1, decisions: [0] });
    // composure 70 - 25 = 45: 28 + 21.25 + 11.25 + 15 - 8 = 67.5 -> 68
    expect(interrupted.overall).toBe(68);
    expect(interrupted.overall).toBeLessThan(waited.overall);
    expect(interrupted.decisions[0]?.better).toMatchObject({ choiceId: 'acknowledge', reason: 'wait-then-same' });
  });

  it('scores a silence through venting as patience', () => {
    const report = scoreConversation(kettle, runPicks(kettle, [4, 0]));
    expect(report.patience).toMatchObject({ silences: 1, ventingTolerated: 1 });
    expect(report.decisions[0]).toMatchObject({ kind: 'silence', text: null, tags: ['listening', 'composure'], verdict: 'good' });
  });

  it('handles an unfinished transcript and an empty one', () => {
    const empty = scoreConversation(kettle, []);
    expect(empty.outcome).toBeNull();
    expect(empty.overall).toBeGreaterThanOrEqual(0);
    expect(empty.moodCurve).toEqual([60]);
    expect(empty.decisions).toEqual([]);
  });

  it('finds the shortest resolving path, falling back to other endings', () => {
    expect(shortestResolvingPath(kettle)).toBe(2);
    const noResolution = scenario({
      nodes: {
        a: { replies: [{ id: 'x', next: 'b' }, { id: 'y', next: 'out' }] },
        b: { replies: [{ id: 'z', next: 'out' }] },
        out: { end: 'unresolved' },
      },
    });
    expect(shortestResolvingPath(noResolution)).toBe(1);
  });
});
