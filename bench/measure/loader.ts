/**
 * The scenario loader against plain YAML parsing (issue 12): load + validate of the whole bundled
 * library against bare `yaml.parse` of the same files, and every large hostile file under the size
 * cap (goal: under 200 ms each). Each hostile shape is timed twice: as generated (160 KB; most are
 * refused by the pre-scan with CD010) and cut to the pre-scan's limits (the largest file of that
 * shape the loader reads in full: the worst case). Also a realistic file: the nodes of a bundled
 * scenario repeated up to the size cap. CPU time of this Node process, median of `rounds`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadScenario } from '../../src/scenario/load.ts';
import { prescan } from '../../src/scenario/prescan.ts';
import { isTranslationFileName } from '../../src/scenario/translation.ts';
import { LIMITS } from '../../src/scenario/vocabulary.ts';
import { BIG_INPUTS, underLimits } from '../../tests/fuzz/big-inputs.ts';
import type { Figure } from '../report.ts';
import { median, round } from './stats.ts';

function timed(work: () => void): number {
  const before = process.cpuUsage();
  work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

export interface LoaderFigures {
  figures: Figure[];
  data: { libraryFiles: number; libraryLoadMs: number; libraryParseMs: number; bigInputsMs: Record<string, number>; underLimitsMs: Record<string, number> };
}

/**
 * The nodes of a bundled scenario copied (ids renamed) until the next copy would pass `bytes` or a
 * pre-scan limit:
 * what a trainer's very long scenario would look like.
 */
export function realisticLargeScenario(root: string, bytes = LIMITS.fileBytes - 1024): string {
  const source = readFileSync(join(root, 'scenarios', 'outage-working-from-home.en.yaml'), 'utf8');
  const at = source.indexOf('\nnodes:\n') + '\nnodes:\n'.length;
  const nodes = source.slice(at).split(/(?=^ {2}[a-z0-9_-]+:$)/m);
  const ids = nodes.map((node) => /^ {2}([a-z0-9_-]+):/.exec(node)?.[1] ?? '');
  let text = source.slice(0, at);
  for (let copy = 0; ; copy++) {
    for (const node of nodes) {
      const renamed = copy === 0 ? node : ids.reduce((out, id) => out.replace(new RegExp(`(?<![\\w-])${id}(?![\\w-])`, 'g'), `${id}-${copy}`), node);
      if (Buffer.byteLength(text + renamed) > bytes || prescan(text + renamed).over) return text;
      text += renamed;
    }
  }
}

/** Median CPU time of loading `text`, after one warm-up. */
function loadTime(text: string, rounds: number): number {
  loadScenario(text, 'big.yaml');
  return round(median(Array.from({ length: rounds }, () => timed(() => loadScenario(text, 'big.yaml')))), 1);
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
  const underLimitsMs: Record<string, number> = {};
  const figures: Figure[] = [
    { name: 'load + validate the library / bare yaml.parse', value: round(libraryLoadMs / libraryParseMs, 2), unit: '×', goal: null,
      note: `${files.length} files: ${round(libraryLoadMs)} ms against ${round(libraryParseMs)} ms (issue 12 measured 1.12×)` },
  ];
  const realistic = realisticLargeScenario(root);
  const realisticMs = loadTime(realistic, rounds);
  figures.push({ name: 'load: a bundled scenario\'s nodes repeated up to the limits', value: realisticMs, unit: 'ms', goal: goalMs,
    note: `${round(realistic.length / 1024)} KB, ${realistic.split('\n').length} lines (a bundled scenario's nodes repeated)` });
  for (const [name, make] of Object.entries(BIG_INPUTS)) {
    const text = make();
    const cut = underLimits(text);
    bigInputsMs[name] = loadTime(text, rounds);
    figures.push({ name: `load: ${name}`, value: bigInputsMs[name], unit: 'ms', goal: goalMs, note: `${round(text.length / 1024)} KB${cut === text ? '' : ', refused by the pre-scan (CD010)'}` });
    if (cut !== text) {
      underLimitsMs[name] = loadTime(cut, rounds);
      figures.push({ name: `load: ${name}, cut to the limits`, value: underLimitsMs[name], unit: 'ms', goal: goalMs, note: `${round(cut.length / 1024)} KB, ${cut.replace(/\n$/, '').split('\n').length} lines` });
    }
  }
  return {
    figures,
    data: { libraryFiles: files.length, libraryLoadMs: round(libraryLoadMs), libraryParseMs: round(libraryParseMs), bigInputsMs, underLimitsMs },
  };
}
