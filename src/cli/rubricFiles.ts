/** Finding the rubric files beside scenarios, for `lint` (CD508) and for scoring with the scenario's rubric in `play` and `analyze`. */
import { readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { isRubricFileName, loadRubric } from '../scoring/loadRubric.ts';
import type { Rubric } from '../scoring/rubric.ts';
import type { RubricFileEntry } from '../scoring/rubricLibrary.ts';
import { displayPath, readText } from './files.ts';

/**
 * The rubric files (`rubric.yaml`, `<id>.rubric.yaml`) in the folder of `scenarioPath`, loaded.
 * Scenarios name their rubric by id; these are the ones the game bundles beside them.
 */
export async function rubricFilesBeside(cwd: string, scenarioPath: string): Promise<RubricFileEntry[]> {
  const folder = dirname(resolve(cwd, scenarioPath));
  const names = await readdir(folder).catch(() => [] as string[]);
  const entries: RubricFileEntry[] = [];
  for (const name of names.filter(isRubricFileName).sort()) {
    const path = join(folder, name);
    const read = await readText(path);
    if (!read.ok) continue;
    const fileName = displayPath(cwd, path);
    entries.push({ fileName, text: read.text, result: loadRubric(read.text, fileName) });
  }
  return entries;
}

/**
 * The valid rubrics beside a scenario file, by id, for `rubricFor(scenario.rubric, ...)`: what
 * `play` and `analyze` score with, like the game. Broken ones are left out (the default applies).
 *
 * @example scoreConversation(scenario, transcript, rubricFor(scenario.rubric, await rubricsBeside(io.cwd, file)))
 */
export async function rubricsBeside(cwd: string, scenarioPath: string): Promise<Record<string, Rubric>> {
  const rubrics: Record<string, Rubric> = {};
  for (const entry of await rubricFilesBeside(cwd, scenarioPath)) {
    const rubric = entry.result.rubric;
    if (rubric && !Object.hasOwn(rubrics, rubric.id)) rubrics[rubric.id] = rubric;
  }
  return rubrics;
}
