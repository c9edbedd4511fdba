/**
 * Checks across rubric and scenario files: two rubric files with one id (CD509), and scenarios
 * naming a rubric no file provides (CD508). `calm-desk lint` runs these over the files it was
 * given plus the rubric files beside each scenario.
 */
import { parseDocument } from 'yaml';
import { diagnostic, FILE_START } from '../scenario/diagnostics.ts';
import type { Diagnostic } from '../scenario/diagnostics.ts';
import type { Scenario } from '../scenario/model.ts';
import { SourceMap } from '../scenario/source-map.ts';
import { didYouMean } from '../scenario/suggest.ts';
import type { RubricLoadResult } from './loadRubric.ts';

export interface RubricFileEntry {
  fileName: string;
  text: string;
  result: RubricLoadResult;
}

export interface ScenarioFileEntry {
  fileName: string;
  text?: string;
  scenario: Scenario | null;
}

/** The id a rubric file declares: from the loaded rubric, else read from the YAML (a broken file still claims its id). */
export function declaredRubricId(entry: RubricFileEntry): string | undefined {
  if (entry.result.rubric) return entry.result.rubric.id;
  try {
    const id: unknown = parseDocument(entry.text, { prettyErrors: false, uniqueKeys: false }).get('id');
    return typeof id === 'string' && id.trim() !== '' ? id.trim() : undefined;
  } catch {
    return undefined;
  }
}

function locate(text: string | undefined, key: string) {
  if (text === undefined) return FILE_START;
  return new SourceMap(text, parseDocument(text, { prettyErrors: false, uniqueKeys: false })).rangeAt([key], 'value');
}

/**
 * CD509 for every rubric file after the first (by path) that declares an id, CD508 for every scenario whose
 * `rubric` no file provides. `default` is always known (it is compiled in); `knownIds` adds ids
 * found elsewhere (e.g. rubric files beside a scenario that were not linted themselves).
 */
export function checkRubricLibrary(rubrics: readonly RubricFileEntry[], scenarios: readonly ScenarioFileEntry[], knownIds: Iterable<string> = []): Diagnostic[] {
  const out: Diagnostic[] = [];
  const first = new Map<string, string>();
  const ordered = [...rubrics].sort((a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0));
  for (const entry of ordered) {
    const id = declaredRubricId(entry);
    if (id === undefined) continue;
    const earlier = first.get(id);
    if (earlier === undefined) {
      first.set(id, entry.fileName);
      continue;
    }
    out.push(diagnostic('CD509', entry.fileName, locate(entry.text, 'id'), `The rubric id \`${id}\` is also used by \`${earlier}\`.`, 'Give each rubric file its own id.'));
  }
  const known = new Set(['default', ...first.keys(), ...knownIds]);
  for (const entry of scenarios) {
    const id = entry.scenario?.rubric;
    if (id === undefined || known.has(id)) continue;
    const hint = didYouMean(id, known) ?? `Known rubrics: ${[...known].sort().map((k) => `\`${k}\``).join(', ')}; or add \`${id}.rubric.yaml\` beside the scenarios.`;
    out.push(diagnostic('CD508', entry.fileName, locate(entry.text, 'rubric'), `This scenario names the rubric \`${id}\`, but no rubric file has that id: it would be scored with the default rubric.`, hint));
  }
  return out;
}
