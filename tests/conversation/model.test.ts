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
const bundled = readdirSync(scenarioDir).filter((f) => f.endsWith('.yaml')).sort();

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
    const check = checkGraph(stateGraph(scenario!, false));
    expect(check.deadEnds, `${file}: states where nothing can happen`).toEqual([]);
    expect(check.trapped, `${file}: states from which no ending is reachable`).toEqual([]);
    expect(check.endedStates).toBeGreaterThan(0);
  });
});
