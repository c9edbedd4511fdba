/**
 * View-model of the ScenarioSelect screen: one card per bundled scenario with its language,
 * difficulty, length, best score and attempts, in the suggested course order (gentle to hard),
 * filtered by language and numbered for the number keys. The first scenario in that order the
 * player has not yet passed is marked as the recommended next one.
 */
import type { CatalogEntry } from '../build/catalogEntry.ts';
import type { Translate } from '../i18n/index.ts';
import { LANGUAGES, type Language } from '../scenario/vocabulary.ts';
import { DEFAULT_RUBRIC, rubricFor, type Rubric } from '../scoring/rubric.ts';
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
  /** "Step 3" in the course order; empty when the scenario has no place in it. */
  step: string;
  /** Passed: the best score reaches the pass mark (the rubric's "good" band). */
  passed: boolean;
  /** "Passed" / "Recommended next" badge text, else null. */
  badge: string | null;
  /** The first scenario in course order not yet passed (one card at most). */
  recommended: boolean;
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
  /** "Suggested order: gentle first. Recommended next: …" (null when everything is passed). */
  courseText: string | null;
  backLabel: string;
}

/** What decides the recommendation. */
export interface SelectOptions {
  /** Lowest best score that counts as passed, per scenario (the rubric's "good" band); default 65. */
  passScore?: (entry: CatalogEntry) => number;
  /** Recommend a scenario in this language when one is shown (the player's language). */
  language?: Language;
}

/** The default rubric's "good" band: a best score at or above it passes a scenario. */
export const DEFAULT_PASS_SCORE = DEFAULT_RUBRIC.verdicts.good;

/**
 * The pass mark of each scenario: the "good" band of the rubric it names (from `rubrics`, the
 * bundled ones), else the default rubric's.
 * @example presentSelect(catalog, stats, 'all', t, { passScore: passScoreFrom(rubrics) })
 */
export function passScoreFrom(rubrics: Readonly<Record<string, Rubric>>): (entry: CatalogEntry) => number {
  return (entry) => rubricFor(entry.rubric, rubrics).verdicts.good;
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
  options: SelectOptions = {},
): SelectView {
  const shown = courseOrder(catalog.filter((e) => filter === 'all' || e.language === filter), options.language);
  const passScore = options.passScore ?? (() => DEFAULT_PASS_SCORE);
  const passedIds = new Set(
    catalog.filter((e) => (stats[statsKey(e.id, e.language)]?.best ?? -1) >= passScore(e)).map((e) => e.id),
  );
  const next = recommendedEntry(shown, passedIds, options.language);
  const cards = shown.map((entry, index) =>
    card(entry, index + 1, stats[statsKey(entry.id, entry.language)], { passed: passedIds.has(entry.id), recommended: entry === next }, t),
  );
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
    courseText: courseText(shown, next, t),
    backLabel: t('common.back'),
  };
}

/**
 * Scenarios in the suggested course order: by `order`, then those without one; within a step the
 * player's `language` first, otherwise the catalog's own order (so the English and Finnish
 * versions of one step stay side by side).
 */
export function courseOrder(entries: readonly CatalogEntry[], language?: Language): CatalogEntry[] {
  const rank = (e: CatalogEntry) => (e.order === null ? Number.POSITIVE_INFINITY : e.order);
  const own = (e: CatalogEntry) => (language !== undefined && e.language === language ? 0 : 1);
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => rank(a.entry) - rank(b.entry) || own(a.entry) - own(b.entry) || a.index - b.index)
    .map(({ entry }) => entry);
}

/** The first playable scenario in course order not passed yet (in the player's language when one is shown). */
function recommendedEntry(shown: readonly CatalogEntry[], passedIds: ReadonlySet<string>, language?: Language): CatalogEntry | null {
  const open = shown.filter((e) => e.playable && !passedIds.has(e.id));
  return open.find((e) => e.language === language) ?? open[0] ?? null;
}

function courseText(shown: readonly CatalogEntry[], next: CatalogEntry | null, t: Translate): string | null {
  if (!shown.some((e) => e.order !== null)) return next ? t('select.recommendedText', { title: next.title }) : null;
  if (!next) return `${t('select.courseIntro')} ${t('select.allPassed')}`;
  return `${t('select.courseIntro')} ${t('select.recommendedText', { title: next.title })}`;
}

function card(
  entry: CatalogEntry,
  number: number,
  stats: ScenarioStats | undefined,
  status: { passed: boolean; recommended: boolean },
  t: Translate,
): SelectCard {
  const attempts = stats?.attempts ?? 0;
  return {
    file: entry.file,
    number,
    title: entry.title,
    summary: entry.summary,
    language: capitalize(languageLabel(t, entry.language)),
    difficulty: difficultyLabel(t, entry.difficulty),
    difficultyLevel: entry.difficulty,
    minutes: minutesLabel(t, entry.minutes, entry.minutesMax),
    step: entry.order !== null ? t('select.step', { order: entry.order }) : '',
    passed: status.passed,
    badge: status.recommended ? t('select.recommended') : status.passed ? t('select.passed') : null,
    recommended: status.recommended,
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

/**
 * The scenario "Next scenario" opens after a debrief: the first one in course order (same
 * language) the player has not passed yet, other than the one just played; when all are passed,
 * the one after it in course order (wrapping). Null when there is no other playable scenario.
 */
export function nextInCourse(
  catalog: readonly CatalogEntry[],
  stats: Readonly<Record<string, ScenarioStats>>,
  currentFile: string,
  language: Language,
  options: Pick<SelectOptions, 'passScore'> = {},
): CatalogEntry | null {
  const passScore = options.passScore ?? (() => DEFAULT_PASS_SCORE);
  const course = courseOrder(catalog.filter((e) => e.playable && e.language === language));
  const current = course.findIndex((e) => e.file === currentFile);
  const others = course.filter((e) => e.file !== currentFile);
  const open = others.find((e) => (stats[statsKey(e.id, e.language)]?.best ?? -1) < passScore(e));
  if (open) return open;
  if (others.length === 0) return null;
  return course[(current + 1) % course.length] ?? others[0] ?? null;
}
