/**
 * View-model of the Title screen: product name, tagline, the two actions, and every bundled
 * scenario with its language and difficulty; a broken file shows its error count and the
 * lint command instead of crashing the screen.
 */
import type { CatalogEntry } from '../build/catalogEntry.ts';
import type { Translate } from '../i18n/index.ts';
import type { Language } from '../scenario/vocabulary.ts';
import { difficultyLabel, languageLabel } from './labels.ts';

export interface TitleScenarioItem {
  file: string;
  title: string;
  /** "English · Moderate". */
  meta: string;
  playable: boolean;
  /** "has 2 errors — run npx calm-desk lint" when broken. */
  problem: string | null;
  /** First diagnostics as compiler-style lines (for trainers), empty when fine. */
  details: string[];
}

export interface TitleView {
  appName: string;
  tagline: string;
  playLabel: string;
  settingsLabel: string;
  /** Play is offered only when at least one scenario can be played. */
  canPlay: boolean;
  scenariosHeading: string;
  /** "3 scenarios", or the empty-state sentence. */
  countText: string;
  scenarios: TitleScenarioItem[];
  keysHint: string;
}

/**
 * Build the Title view-model from the catalog. Scenarios in the player's `language` come first
 * (otherwise in catalog order), so a Finnish session does not scroll past the English list.
 */
export function presentTitle(catalog: readonly CatalogEntry[], t: Translate, language?: Language): TitleView {
  const own = (entry: CatalogEntry) => (language !== undefined && entry.language === language ? 0 : 1);
  const ordered = [...catalog].sort((a, b) => own(a) - own(b));
  const scenarios = ordered.map((entry) => titleItem(entry, t));
  return {
    appName: t('common.appName'),
    tagline: t('common.tagline'),
    playLabel: t('title.play'),
    settingsLabel: t('title.settings'),
    canPlay: scenarios.some((s) => s.playable),
    scenariosHeading: t('title.scenariosHeading'),
    countText: catalog.length === 0 ? t('title.noScenarios') : t('title.scenarioCount', { count: catalog.length }),
    scenarios,
    keysHint: t('common.keysHint'),
  };
}

function titleItem(entry: CatalogEntry, t: Translate): TitleScenarioItem {
  const meta = t('title.scenarioLine', {
    language: languageLabel(t, entry.language),
    difficulty: difficultyLabel(t, entry.difficulty),
  });
  return {
    file: entry.file,
    title: entry.title,
    meta,
    playable: entry.playable,
    problem: entry.playable ? null : t('common.hasErrors', { count: entry.errorCount }),
    details: entry.playable ? [] : entry.firstDiagnostics,
  };
}
