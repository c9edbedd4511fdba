import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeScenario } from '../../src/analysis/analyze.ts';
import { summarizeLibrary } from '../../src/analysis/library.ts';
import { enumeratePaths, exploreCoverage, playArguments, type PathStep } from '../../src/analysis/paths.ts';
import { playScript } from '../../src/analysis/play.ts';
import { buildStateGraph } from '../../src/analysis/stateGraph.ts';
import { scoreConversation } from '../../src/scoring/score.ts';
import type { Scenario } from '../../src/scenario/model.ts';
import { kettleScenario, scenario } from '../conversation/helpers/builder.ts';
import { scenarioArb } from '../scoring/arbitraries.ts';

/** Replays analysis steps through the real machine and driver, via the `play` script. */
function replay(s: Scenario, steps: readonly PathStep[]) {
  const result = playScript(s, {
    choices: steps.filter((x) => x.kind !== 'silence').map((x) => x.choiceNumber!),
    interrupt: steps.filter((x) => x.kind === 'interrupt').map((x) => x.decision),
    silent: steps.filter((x) => x.kind === 'silence').map((x) => x.decision),
  });
  expect(result.ok, result.ok ? '' : result.error).toBe(true);
  return scoreConversation(s, result.transcript);
}

describe('analyzeScenario', () => {
  const kettle = kettleScenario();
  const report = analyzeScenario(kettle);

  it('finds the score range with the best and worst paths', () => {
    expect(report.paths.capped).toBe(false);
    expect(report.score).toEqual({ min: 0, max: report.best!.overall });
    expect(report.best).toMatchObject({ outcome: 'resolved', endNodeId: 'replace', autoFail: false });
    expect(report.worst?.overall).toBe(0);
    expect(report.worst?.autoFail).toBe(true);
    expect(report.worstNonAutoFail?.autoFail).toBe(false);
  });

  it('gives paths that the play command repeats with the same score', () => {
    for (const path of [report.best!, report.worst!, report.worstNonAutoFail!]) {
      expect(replay(kettle, path.steps).overall).toBe(path.overall);
    }
    expect(report.best!.playArgs).toBe(playArguments(report.best!.steps));
    // The printed arguments themselves replay the path.
    for (const path of [report.best!, report.worst!, report.worstNonAutoFail!]) {
      const args = path.playArgs.split(' ');
      const value = (flag: string): string[] => (args.includes(flag) ? args[args.indexOf(flag) + 1]!.replace(/"/g, '').split(',').filter(Boolean) : []);
      const result = playScript(kettle, { choices: value('--choices'), interrupt: value('--interrupt').map(Number), silent: value('--silent').map(Number) });
      expect(result.ok).toBe(true);
      expect(scoreConversation(kettle, result.transcript).overall).toBe(path.overall);
    }
  });

  it('agrees with the machine on every enumerated path', () => {
    const { paths } = enumeratePaths(kettle, { order: 'file' });
    expect(paths.length).toBeGreaterThan(20);
    for (const path of paths.filter((p) => p.complete)) {
      expect(replay(kettle, path.steps).overall).toBe(scoreConversation(kettle, path.transcript).overall);
    }
  });

  it('reports endings, behaviours and rewarded tags', () => {
    expect(report.endings).toEqual([
      { nodeId: 'replace', outcome: 'resolved', reach: 'reachable' },
      { nodeId: 'manager', outcome: 'escalated', reach: 'reachable' },
    ]);
    expect(report.walkOutReachable).toBe(true);
    // impatience: interrupting `arrival`, or rushing its venting with `policy`.
    expect(report.behaviours).toEqual({ indifference: true, impatience: true, judging: true, arrogance: true, tyranny: true });
    expect(report.autoFailReachable).toBe(true);
    expect(report.goodTagsRewarded).toEqual(['empathy', 'listening', 'composure', 'expertise', 'ownership', 'efficiency']);
  });

  it('warns about nodes that teach nothing and tags that contradict the mood', () => {
    const s = scenario({
      nodes: {
        easy: { replies: [{ id: 'a', tags: ['empathy'], next: 'hard' }, { id: 'b', tags: ['expertise'], next: 'hard' }] },
        hard: {
          replies: [
            { id: 'c', tags: ['judging'], mood: -5, next: 'done' },
            { id: 'd', tags: ['indifference'], next: 'done' },
          ],
        },
        odd: { replies: [{ id: 'e', tags: ['empathy'], mood: 20, next: 'done' }, { id: 'f', next: 'done' }] },
        done: { end: 'resolved' },
      },
    });
    const warnings = analyzeScenario(s).warnings;
    expect(warnings.map((w) => [w.code, w.nodeId, w.choiceId])).toEqual([
      ['no-learning-all-good', 'easy', undefined],
      ['no-learning-all-bad', 'hard', undefined],
      ['tag-mood-contradiction', 'hard', 'c'],
      ['tag-mood-contradiction', 'odd', 'e'],
    ]);
    expect(warnings.find((w) => w.choiceId === 'e')?.message).toContain('raises the mood by 20');
  });

  it('says when its work bound stops the score search, and keeps endings exact whatever the bound', () => {
    const small = analyzeScenario(kettle, { maxPaths: 1 });
    expect(small.endings.every((e) => e.reach === 'reachable')).toBe(true);
    expect(small.behaviours).toEqual(report.behaviours);
    if (small.paths.capped) expect(small.warnings.some((w) => w.code === 'paths-capped')).toBe(true);
    expect(small.best!.overall).toBeLessThanOrEqual(report.best!.overall);
  });

  it('reports dead ends and unreachable endings', () => {
    const s = scenario({
      variables: { never: false },
      nodes: {
        a: { replies: [{ id: 'x', next: 'limbo' }, { id: 'y', next: 'end' }] },
        limbo: {},
        end: { end: 'resolved' },
        lost: { end: 'escalated' },
      },
    });
    const r = analyzeScenario(s);
    expect(buildStateGraph(s).stuckAt).toEqual(new Set(['limbo']));
    expect(r.warnings.find((w) => w.code === 'dead-end')?.message).toContain('`limbo`');
    expect(r.warnings.find((w) => w.code === 'ending-unreachable')?.nodeId).toBe('lost');
  });

  it('sums up a library', () => {
    const en = report;
    const fi = analyzeScenario(kettleScenario('fi'));
    const other = analyzeScenario(scenario({ id: 'calm', nodes: { a: { replies: [{ id: 'x', tags: ['honesty'], next: 'z' }] }, z: { end: 'resolved' } } }));
    const library = summarizeLibrary([en, fi, other]);
    expect(library.scenarios).toBe(2);
    expect(library.idsByLanguage).toEqual({ en: ['calm', 'kettle'], fi: ['kettle'] });
    expect(library.trapScenarios.judging).toEqual(['kettle']);
    expect(library.rewardScenarios.honesty).toEqual(['calm']);
    expect(library.autoFailScenarios).toEqual(['kettle']);
  });
});

describe('analysis over the state graph', () => {
  const overallOf = (s: Scenario, paths: ReturnType<typeof enumeratePaths>['paths']) =>
    paths.filter((p) => p.complete).map((p) => scoreConversation(s, p.transcript));

  it('finds a highest score at least as high and a lowest at least as low as enumerated paths, each on a real path', () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        const every = overallOf(s, enumeratePaths(s, { order: 'file', maxPaths: 100_000, maxVisits: 8 }).paths);
        fc.pre(every.length > 0);
        const r = analyzeScenario(s);
        // At least the best of a broad enumeration (which merges some histories), and a real path.
        expect(r.best!.overall).toBeGreaterThanOrEqual(Math.max(...every.map((x) => x.overall)));
        expect(replay(s, r.best!.steps).overall).toBe(r.best!.overall);
        const clean = every.filter((x) => x.autoFail === null);
        if (clean.length > 0) {
          expect(r.worstNonAutoFail!.overall).toBeLessThanOrEqual(Math.min(...clean.map((x) => x.overall)));
          expect(replay(s, r.worstNonAutoFail!.steps).overall).toBe(r.worstNonAutoFail!.overall);
        }
      }),
      { numRuns: 120 },
    );
  });

  it('start from given steps, e.g. the first auto-failing decision', () => {
    const kettle = kettleScenario();
    const steps = exploreCoverage(kettle).autoFailSteps;
    expect(steps).toEqual([{ decision: 1, nodeId: 'arrival', kind: 'reply', choiceId: 'shout', choiceNumber: 4 }]);
    const { paths } = enumeratePaths(kettle, { from: steps!, maxPaths: 1 });
    expect(paths[0]?.steps[0]).toEqual(steps![0]);
    expect(scoreConversation(kettle, paths[0]!.transcript).autoFail).toEqual({ reason: 'tyranny', decisionIndex: 0 });
  });
});
