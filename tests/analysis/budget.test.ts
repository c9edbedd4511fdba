/**
 * The analysis budget (issue 12, item 2): past it the report says `limited`, the work stays
 * bounded (counted, never timed), and reachability is exact-or-unknown, never wrong.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeScenario, type AnalysisReport } from '../../src/analysis/analyze.ts';
import { plainReach } from '../../src/analysis/plainReach.ts';
import { buildStateGraph, DEFAULT_BUDGET, PLAY_BUDGET, STATE_BUDGET } from '../../src/analysis/stateGraph.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import type { Scenario } from '../../src/scenario/model.ts';
import { TRUST_RUINERS } from '../../src/scenario/vocabulary.ts';
import { hostileScenario } from './hostile.ts';

function load(text: string): Scenario {
  const { scenario, diagnostics } = loadScenario(text, 'generated.yaml');
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return scenario!;
}

const bundled = (file: string): Scenario => loadScenario(readFileSync(`scenarios/${file}`, 'utf8'), file).scenario!;

/** An ending node no link leads to, added to a generated file. */
const ORPHAN = ['  orphan:', '    says: [Nobody gets here.]', '    end: escalated', '    satisfaction: 3', '    comment: Never.', ''].join('\n');

/** Whatever a limited report calls reachable or unreachable, the complete one agrees. */
function expectSound(limited: AnalysisReport, full: AnalysisReport): void {
  expect(full.limited).toBe(false);
  limited.endings.forEach((ending, i) => {
    const truth = full.endings[i]!;
    expect(ending.nodeId).toBe(truth.nodeId);
    if (ending.reach !== 'not-proven') expect(ending.reach, ending.nodeId).toBe(truth.reach);
  });
  for (const t of TRUST_RUINERS) {
    if (limited.behaviours[t]) expect(full.behaviours[t], t).toBe(true);
    else if (!limited.notProven.behaviours.includes(t)) expect(full.behaviours[t], t).toBe(false);
  }
  for (const t of limited.goodTagsRewarded) expect(full.goodTagsRewarded).toContain(t);
  if (limited.walkOutReachable) expect(full.walkOutReachable).toBe(true);
  if (limited.autoFailReachable) expect(full.autoFailReachable).toBe(true);
  if (!limited.autoFailReachable && !limited.notProven.autoFail) expect(full.autoFailReachable).toBe(false);
  // The limited range is the range of real paths: inside the full one.
  if (limited.score && full.score) {
    expect(limited.score.min).toBeGreaterThanOrEqual(full.score.min);
    expect(limited.score.max).toBeLessThanOrEqual(full.score.max);
  }
}

// Generous hang guards only (a busy 2-core machine); speed itself is measured by `npm run bench`.
describe('analysis budget (issue 12, item 2)', { timeout: 240_000 }, () => {
  const flags = load(hostileScenario(197, { variables: 20, independent: true }) + ORPHAN);
  let built: { graph: ReturnType<typeof buildStateGraph>; report: AnalysisReport } | null = null;
  const analyzed = () => {
    if (!built) {
      const graph = buildStateGraph(flags);
      built = { graph, report: analyzeScenario(flags, { graph }) };
    }
    return built;
  };

  it('stops a file whose states grow as 2^flags at the budget, and says so', () => {
    const { graph, report } = analyzed();
    expect(graph.limited).toBe(true);
    expect(graph.states.length).toBeLessThanOrEqual(STATE_BUDGET);
    expect(graph.enginePlays).toBeLessThanOrEqual(PLAY_BUDGET);
    expect(graph.budget).toEqual(DEFAULT_BUDGET);
    expect(report.limited).toBe(true);
    expect(report.states).toBe(graph.states.length);
    expect(report.budget).toEqual(DEFAULT_BUDGET);
    expect(report.warnings.find((w) => w.code === 'analysis-limited')?.message).toMatch(/explored [\d,]+\).*cover the explored part only.*"not proven".*fewer flags/);
    // Best and worst are real paths of the explored part, replayed and scored by the scorer.
    expect(report.best?.steps.length).toBeGreaterThan(0);
    expect(report.worst?.steps.length).toBeGreaterThan(0);
  });

  it('never calls an ending it reached unreachable, and proves unreachable what no link reaches', () => {
    const { graph, report } = analyzed();
    const reach = Object.fromEntries(report.endings.map((e) => [e.nodeId, e.reach]));
    for (const id of graph.endNodes) if (id in reach) expect(reach[id], id).toBe('reachable');
    expect(reach['gave-up']).toBe('reachable');
    // `solved` lies 197 decisions away, past what the budget explores: not proven either way.
    expect(reach.solved).toBe('not-proven');
    expect(reach.orphan).toBe('unreachable');
    expect(plainReach(flags).nodes.has('orphan')).toBe(false);
    expect(report.warnings.filter((w) => w.code === 'ending-unreachable').map((w) => w.nodeId)).toEqual(['orphan']);
    // Tags the explored part did not earn but a reply still carries are not proven; the rest are ruled out.
    expect(report.behaviours.indifference).toBe(true);
    expect(report.notProven.behaviours).not.toContain('indifference');
    expect(report.notProven.behaviours.every((t) => !report.behaviours[t])).toBe(true);
    expect(report.notProven.behaviours).not.toContain('tyranny');
    expect(report.notProven.autoFail).toBe(false);
  });

  it.each([
    ['kettle-returned-twice.en.yaml', 120],
    ['provoking-caller.en.yaml', 400],
    ['cancelled-flight-gate.en.yaml', 2000],
  ])('%s with a tiny budget (%i states) agrees with the complete analysis wherever it answers', (file, states) => {
    const scenario = bundled(file);
    const full = analyzeScenario(scenario);
    const limited = analyzeScenario(scenario, { budget: { states, plays: states } });
    expect(limited.limited).toBe(true);
    expect(limited.states).toBeLessThanOrEqual(states);
    expectSound(limited, full);
  });

  it('leaves a complete analysis unlimited, with nothing unproven', () => {
    const report = analyzeScenario(load(hostileScenario(50, { variables: 4 })));
    expect(report.limited).toBe(false);
    expect(report.notProven).toEqual({ walkOut: false, autoFail: false, behaviours: [], goodTags: [] });
    expect(report.endings.every((e) => e.reach !== 'not-proven')).toBe(true);
  });

  it('fits the largest bundled scenario in the budget (bundled scenarios stay exact)', () => {
    const graph = buildStateGraph(bundled('outage-working-from-home.en.yaml'));
    expect(graph.limited).toBe(false);
    expect(graph.states.length).toBeGreaterThan(40_000);
  });
});
