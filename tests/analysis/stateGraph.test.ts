import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildStateGraph, stateKey, UNLIMITED, type Edge, type StateGraph } from '../../src/analysis/stateGraph.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import type { Scenario } from '../../src/scenario/model.ts';
import { hostileScenario } from './hostile.ts';

function load(text: string): Scenario {
  const { scenario, diagnostics } = loadScenario(text, 'generated.yaml');
  expect(diagnostics).toEqual([]);
  return scenario!;
}

const bundled = (file: string): Scenario => loadScenario(readFileSync(`scenarios/${file}`, 'utf8'), file).scenario!;

/** Everything about a graph the analysis reads, with the history figures (when, which decision) left out. */
function shape(graph: StateGraph): string[] {
  const edge = (e: Edge): string => {
    const to = e.target.kind === 'state' ? stateKey(graph.states[e.target.state]!.context) : JSON.stringify({ ...e.target, ending: 'ending' in e.target ? { ...e.target.ending, at: 0 } : null });
    return `${JSON.stringify(e.step)} -> ${to} ${JSON.stringify({ ...e.decision, at: 0, index: 0 })} ${e.decisionKey}`;
  };
  return [
    ...graph.states.map((s) => `${stateKey(s.context)}: ${s.edges.map(edge).join(' ; ')}`),
    [...graph.endNodes].sort().join(','),
    [...graph.tags].sort().join(','),
    [...graph.stuckAt].sort().join(','),
    String(graph.walkOut),
    JSON.stringify(graph.autoFailSteps),
  ];
}

// Generous hang guards only (a busy 2-core machine); speed itself is measured by `npm run bench`.
describe('state graph: moving results between moods (issue 12, item 2)', { timeout: 120_000 }, () => {
  it.each([
    ['provoking-caller.en.yaml', () => bundled('provoking-caller.en.yaml')],
    ['a hostile file with loops and flags', () => load(hostileScenario(12, { variables: 3 }))],
  ])('gives exactly the graph the engine gives when every option is played at every state: %s', (_name, make) => {
    const scenario = make();
    const reused = buildStateGraph(scenario);
    const played = buildStateGraph(scenario, UNLIMITED, { reuse: false });
    expect(shape(reused)).toEqual(shape(played));
    expect(reused.enginePlays).toBeLessThan(played.enginePlays / 3);
  });
});

describe('analyze work stays polynomial (no timing: counts)', { timeout: 120_000 }, () => {
  it('grows about linearly with nodes for n × 4 replies with loops', () => {
    const small = buildStateGraph(load(hostileScenario(50)));
    const large = buildStateGraph(load(hostileScenario(198)));
    expect(large.limited).toBe(false);
    expect(large.states.length / small.states.length).toBeLessThan(4.5);
    // About 36 states and 17 engine plays per node today; an exponential regression blows far past this.
    expect(large.states.length).toBeLessThan(50 * 198);
    expect(large.enginePlays).toBeLessThan(25 * 198);
  });

  it('stays bounded for 198 nodes × 4 replies with loops and ten flags that gate replies', () => {
    const graph = buildStateGraph(load(hostileScenario(198, { variables: 10 })));
    expect(graph.limited).toBe(false);
    expect(graph.states.length).toBeLessThan(25_000);
    expect(graph.enginePlays).toBeLessThan(12_000);
  });
});
