/**
 * Checking a trainer's file in the browser, the way `calm-desk lint` checks it: the same loader,
 * plus the rubric check (CD508) against the rubrics bundled with this build. Pure (no DOM); the
 * YAML parser comes with it, so the game imports this module only when a file is opened.
 *
 * @example
 * const checked = checkScenarioText(text, 'kettle.yaml', Object.keys(rubrics));
 * if (!checked.scenario) showCard(checked.diagnostics, checked.lines);
 */
import { catalogEntry, type CatalogEntry } from '../../build/catalogEntry.ts';
import { compareDiagnostics, diagnostic, FILE_START, type Diagnostic } from '../../scenario/diagnostics.ts';
import { loadScenario } from '../../scenario/load.ts';
import type { Scenario } from '../../scenario/model.ts';
import { LIMITS } from '../../scenario/vocabulary.ts';
import { checkRubricLibrary } from '../../scoring/rubricLibrary.ts';

export interface CheckedFile {
  /** The name diagnostics use (`kettle.yaml`). */
  name: string;
  text: string;
  /** The text's lines, as the CLI splits them for excerpts. */
  lines: string[];
  /** The scenario when it has no errors (warnings allowed). */
  scenario: Scenario | null;
  diagnostics: Diagnostic[];
  errorCount: number;
  warningCount: number;
}

/** Load and check `text` as the scenario file `name`; `rubricIds` are the rubrics the game knows. Never throws. */
export function checkScenarioText(text: string, name: string, rubricIds: Iterable<string>): CheckedFile {
  const result = loadScenario(text, name);
  const extra = result.scenario ? checkRubricLibrary([], [{ fileName: name, text, scenario: result.scenario }], rubricIds) : [];
  const diagnostics = [...result.diagnostics, ...extra].sort(compareDiagnostics);
  const errorCount = diagnostics.filter((d) => d.severity === 'error').length;
  return {
    name,
    text,
    lines: text.split('\n'),
    scenario: errorCount === 0 ? result.scenario : null,
    diagnostics,
    errorCount,
    warningCount: diagnostics.length - errorCount,
  };
}

/**
 * A file larger than the loader's cap, without reading it: the same CD002 the loader gives
 * (so a 2 GB file dropped by mistake is never read into memory).
 */
export function tooLargeFile(name: string, bytes: number): CheckedFile {
  const size = Math.round(bytes / 1024);
  const d = diagnostic('CD002', name, FILE_START, `The file is ${size} KB; scenario files are limited to ${LIMITS.fileBytes / 1024} KB.`, 'Split the conversation into several scenarios.');
  return { name, text: '', lines: [], scenario: null, diagnostics: [d], errorCount: 1, warningCount: 0 };
}

/** The loader's size cap in bytes. */
export const MAX_FILE_BYTES = LIMITS.fileBytes;

/** The catalog entry (what Briefing and the lists show) of a checked file under the catalog key `file`. */
export function entryOf(file: string, checked: CheckedFile): CatalogEntry {
  return catalogEntry(file, { scenario: checked.scenario, diagnostics: checked.diagnostics }, headerOf(checked));
}

function headerOf(checked: CheckedFile): { title?: string } {
  const match = /^title:[ \t]*["']?(.+?)["']?[ \t]*$/m.exec(checked.text);
  return match ? { title: match[1] } : {};
}
