import { describe, expect, it } from 'vitest';
import { createI18n, detectLanguage, messageKeys, rawMessage } from '../../src/i18n/index.ts';

describe('i18n dictionaries', () => {
  it('Finnish and English have exactly the same keys', () => {
    expect(messageKeys('fi')).toEqual(messageKeys('en'));
  });

  it('every message is non-empty and plural tables have the same categories in both languages', () => {
    for (const key of messageKeys('en')) {
      for (const language of ['en', 'fi'] as const) {
        const message = rawMessage(language, key);
        if (typeof message === 'string') expect(message.trim(), `${language} ${key}`).not.toBe('');
        else expect(message?.other.trim(), `${language} ${key}`).not.toBe('');
      }
      const en = rawMessage('en', key);
      const fi = rawMessage('fi', key);
      expect(typeof en, key).toBe(typeof fi);
    }
  });

  it('Finnish uses only placeholders the English message is given (a translation may leave one out)', () => {
    const placeholders = (language: 'en' | 'fi', key: string) => {
      const m = rawMessage(language, key);
      const text = typeof m === 'string' ? m : Object.values(m ?? {}).join(' ');
      return [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();
    };
    for (const key of messageKeys('en')) {
      const en = placeholders('en', key);
      for (const p of placeholders('fi', key)) expect(en, `${key} ${p}`).toContain(p);
    }
  });
});

describe('createI18n', () => {
  it('interpolates parameters and formats numbers for the language', () => {
    expect(createI18n('en').t('select.bestScore', { score: 87 })).toBe('Best score 87 / 100');
    expect(createI18n('fi').t('select.bestScore', { score: 87 })).toBe('Paras tulos 87/100');
  });

  it('chooses plural forms by count', () => {
    const en = createI18n('en').t;
    const fi = createI18n('fi').t;
    expect(en('select.attempts', { count: 1 })).toBe('1 attempt');
    expect(en('select.attempts', { count: 4 })).toBe('4 attempts');
    expect(fi('select.attempts', { count: 1 })).toBe('1 yritys');
    expect(fi('select.attempts', { count: 4 })).toBe('4 yritystä');
    expect(en('title.scenarioCount', { count: 0 })).toBe('No scenarios found.');
  });

  it('leaves a missing parameter visible instead of inventing one', () => {
    expect(createI18n('en').t('select.bestScore')).toBe('Best score {score} / 100');
  });

  it('falls back to the key for an unknown key', () => {
    const t = createI18n('en').t as (key: string) => string;
    expect(t('nowhere.missing')).toBe('nowhere.missing');
  });

  it('names languages in the UI language', () => {
    expect(createI18n('en').languageName('fi')).toBe('Finnish');
    expect(createI18n('fi').languageName('en')).toBe('englanti');
  });
});

describe('detectLanguage', () => {
  it('takes the first supported browser language', () => {
    expect(detectLanguage(['fi-FI', 'en-US'])).toBe('fi');
    expect(detectLanguage(['sv-SE', 'en-GB'])).toBe('en');
    expect(detectLanguage(['de'])).toBe('en');
    expect(detectLanguage([])).toBe('en');
  });
});
