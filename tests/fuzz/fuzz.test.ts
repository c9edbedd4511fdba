/**
 * The 1,000-input slice of `npm run fuzz` (issue 12), in process: scenario files and results
 * files from the same seeded generators, with the same checks. A finding prints its input.
 */
import { describe, expect, it } from 'vitest';
import { checkResults, checkScenario, preview, resultsRun, scenarioRun } from './fuzz.ts';

/** Generous: the goal is 200 ms on an idle machine; this only catches hangs on a busy one. */
const CAP_MS = 5000;

describe('fuzz slice', () => {
  it('1,000 scenario files: no crash, hang, bad position or bad message', () => {
    const problems: string[] = [];
    for (const text of scenarioRun(1000, 20261126, false)) {
      const started = performance.now();
      const findings = checkScenario(text);
      const ms = performance.now() - started;
      if (ms > CAP_MS) problems.push(`slow (${ms.toFixed(0)} ms): ${preview(text)}`);
      for (const f of findings) problems.push(`${f.kind}: ${f.detail.split('\n')[0]} in ${preview(f.input)}`);
    }
    expect(problems).toEqual([]);
  }, 300_000);

  it('300 results files: the import never throws, refuses in plain words and keeps only valid records', async () => {
    const problems: string[] = [];
    for (const text of resultsRun(300, 20261126)) {
      for (const f of await checkResults(text)) problems.push(`${f.kind}: ${f.detail.split('\n')[0]} in ${preview(f.input)}`);
    }
    expect(problems).toEqual([]);
  }, 120_000);
});
