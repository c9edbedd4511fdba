/**
 * Loading what a CLI command is given: a scenario file, or a translation file
 * (`<id>.<lang>.tr.yaml`), which is played from its source scenario beside it.
 */
import { resolve } from 'node:path';
import type { Diagnostic } from '../scenario/diagnostics.ts';
import { loadScenario } from '../scenario/load.ts';
import type { Scenario } from '../scenario/model.ts';
import { isTranslationFileName, loadTranslated, loadTranslation, sourceFileOf } from '../scenario/translation.ts';
import { readText } from './files.ts';

export interface LoadedForCli {
  scenario: Scenario | null;
  diagnostics: Diagnostic[];
  /** The lines of a file the diagnostics name (for the excerpt under each one). */
  lines(file: string): string[];
  /** The source scenario file, when `shown` is a translation. */
  sourceFile?: string;
}

/** `shown` is the path as the user sees it (relative to `cwd`); `text` its content. */
export async function loadScenarioOrTranslation(cwd: string, shown: string, text: string): Promise<LoadedForCli> {
  const texts = new Map<string, string>([[shown, text]]);
  const lines = (file: string): string[] => (texts.get(file) ?? '').split('\n');
  if (!isTranslationFileName(shown)) return { ...loadScenario(text, shown), lines };
  const header = loadTranslation(text, shown).translation;
  if (!header) return { ...loadTranslated(null, shown, text, shown), lines };
  const sourceFile = sourceFileOf(shown, header.id, header.from);
  const read = await readText(resolve(cwd, sourceFile));
  if (read.ok) texts.set(sourceFile, read.text);
  return { ...loadTranslated(read.ok ? read.text : null, sourceFile, text, shown), lines, sourceFile };
}
