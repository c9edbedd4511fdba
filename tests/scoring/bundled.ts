/**
 * Played conversations from every bundled scenario, for property tests: paths the analyzer walks
 * (its public `enumeratePaths`), best-first, worst-first and in file order, each with its transcript.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { enumeratePaths } from '../../src/analysis/index.ts';
import type { Transcript } from '../../src/conversation/transcript.ts';
import type { Scenario } from '../../src/scenario/model.ts';
import { loadScenarioOrTranslation } from '../../src/scenario/translation.ts';
import { isRubricFileName } from '../../src/scoring/loadRubric.ts';
import { scoreConversation } from '../../src/scoring/score.ts';

export interface Played {
  scenario: Scenario;
  transcript: Transcript;
  file: string;
  /** The highest-scoring of the paths taken from this scenario. */
  best?: boolean;
}

const dir = join(import.meta.dirname, '..', '..', 'scenarios');

/** Every bundled scenario file (rubric files are not scenarios). */
export function bundledFiles(): string[] {
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f) && !isRubricFileName(f))
    .sort();
}

let cached: Played[] | undefined;

/** Up to ~40 complete paths per bundled scenario. A scenario that does not load is an error here. */
export function bundledPlays(): Played[] {
  if (cached) return cached;
  const plays: Played[] = [];
  for (const file of bundledFiles()) {
    const { scenario, diagnostics } = loadScenarioOrTranslation(readFileSync(join(dir, file), 'utf8'), `scenarios/${file}`, (f) => readFileSync(join(dir, f.replace(/^scenarios\//, '')), 'utf8'));
    if (!scenario) throw new Error(`${file} does not load: ${diagnostics.map((d) => `${d.code} ${d.message}`).join('; ')}`);
    const walks = [
      enumeratePaths(scenario, { maxPaths: 20, order: 'best-first' }),
      enumeratePaths(scenario, { maxPaths: 12, order: 'worst-first', excludeAutoFail: true }),
      enumeratePaths(scenario, { maxPaths: 8, order: 'file' }),
    ];
    const mine = walks.flatMap((w) => w.paths).filter((p) => p.complete).map((p) => ({ scenario, transcript: p.transcript, file }));
    let best: Played | undefined;
    for (const p of mine) if (!best || scoreConversation(scenario, p.transcript).overall > scoreConversation(scenario, best.transcript).overall) best = p;
    plays.push(...mine.map((p) => (p === best ? { ...p, best: true } : p)));
  }
  cached = plays;
  return plays;
}
