/**
 * The scorer's map of endings (src/scoring/shortestPath.ts) on files whose (node, variables)
 * states outgrow its walk: the ending a good agent reaches must still count as reachable, with
 * the fewest decisions to it; and the guided search agrees with the plain walk where both run.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.ts';
import type { Scenario } from '../../src/scenario/model.ts';
import { bestEnding, fewestDecisionsTo, reachableEndings } from '../../src/scoring/shortestPath.ts';
import { hostileScenario } from '../analysis/hostile.ts';
import { bundledFiles } from './bundled.ts';

function load(text: string, file = 'generated.yaml'): Scenario {
  const { scenario, diagnostics } = loadScenario(text, file);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return scenario!;
}

describe('scorer: the best ending and the shortest path to it', { timeout: 240_000 }, () => {
  it('finds the resolved ending of a file with 20 independent flags (2^20 variable states)', () => {
    // Moving on from every node reaches `solved`; before, the walk stopped at its state limit
    // long before, and the scorer measured every player against `unresolved`.
    const scenario = load(hostileScenario(120, { variables: 20, independent: true }));
    const best = bestEnding(scenario);
    expect(best?.outcome).toBe('resolved');
    expect(best?.shortestPath).toBe(120);
    expect(reachableEndings(scenario).map((e) => e.nodeId)).toContain('solved');
  });

  it('agrees with the plain walk on every bundled scenario and every ending', () => {
    for (const file of bundledFiles().filter((f) => !f.endsWith('.tr.yaml'))) {
      const scenario = load(readFileSync(`scenarios/${file}`, 'utf8'), file);
      const walked = new Map(reachableEndings(scenario).map((e) => [e.nodeId, e.decisions]));
      for (const id of scenario.nodeOrder.filter((n) => scenario.nodes[n]!.end)) {
        expect(fewestDecisionsTo(scenario, id), `${file} ${id}`).toBe(walked.get(id) ?? null);
      }
    }
  });

  it('says null for an ending no link reaches', () => {
    const orphan = ['  orphan:', '    says: [Nobody gets here.]', '    end: escalated', '    satisfaction: 3', '    comment: Never.', ''].join('\n');
    const scenario = load(hostileScenario(12, { variables: 3 }) + orphan);
    expect(fewestDecisionsTo(scenario, 'orphan')).toBeNull();
    expect(reachableEndings(scenario).map((e) => e.nodeId)).not.toContain('orphan');
  });
});
