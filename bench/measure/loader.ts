/**
 * The scenario loader against plain YAML parsing (issue 12): load + validate of the whole bundled
 * library against bare `yaml.parse` of the same files, and the slowest of the large hostile files
 * under the size cap (goal: under 200 ms each). Runs in this Node process, not the browser.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadScenario } from '../../src/scenario/load.ts';
import { isTranslationFileName } from '../../src/scenario/translation.ts';
import { BIG_INPUTS } from '../../tests/fuzz/big-inputs.ts';
import type { Figure } from '../report.ts';
import { median, round } from './stats.ts';

function timed(work: () => void): number {
  const started = performance.now();
  work();
  return performance.now() - started;
}

export interface LoaderFigures {
  figures: Figure[];
  data: { libraryFiles: number; libraryLoadMs: number; libraryParseMs: number; bigInputsMs: Record<string, number> };
}

/** Measures the loader; `rounds` repetitions, the median counts. */
export function measureLoader(root: string, rounds = 5, goalMs = 200): LoaderFigures {
  const folder = join(root, 'scenarios');
  const files = readdirSync(folder)
    // Scenario files only: rubrics and translation files (*.tr.yaml) are not scenarios.
    .filter((name) => /\.ya?ml$/.test(name) && !name.includes('rubric') && !isTranslationFileName(name))
    .map((name) => ({ name, text: readFileSync(join(folder, name), 'utf8') }));
  const loadAll = () => files.forEach((file) => loadScenario(file.text, file.name));
  const parseAll = () => files.forEach((file) => parse(file.text));
  loadAll();
  parseAll();
  const loads: number[] = [];
  const parses: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    loads.push(timed(loadAll));
    parses.push(timed(parseAll));
  }
  const libraryLoadMs = median(loads);
  const libraryParseMs = median(parses);

  const bigInputsMs: Record<string, number> = {};
  for (const [name, make] of Object.entries(BIG_INPUTS)) {
    const text = make();
    loadScenario(text, 'big.yaml');
    bigInputsMs[name] = round(median([0, 1, 2].map(() => timed(() => loadScenario(text, 'big.yaml')))));
  }
  const [slowestName, slowestMs] = Object.entries(bigInputsMs).sort((a, b) => b[1] - a[1])[0]!;
  const figures: Figure[] = [
    { name: 'load + validate the library / bare yaml.parse', value: round(libraryLoadMs / libraryParseMs, 2), unit: '×', goal: null,
      note: `${files.length} files: ${round(libraryLoadMs)} ms against ${round(libraryParseMs)} ms (issue 12 measured 1.12×)` },
    { name: 'slowest large file under the size cap', value: round(slowestMs), unit: 'ms', goal: goalMs, note: `${slowestName} (${Object.keys(bigInputsMs).length} shapes, 256 KB each)` },
  ];
  return { figures, data: { libraryFiles: files.length, libraryLoadMs: round(libraryLoadMs), libraryParseMs: round(libraryParseMs), bigInputsMs } };
}
