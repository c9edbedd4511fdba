/**
 * Model-based tests: the real machine walked by `xstate/graph` for a built scenario and for
 * every bundled scenario in scenarios/*.yaml (discovered, so new scenarios are covered as they
 * are written). Every reachable state must be able to reach an ending; nothing may throw.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getSimplePaths } from 'xstate/graph';
import { createConversationMachine } from '../../src/conversation/machine.ts';
import { selectPhase } from '../../src/conversation/selectors.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { kettleScenario } from './helpers/builder.ts';
import { checkGraph, eventsFor, serializeState, stateGraph, type Snap } from './helpers/graph.ts';

const scenarioDir = join(import.meta.dirname, '..', '..', 'scenarios');
/**
 * One file per scenario id (the English one when there is one): translations share every node and
 * reply id (CD402), so they share the state graph's shape, and walking both doubles a slow test.
 * Rubric files (`rubric.yaml`, `<id>.rubric.yaml`) live beside the scenarios and are not walked.
 */
const bundled = (() => {
  const files = readdirSync(scenarioDir)
    .filter((f) => f.endsWith('.yaml') && f !== 'rubric.yaml' && !f.endsWith('.rubric.yaml') && !f.endsWith('.tr.yaml'))
    .sort();
  const byId = new Map<string, string>();
  for (const file of files) {
    const id = file.replace(/\.(en|fi)\.yaml$/, '');
    if (!byId.has(id) || file.endsWith('.en.yaml')) byId.set(id, file);
  }
  return [...byId.values()].sort();
})();

describe('conversation machine, walked by xstate/graph', () => {
  it('ends every simple path of the built kettle scenario', () => {
    const paths = getSimplePaths(createConversationMachine(kettleScenario()), {
      events: (snap) => eventsFor(snap as Snap, false),
      serializeState: (snap) => serializeState(snap as Snap),
    });
    expect(paths.length).toBeGreaterThan(50);
    // Thorough: pausing anywhere, resuming, and nonsense events are part of the graph too.
    const check = checkGraph(stateGraph(kettleScenario(), true));
    expect(check.deadEnds).toEqual([]);
    expect(check.trapped).toEqual([]);
    // Endings, plus walk-outs where they happen: shouting over her at `arrival`, letting the
    // silence loop at `receipt` run on, arrogance at `defensive`.
    expect([...check.endNodes].sort()).toEqual(['arrival', 'defensive', 'manager', 'receipt', 'replace']);
    // A simple path stops where it would revisit a state; the ones that stop in a non-ended
    // state loop back (the receipt silence), and from there an ending is reachable (checked above).
    expect(paths.some((p) => selectPhase(p.state) === 'ended')).toBe(true);
  });

  it.each(bundled)('%s: every reachable state can still reach an ending', (file) => {
    const { scenario, diagnostics } = loadScenario(readFileSync(join(scenarioDir, file), 'utf8'), file);
    const errors = diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.range.start.line}: ${d.message}`);
    expect(errors, `${file} must load without errors`).toEqual([]);
    // Moods in bands of 50: see `serializeState`. Scenarios with many variables still make tens of thousands of states.
    const check = checkGraph(stateGraph(scenario!, false, 50), 50);
    expect(check.deadEnds, `${file}: states where nothing can happen`).toEqual([]);
    expect(check.trapped, `${file}: states from which no ending is reachable`).toEqual([]);
    expect(check.endedStates).toBeGreaterThan(0);
  }, 180_000);
});
