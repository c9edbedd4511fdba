/**
 * Issue 12, item 8: variables named `__proto__`, `constructor` or `toString` are data. The machine
 * sets, adds and tests them like any other name, the transcript keeps them, a JSON round trip
 * keeps them, and no prototype changes on the way.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyAssignments, initialContext } from '../../src/conversation/rules.ts';
import { decisionsOf, endingOf } from '../../src/conversation/transcript.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import type { Scenario } from '../../src/scenario/model.ts';
import { scoreConversation } from '../../src/scoring/score.ts';
import { runPicks } from './helpers/run.ts';

const text = readFileSync(new URL('../fixtures/proto-names/proto-names.yaml', import.meta.url), 'utf8');

function load(): Scenario {
  const { scenario, diagnostics } = loadScenario(text, 'proto-names.yaml');
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return scenario!;
}

describe('variables named like Object.prototype properties', () => {
  it('sets, adds and tests them in the machine, and the transcript keeps them', () => {
    const scenario = load();
    const transcript = runPicks(scenario, [0, 0]);
    const [first, second] = decisionsOf(transcript);
    expect(first).toMatchObject({ nodeId: 'hello', choiceId: 'sorry' });
    expect(Object.entries(first!.variablesBefore).sort()).toEqual([['__proto__', false], ['constructor', 0], ['toString', false]]);
    expect(second).toMatchObject({ nodeId: 'swap', choiceId: 'thanks', visibleReplyIds: ['thanks'] });
    expect(Object.entries(second!.variablesBefore).sort()).toEqual([['__proto__', true], ['constructor', 2], ['toString', true]]);
    expect(endingOf(transcript)?.nodeId).toBe('done');
    // The other reply leaves `__proto__` false: the branch falls through.
    expect(endingOf(runPicks(scenario, [1]))?.nodeId).toBe('missed');
  });

  it('keeps them through a JSON round trip, and scores the copy the same', () => {
    const scenario = load();
    const transcript = runPicks(scenario, [0, 0]);
    const copy = JSON.parse(JSON.stringify(transcript)) as typeof transcript;
    expect(Object.hasOwn(decisionsOf(copy)[1]!.variablesBefore, '__proto__')).toBe(true);
    expect(decisionsOf(copy)[1]!.variablesBefore['__proto__']).toBe(true);
    expect(scoreConversation(scenario, copy)).toEqual(scoreConversation(scenario, transcript));
  });

  it('never touches a prototype', () => {
    const scenario = load();
    const start = initialContext(scenario).variables;
    const after = applyAssignments(start, scenario.nodes['hello']!.replies![0]!);
    expect(Object.getPrototypeOf(start)).toBeNull();
    expect(Object.getPrototypeOf(after)).toBeNull();
    expect(after['__proto__']).toBe(true);
    expect(after['constructor']).toBe(2);
    expect(Object.getPrototypeOf(scenario.variables)).toBeNull();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(({} as Record<string, unknown>)['constructor']).toBe(Object);
  });
});
