/**
 * Tiny i18n for the game's own words (scenario content is already in the scenario's language).
 *
 * Dictionaries are split by area (`locales/<lang>/<area>.ts`); keys are `area.key`, e.g.
 * `t('title.play')`. A message is a string with `{name}` placeholders, or a plural table chosen
 * by `params.count` through `Intl.PluralRules`:
 *
 * ```ts
 * const { t } = createI18n('fi');
 * t('select.attempts', { count: 3 }); // "3 yritystä"
 * ```
 *
 * Adding an area is one line per language in `locales/<lang>/index.ts`.
 */
import type { Language } from '../scenario/vocabulary.ts';
import * as en from './locales/en/index.ts';
import * as fi from './locales/fi/index.ts';

/** A plural table: `other` is required, the rest follow `Intl.PluralRules` categories. */
export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Message = string | PluralMessage;
export type Params = Record<string, string | number>;

type English = typeof en;
/** Every key the game can ask for, e.g. `'title.play'`. */
export type MessageKey = {
  [A in keyof English]: `${A & string}.${keyof English[A] & string}`;
}[keyof English];

/** Translate a key; missing params stay visible as `{name}` so mistakes show in review. */
export type Translate = (key: MessageKey, params?: Params) => string;

export interface I18n {
  language: Language;
  t: Translate;
  /** Language name in the UI language, e.g. `languageName('fi')` → "Finnish" in English. */
  languageName(language: Language): string;
}

type Dictionary = Record<string, Record<string, Message>>;
const DICTIONARIES: Record<Language, Dictionary> = { en, fi };

/** Create a translator for `language`; unknown keys fall back to English, then to the key. */
export function createI18n(language: Language): I18n {
  const plural = new Intl.PluralRules(language);
  const t: Translate = (key, params = {}) => {
    const message = lookup(DICTIONARIES[language], key) ?? lookup(DICTIONARIES.en, key);
    if (message === undefined) return key;
    return interpolate(choose(message, params, plural), params, language);
  };
  const languageName = (code: Language): string => t(`common.language_${code}` as MessageKey);
  return { language, t, languageName };
}

/** All keys of a language's dictionaries, sorted (used by the completeness test). */
export function messageKeys(language: Language): string[] {
  const dictionary = DICTIONARIES[language];
  return Object.keys(dictionary)
    .flatMap((area) => Object.keys(dictionary[area] ?? {}).map((key) => `${area}.${key}`))
    .sort();
}

/** The raw message for a key, for tests and tools. */
export function rawMessage(language: Language, key: string): Message | undefined {
  return lookup(DICTIONARIES[language], key);
}

function lookup(dictionary: Dictionary, key: string): Message | undefined {
  const dot = key.indexOf('.');
  if (dot < 0) return undefined;
  return dictionary[key.slice(0, dot)]?.[key.slice(dot + 1)];
}

function choose(message: Message, params: Params, plural: Intl.PluralRules): string {
  if (typeof message === 'string') return message;
  const count = params.count;
  if (typeof count !== 'number') return message.other;
  if (count === 0 && message.zero !== undefined) return message.zero;
  return message[plural.select(count)] ?? message.other;
}

function interpolate(text: string, params: Params, language: Language): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? value.toLocaleString(language === 'fi' ? 'fi-FI' : 'en-GB') : value;
  });
}

/** Pick the UI language from the browser's preferences (`navigator.languages`), default English. */
export function detectLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (base === 'fi' || base === 'en') return base;
  }
  return 'en';
}
