/**
 * View-model of the ScenarioSelect screen: one card per bundled scenario with its language,
 * difficulty, length, best score and attempts, filtered by language and numbered for the
 * number keys.
 */
import type { CatalogEntry } from '../build/catalogEntry.ts';
import type { Translate } from '../i18n/index.ts';
import { LANGUAGES, type Language } from '../scenario/vocabulary.ts';
import { difficultyLabel, languageLabel, minutesLabel } from './labels.ts';

export type LanguageFilter = 'all' | Language;

/** What the player has done with one scenario. */
export interface ScenarioStats {
  best: number | null;
  attempts: number;
}

export interface SelectCard {
  file: string;
  /** 1-based position among the shown cards (number keys 1–9 open the first nine). */
  number: number;
  title: string;
  summary: string;
  language: string;
  difficulty: string;
  /** 1..5 for the dots, null when unknown. */
  difficultyLevel: number | null;
  minutes: string;
  best: string;
  attempts: string;
  playable: boolean;
  problem: string | null;
  /** Accessible name of the card's button. */
  actionLabel: string;
}

export interface SelectView {
  heading: string;
  intro: string;
  filterLabel: string;
  filters: Array<{ value: LanguageFilter; label: string; selected: boolean }>;
  cards: SelectCard[];
  /** "3 scenarios shown." (announced when the filter changes). */
  shownText: string;
  emptyText: string | null;
  numberHint: string;
  backLabel: string;
}

/** Stats key of a scenario: results are kept per scenario id and language. */
export function statsKey(id: string, language: Language | null): string {
  return `${id}:${language ?? ''}`;
}

/** Build the ScenarioSelect view-model. */
export function presentSelect(
  catalog: readonly CatalogEntry[],
  stats: Readonly<Record<string, ScenarioStats>>,
  filter: LanguageFilter,
  t: Translate,
): SelectView {
  const shown = catalog.filter((e) => filter === 'all' || e.language === filter);
  const cards = shown.map((entry, index) => card(entry, index + 1, stats[statsKey(entry.id, entry.language)], t));
  const languages = LANGUAGES.filter((l) => catalog.some((e) => e.language === l));
  return {
    heading: t('select.heading'),
    intro: t('select.intro'),
    filterLabel: t('select.filterLabel'),
    filters: [
      { value: 'all', label: t('select.filterAll'), selected: filter === 'all' },
      ...languages.map((l) => ({ value: l, label: capitalize(languageLabel(t, l)), selected: filter === l })),
    ],
    cards,
    shownText: t('select.shown', { count: cards.length }),
    emptyText: cards.length === 0 ? t('select.empty') : null,
    numberHint: t('select.numberHint'),
    backLabel: t('common.back'),
  };
}

function card(entry: CatalogEntry, number: number, stats: ScenarioStats | undefined, t: Translate): SelectCard {
  const attempts = stats?.attempts ?? 0;
  return {
    file: entry.file,
    number,
    title: entry.title,
    summary: entry.summary,
    language: capitalize(languageLabel(t, entry.language)),
    difficulty: difficultyLabel(t, entry.difficulty),
    difficultyLevel: entry.difficulty,
    minutes: minutesLabel(t, entry.minutes),
    best: stats?.best !== null && stats?.best !== undefined ? t('select.bestScore', { score: Math.round(stats.best) }) : t('select.notPlayed'),
    attempts: attempts > 0 ? t('select.attempts', { count: attempts }) : '',
    playable: entry.playable,
    problem: entry.playable ? null : t('common.hasErrors', { count: entry.errorCount }),
    actionLabel: t('select.open', { title: entry.title }),
  };
}

/** "suomi" → "Suomi" for labels that start a line. */
export function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** Best overall score and number of attempts per scenario id and language, from saved results. */
export function statsFromResults(
  records: ReadonlyArray<{ scenarioId: string; language: Language; overall: number }>,
): Record<string, ScenarioStats> {
  const stats: Record<string, ScenarioStats> = {};
  for (const r of records) {
    const key = statsKey(r.scenarioId, r.language);
    const s = (stats[key] ??= { best: null, attempts: 0 });
    s.attempts += 1;
    s.best = s.best === null ? r.overall : Math.max(s.best, r.overall);
  }
  return stats;
}
