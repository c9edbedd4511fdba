/**
 * View-model of the Briefing screen: who the customer is, what they need and expect (the
 * scenario's pre-brief), the learning goals, and the facilitator note when facilitator mode is on.
 * Scenario text stays in the scenario's own language; the headings follow the player's.
 */
import type { CatalogEntry } from '../build/catalogEntry.ts';
import type { Translate } from '../i18n/index.ts';
import type { Language } from '../scenario/vocabulary.ts';
import { capitalize } from './select.ts';
import { difficultyLabel, languageLabel, minutesLabel } from './labels.ts';

export interface BriefingSection {
  heading: string;
  text: string;
}

export interface BriefingView {
  heading: string;
  title: string;
  /** Language of the scenario's own text (for `lang` attributes). */
  contentLanguage: Language | null;
  summary: string;
  /** The longer story (`brief.background`), shown under the summary; null when the file has none. */
  background: BriefingSection | null;
  customerHeading: string;
  customerName: string;
  /** "Course step 3 · Shop · English · Moderate · 5–8 minutes". */
  facts: string;
  sections: BriefingSection[];
  /** Shown when the scenario has no pre-brief. */
  noBrief: string | null;
  goalsHeading: string;
  goals: string[];
  facilitator: BriefingSection | null;
  startLabel: string;
  startHint: string;
  backLabel: string;
  playable: boolean;
}

/** Build the Briefing view-model; `facilitatorMode` decides whether the trainer note shows. */
export function presentBriefing(entry: CatalogEntry, facilitatorMode: boolean, t: Translate): BriefingView {
  const facts = [
    entry.order !== null ? t('briefing.courseStep', { order: entry.order }) : null,
    entry.setting ? t(`common.setting_${entry.setting}`) : null,
    capitalize(languageLabel(t, entry.language)),
    difficultyLabel(t, entry.difficulty),
    minutesLabel(t, entry.minutes, entry.minutesMax),
  ].filter((f): f is string => Boolean(f));
  const brief = entry.brief;
  const sections: BriefingSection[] = brief
    ? [
        { heading: t('briefing.who'), text: brief.who },
        { heading: t('briefing.needs'), text: brief.needs },
        { heading: t('briefing.expects'), text: brief.expects },
      ].filter((s) => s.text.trim() !== '')
    : [];
  const background = brief?.background?.trim() ?? '';
  return {
    heading: t('briefing.heading'),
    title: entry.title,
    contentLanguage: entry.language,
    summary: entry.summary,
    background: background ? { heading: t('briefing.background'), text: background } : null,
    customerHeading: t('briefing.customer'),
    customerName: entry.customerName ?? '',
    facts: facts.join(' · '),
    sections,
    noBrief: sections.length === 0 ? t('briefing.noBrief') : null,
    goalsHeading: t('briefing.goals'),
    goals: [...entry.goals],
    facilitator:
      facilitatorMode && entry.facilitator ? { heading: t('briefing.facilitator'), text: entry.facilitator } : null,
    startLabel: t('briefing.start'),
    startHint: t('briefing.startHint'),
    backLabel: t('briefing.back'),
    playable: entry.playable,
  };
}
