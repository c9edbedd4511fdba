/**
 * The engine's defaults for what a scenario file may leave out: the silence rule every decision
 * node falls back to, the reaction to an interruption, and the customer's default lines in each
 * language. The loader fills them into the model; the conversation engine uses the same values.
 */
import type { CustomerLine, DefaultSilenceRule } from './model.ts';
import type { BehaviourTag, Language } from './vocabulary.ts';

/** Seconds of silence after the customer has finished before the default rule applies. */
export const DEFAULT_SILENCE_SECONDS = 12;
/** Mood change of a silence under the default rule. */
export const DEFAULT_SILENCE_MOOD = 10;
/** Tags of a silence under the default rule. */
export const DEFAULT_SILENCE_TAGS: readonly BehaviourTag[] = ['indifference'];
/** The silence on one visit of a node at which the customer walks out. */
export const DEFAULT_WALKS_OUT_AFTER = 2;
/** Extra mood (anger) a customer feels when the trainee answers over them. */
export const DEFAULT_INTERRUPTION_MOOD = 10;
/** The interruption on one visit of a node at which the customer walks out. */
export const INTERRUPTIONS_TO_WALK_OUT = 3;
/** Mood change of the first, patient silence on a venting node without its own rule. */
export const VENTING_SILENCE_MOOD = -5;

const lines = (en: CustomerLine, fi: CustomerLine): Record<Language, CustomerLine> => ({ en, fi });

const SILENCE_PROMPT = lines(
  { text: 'Hello? Are you still with me?', expression: 'annoyed' },
  { text: 'Haloo? Oletko vielä siellä?', expression: 'annoyed' },
);
const VENTING_CALMER = lines(
  { text: '...Well. That\'s how it is.', expression: 'sad' },
  { text: '...No. Niin se vain on.', expression: 'sad' },
);
const INTERRUPTED = lines(
  { text: 'Excuse me, I had not finished.', expression: 'annoyed' },
  { text: 'Anteeksi, mutta en ollut vielä lopettanut.', expression: 'annoyed' },
);
const WALKS_OUT = lines(
  { text: 'No. I have had enough of this. I am going somewhere else.', expression: 'furious' },
  { text: 'Ei. Nyt riittää. Menen muualle asioimaan.', expression: 'furious' },
);

const pick = (table: Record<Language, CustomerLine>, language: Language): CustomerLine => ({ ...(table[language] ?? table.en) });

/** "Hello? Are you still with me?": the default rule's prompt. */
export function defaultSilencePrompt(language: Language): CustomerLine {
  return pick(SILENCE_PROMPT, language);
}
/** "...Well. That's how it is.": the venting customer calming down after a patient silence. */
export function defaultVentingCalmerLine(language: Language): CustomerLine {
  return pick(VENTING_CALMER, language);
}
/** The customer's default reaction to being interrupted. */
export function defaultInterruptedLine(language: Language): CustomerLine {
  return pick(INTERRUPTED, language);
}
/** The customer's default parting words when they walk out. */
export function defaultWalksOutLine(language: Language): CustomerLine {
  return pick(WALKS_OUT, language);
}

/** The engine's default silence rule in a language (used when the scenario sets none). */
export function engineSilenceRule(language: Language): DefaultSilenceRule {
  return {
    after: DEFAULT_SILENCE_SECONDS,
    tags: [...DEFAULT_SILENCE_TAGS],
    mood: DEFAULT_SILENCE_MOOD,
    say: defaultSilencePrompt(language),
    walksOutAfter: DEFAULT_WALKS_OUT_AFTER,
  };
}
