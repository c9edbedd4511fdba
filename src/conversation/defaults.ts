/**
 * Default customer reactions in each scenario language, used when neither the node nor the
 * scenario gives its own line.
 */
import type { CustomerLine } from '../scenario/model.ts';
import type { Language } from '../scenario/vocabulary.ts';

const INTERRUPTED: Record<Language, CustomerLine> = {
  en: { text: 'Excuse me, I had not finished.', expression: 'annoyed' },
  fi: { text: 'Anteeksi, mutta en ollut vielä lopettanut.', expression: 'annoyed' },
};

/** The customer's default reaction to being interrupted, in the given language. */
export function defaultInterruptedLine(language: Language): CustomerLine {
  return INTERRUPTED[language] ?? INTERRUPTED.en;
}

const WALKS_OUT: Record<Language, CustomerLine> = {
  en: { text: 'No. I have had enough of this. I am going somewhere else.', expression: 'furious' },
  fi: { text: 'Ei. Nyt riittää. Menen muualle asioimaan.', expression: 'furious' },
};

/** The customer's default parting words when they walk out, in the given language. */
export function defaultWalksOutLine(language: Language): CustomerLine {
  return WALKS_OUT[language] ?? WALKS_OUT.en;
}
