/**
 * Light metadata about one scenario file: what the Title and ScenarioSelect screens show without
 * paying for the YAML parser. The Vite plugin (`scenarioCatalog.ts`) builds these at build/dev
 * time and serves them as `virtual:scenario-catalog`; the full scenario loads lazily when chosen.
 */
import type { Diagnostic } from '../scenario/diagnostics.ts';
import type { Brief, Scenario } from '../scenario/model.ts';
import type { Language, PortraitId, SettingId } from '../scenario/vocabulary.ts';
import { LANGUAGES } from '../scenario/vocabulary.ts';

export interface CatalogEntry {
  /** Path from the project root, e.g. `scenarios/kettle.yaml` (the key for lazy loading). */
  file: string;
  /** Scenario id; the file name without extension when the file is broken. */
  id: string;
  /** Scenario language; `null` when a broken file does not say. */
  language: Language | null;
  title: string;
  summary: string;
  difficulty: number | null;
  minutes: number | null;
  /** Upper end when the scenario gives its length as a range (`minutes: "5-8"`). */
  minutesMax: number | null;
  /** Place in the suggested course order (1 = first, gentle); null when the file does not say. */
  order: number | null;
  /** Id of the scoring rubric the scenario names (`default` unless it names another); its "good" band is the pass mark. */
  rubric: string;
  setting: SettingId | null;
  customerName: string | null;
  portrait: PortraitId | null;
  goals: string[];
  brief: Brief | null;
  facilitator: string | null;
  errorCount: number;
  warningCount: number;
  /** Up to three diagnostics as compiler-style lines (`file:line:col: error CD104: …`). */
  firstDiagnostics: string[];
  /** True when the loader produced a scenario with no errors. */
  playable: boolean;
}

/** Loose fields read from a broken file's YAML, so its card can still show a title. */
export interface RawHeader {
  id?: unknown;
  title?: unknown;
  language?: unknown;
}

/** One diagnostic as a single compiler-style line. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.range.start.line}:${d.range.start.column}: ${d.severity} ${d.code}: ${d.message}`;
}

/**
 * Build the catalog entry for one file from the loader's result.
 * @example catalogEntry('scenarios/a.yaml', loadScenario(text, 'scenarios/a.yaml'))
 */
export function catalogEntry(
  file: string,
  result: { scenario: Scenario | null; diagnostics: readonly Diagnostic[] },
  header: RawHeader = {},
): CatalogEntry {
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  const counts = {
    errorCount: errors.length,
    warningCount: result.diagnostics.length - errors.length,
    firstDiagnostics: [...errors, ...result.diagnostics.filter((d) => d.severity !== 'error')]
      .slice(0, 3)
      .map(formatDiagnostic),
  };
  const s = result.scenario;
  if (s && errors.length === 0) {
    return {
      file,
      id: s.id,
      language: s.language,
      title: s.title,
      summary: s.summary,
      difficulty: s.difficulty,
      minutes: s.minutes,
      minutesMax: s.minutesMax ?? null,
      order: s.order ?? null,
      rubric: s.rubric,
      setting: s.setting,
      customerName: s.customer.name,
      portrait: s.customer.portrait,
      goals: [...s.goals],
      brief: s.brief ? { ...s.brief } : null,
      facilitator: s.facilitator ?? null,
      ...counts,
      playable: true,
    };
  }
  return brokenEntry(file, header, { ...counts, errorCount: Math.max(1, counts.errorCount) });
}

function brokenEntry(
  file: string,
  header: RawHeader,
  counts: Pick<CatalogEntry, 'errorCount' | 'warningCount' | 'firstDiagnostics'>,
): CatalogEntry {
  const stem = file.replace(/^.*\//, '').replace(/\.ya?ml$/i, '');
  const language = LANGUAGES.find((l) => l === header.language) ?? null;
  return {
    file,
    id: typeof header.id === 'string' && header.id.trim() ? header.id.trim() : stem,
    language,
    title: typeof header.title === 'string' && header.title.trim() ? header.title.trim() : stem,
    summary: '',
    difficulty: null,
    minutes: null,
    minutesMax: null,
    order: null,
    rubric: 'default',
    setting: null,
    customerName: null,
    portrait: null,
    goals: [],
    brief: null,
    facilitator: null,
    ...counts,
    playable: false,
  };
}
