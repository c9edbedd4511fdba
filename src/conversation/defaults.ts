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
