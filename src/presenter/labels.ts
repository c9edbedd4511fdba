/**
 * Small wording helpers shared by the presenters: language names, difficulty and minutes.
 * Each takes the translator, so view-models come out in the player's language.
 */
import type { Translate } from '../i18n/index.ts';
import type { Language } from '../scenario/vocabulary.ts';

/** "English" / "englanti". */
export function languageLabel(t: Translate, language: Language | null): string {
  return language ? t(`common.language_${language}`) : '—';
}

/** "Moderate" for 3; clamps to 1..5. */
export function difficultyLabel(t: Translate, difficulty: number | null): string {
  if (difficulty === null) return '—';
  const level = Math.min(5, Math.max(1, Math.round(difficulty))) as 1 | 2 | 3 | 4 | 5;
  return t(`common.difficulty_${level}`);
}

/**
 * "about 6 minutes", or "5–8 minutes" when the scenario gives a range.
 * @example minutesLabel(t, 5, 8) // '5–8 minutes'
 */
export function minutesLabel(t: Translate, minutes: number | null, minutesMax: number | null = null): string {
  if (minutes === null) return '';
  const low = Math.max(1, Math.round(minutes));
  const high = minutesMax === null ? low : Math.round(minutesMax);
  return high > low ? t('common.minutesRange', { low, high }) : t('common.minutes', { count: low });
}
