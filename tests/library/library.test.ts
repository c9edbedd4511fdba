/**
 * The bundled library against the targets of issue 11 ("Must show") and the working spec,
 * section E, through the real machine and driver on a fake clock. Scenario writers tune against
 * this test: every failure is a list of sentences, one per miss, naming the file, the figure, the
 * target and the `npx calm-desk play` arguments that show it. `npm run library:report -- <file>`
 * prints the same checks (and the figures behind them) for one file in a few seconds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileFigures, fileMisses, libraryMisses, LIBRARY_TARGETS, type FileFigures } from '../../src/analysis/libraryChecks.ts';
import type { CliIO } from '../../src/cli/command.ts';
import { lintPaths } from '../../src/cli/commands/lint.ts';
import { isRubricFileName, loadRubric } from '../../src/scoring/loadRubric.ts';
import { rubricFor, type Rubric } from '../../src/scoring/rubric.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { isTranslationFileName, loadTranslated, loadTranslation, sourceFileOf } from '../../src/scenario/translation.ts';
import { GOOD_TAGS } from '../../src/scenario/vocabulary.ts';
import { summarizeLibrary } from '../../src/analysis/library.ts';

const root = join(import.meta.dirname, '..', '..');
const scenarioDir = join(root, 'scenarios');
const yamlFiles = readdirSync(scenarioDir).filter((f) => f.endsWith('.yaml')).sort();
const files = yamlFiles.filter((f) => !isRubricFileName(f));

/** The rubrics beside the scenarios, as the game bundles them. */
const rubrics: Record<string, Rubric> = {};
for (const f of yamlFiles.filter(isRubricFileName)) {
  const rubric = loadRubric(readFileSync(join(scenarioDir, f), 'utf8'), f).rubric;
  if (rubric) rubrics[rubric.id] = rubric;
}

/** A scenario file, or a translation file played from the scenario it translates (as the game does). */
function loadBundled(file: string) {
  const text = readFileSync(join(scenarioDir, file), 'utf8');
  if (!isTranslationFileName(file)) return loadScenario(text, `scenarios/${file}`);
  const header = loadTranslation(text, file).translation!;
  const source = sourceFileOf(file, header.id, header.from);
  return loadTranslated(readFileSync(join(scenarioDir, source), 'utf8'), `scenarios/${source}`, text, `scenarios/${file}`);
}

const io: CliIO = { out: () => undefined, err: () => undefined, isTTY: false, env: {}, cwd: root };

const figures = new Map<string, FileFigures | null>();

/** Everything the targets look at for one file (computed once per file). */
function figuresOf(file: string): FileFigures | null {
  if (!figures.has(file)) {
    const { scenario } = loadBundled(file);
    figures.set(file, scenario ? fileFigures(`scenarios/${file}`, scenario, { runs: LIBRARY_TARGETS.randomRuns, rubric: rubricFor(scenario.rubric, rubrics) }) : null);
  }
  return figures.get(file)!;
}

describe('scenario library', () => {
  it('has bundled scenarios to check', () => {
    expect(files.length, 'scenarios/*.yaml is empty').toBeGreaterThan(0);
  });

  it('lints clean: no errors and no warnings in any file (naive players included, CD308)', async () => {
    const checked = await lintPaths(io, yamlFiles.map((f) => `scenarios/${f}`));
    const found = checked.flatMap((entry) =>
      entry.diagnostics.map((d) => `${d.file}:${d.range.start.line}:${d.range.start.column}: ${d.severity} ${d.code}: ${d.message}${d.hint ? ` (${d.hint})` : ''}`),
    );
    expect(found).toEqual([]);
  }, 600_000);

  // Best ≥ 90; naive means ≤ 50 (polite ≤ 60); one trust-ruiner on the best path never in the top band;
  // every ending reachable; every reply has feedback; the best reply the longest at ≤ 1/3 of nodes;
  // stars and scores quoted in facilitator notes agree with the engine.
  it.each(files)('%s meets every per-file target', (file) => {
    const f = figuresOf(file);
    expect(f ? fileMisses(f) : [`scenarios/${file}: does not load; run \`npx calm-desk lint scenarios/${file}\``]).toEqual([]);
  }, 120_000);

  // en and fi of one scenario share ids and graph; each trust-ruiner is a live trap in ≥ 6 scenarios;
  // at least 10 scenario ids per language.
  it('meets the targets across files: translations in step, traps, languages', () => {
    const all = files.map(figuresOf).filter((f): f is FileFigures => f !== null);
    expect(libraryMisses(all)).toEqual([]);
  }, 600_000);

  it('rewards every good tag somewhere', () => {
    const library = summarizeLibrary(files.map(figuresOf).flatMap((f) => (f ? [f.analysis] : [])));
    expect(GOOD_TAGS.filter((t) => library.rewardScenarios[t].length === 0).map((t) => `good tag ${t} is rewarded in no scenario`)).toEqual([]);
  });
});
