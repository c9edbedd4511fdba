/**
 * Lazy loading of full scenario content. The YAML text of each file is its own small chunk
 * (`?raw`), and the loader (with the YAML parser and zod schema) is imported on first use, so
 * the title screen never pays for either.
 */
import type { Diagnostic } from '../scenario/diagnostics.ts';
import type { Scenario } from '../scenario/model.ts';

export interface ScenarioLoad {
  scenario: Scenario | null;
  diagnostics: Diagnostic[];
}

const sources = import.meta.glob<string>('/scenarios/*.{yaml,yml}', { query: '?raw', import: 'default' });

/**
 * Load and validate one bundled scenario by its catalog path (e.g. `scenarios/kettle.yaml`). Never rejects.
 * `liveText`: the file's newer text (dev live reload sends it when the file is saved).
 */
export async function loadScenarioFile(file: string, liveText?: string): Promise<ScenarioLoad> {
  const source = liveText !== undefined ? () => Promise.resolve(liveText) : sources[`/${file.replace(/^\/+/, '')}`];
  if (!source) return failure(file, `The file ${file} is not part of this build.`);
  try {
    if (/\.tr\.ya?ml$/i.test(file)) return await loadTranslatedFile(file, await source());
    const [text, { loadScenario }] = await Promise.all([source(), import('../scenario/index.ts')]);
    return loadScenario(text, file);
  } catch (error) {
    return failure(file, `The file ${file} could not be downloaded (${error instanceof Error ? error.message : String(error)}).`);
  }
}

/** A translation file plays its source scenario (bundled beside it) in the translation's language. */
async function loadTranslatedFile(file: string, text: string): Promise<ScenarioLoad> {
  const { loadTranslated, loadTranslation, sourceFileOf } = await import('../scenario/translation.ts');
  const header = loadTranslation(text, file).translation;
  const sourceFile = header ? sourceFileOf(file, header.id, header.from) : file;
  const source = header ? sources[`/${sourceFile.replace(/^\/+/, '')}`] : undefined;
  return loadTranslated(source ? await source() : null, sourceFile, text, file);
}

function failure(file: string, message: string): ScenarioLoad {
  const at = { line: 1, column: 1 };
  return {
    scenario: null,
    diagnostics: [{ code: 'CD001', severity: 'error', message, file, range: { start: at, end: at } } as Diagnostic],
  };
}
