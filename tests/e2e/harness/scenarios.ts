/**
 * The bundled scenarios as the tests see them: loaded from `scenarios/*.yaml` with the game's own
 * loader, so a test that expects a title or a reply on screen checks it against what the trainer
 * wrote. Files with errors come back with `scenario: null` (CI lints them before the browser tests).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../../../src/scenario/index.ts';
import { isRubricFileName } from '../../../src/scoring/loadRubric.ts';
import { isTranslationFileName, loadTranslated, loadTranslation, sourceFileOf } from '../../../src/scenario/translation.ts';
import type { Scenario } from '../../../src/scenario/model.ts';
import { buildRubrics } from '../../../src/build/scenarioCatalog.ts';
import { rubricFor, type Rubric } from '../../../src/scoring/rubric.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** One bundled file and, when it loads without errors, its scenario. */
export interface BundledScenario {
  /** Path from the repository root, e.g. `scenarios/kettle-returned-twice.en.yaml`. */
  file: string;
  scenario: Scenario | null;
}

/** Every `scenarios/*.yaml` file (rubric files are not scenarios), loaded, sorted by file name. */
export function bundledScenarios(): BundledScenario[] {
  return readdirSync(join(ROOT, 'scenarios'))
    .filter((name) => /\.ya?ml$/i.test(name) && !isRubricFileName(name))
    .sort()
    .map((name) => {
      const file = `scenarios/${name}`;
      const text = readFileSync(join(ROOT, file), 'utf8');
      const { scenario, diagnostics } = isTranslationFileName(name) ? translated(file, text) : loadScenario(text, file);
      return { file, scenario: diagnostics.some((d) => d.severity === 'error') ? null : scenario };
    });
}

/** A translation file (`<id>.<lang>.tr.yaml`), played from the scenario beside it as the game does. */
function translated(file: string, text: string): ReturnType<typeof loadTranslated> {
  const header = loadTranslation(text, file).translation;
  const source = header ? sourceFileOf(file, header.id, header.from) : file;
  return loadTranslated(header ? readFileSync(join(ROOT, source), 'utf8') : null, source, text, file);
}

/** A bundled scenario that loads without errors, with its catalog path. */
export interface Playable {
  file: string;
  scenario: Scenario;
}

/** The playable bundled scenarios. */
export function playableScenarios(): Playable[] {
  return bundledScenarios().flatMap(({ file, scenario }) => (scenario ? [{ file, scenario }] : []));
}

/** The playable scenario with this id and language; throws when the build has none. */
export function scenarioById(id: string, language: Scenario['language'] = 'en'): Playable {
  const found = playableScenarios().find(({ scenario }) => scenario.id === id && scenario.language === language);
  if (!found) throw new Error(`No playable bundled scenario ${id} (${language}) in scenarios/`);
  return found;
}

let rubrics: Record<string, Rubric> | undefined;

/** The rubric the game scores `scenario` with: the bundled rubric file it names, else the default. */
export function rubricOf(scenario: Scenario): Rubric {
  rubrics ??= buildRubrics(ROOT, 'scenarios');
  return rubricFor(scenario.rubric, rubrics);
}
