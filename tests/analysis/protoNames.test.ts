/** Issue 12, item 8: the analyzer's state graph keeps variables named `__proto__` and `constructor`. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeScenario } from '../../src/analysis/analyze.ts';
import { playScript } from '../../src/analysis/play.ts';
import { buildStateGraph } from '../../src/analysis/stateGraph.ts';
import { endingOf } from '../../src/conversation/transcript.ts';
import { loadScenario } from '../../src/scenario/load.ts';

const text = readFileSync(new URL('../fixtures/proto-names/proto-names.yaml', import.meta.url), 'utf8');
const scenario = loadScenario(text, 'proto-names.yaml').scenario!;

describe('analysis with prototype-named variables', () => {
  it('reaches both endings, each only the way the variables allow', () => {
    const report = analyzeScenario(scenario);
    expect(report.endings.map((e) => [e.nodeId, e.reach])).toEqual([['done', 'reachable'], ['missed', 'reachable']]);
    expect(report.best?.endNodeId).toBe('done');
    expect(playScript(scenario, { choices: ['sorry', 'thanks'] }).ok).toBe(true);
    const played = playScript(scenario, { choices: ['sorry', 'thanks'] });
    expect(played.ok && endingOf(played.transcript)?.nodeId).toBe('done');
  });

  it('tells states apart by `__proto__` and `constructor`', () => {
    const graph = buildStateGraph(scenario);
    const swap = graph.states.filter((s) => s.nodeId === 'swap').map((s) => s.context.variables);
    expect(swap.length).toBeGreaterThan(0);
    for (const variables of swap) expect(Object.entries(variables).sort()).toEqual([['__proto__', true], ['constructor', 2], ['toString', true]]);
    const hello = graph.states.filter((s) => s.nodeId === 'hello').map((s) => s.context.variables);
    for (const variables of hello) expect(Object.entries(variables).sort()).toEqual([['__proto__', false], ['constructor', 0], ['toString', false]]);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });
});
