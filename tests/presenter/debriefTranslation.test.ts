/** The debrief says, in one calm line, when some texts of a translated scenario fell back to the source language. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { playScript } from '../../src/analysis/play.ts';
import { createI18n, type MessageKey } from '../../src/i18n/index.ts';
import { presentDebrief } from '../../src/presenter/debrief.ts';
import { loadTranslated } from '../../src/scenario/translation.ts';
import { scoreConversation } from '../../src/scoring/score.ts';

const dir = new URL('../fixtures/translations/complete/', import.meta.url);
const en = readFileSync(new URL('lamp-refund.en.yaml', dir), 'utf8');
const fi = readFileSync(new URL('lamp-refund.fi.tr.yaml', dir), 'utf8');

function debriefOf(translation: string, language: 'en' | 'fi') {
  const scenario = loadTranslated(en, 'lamp-refund.en.yaml', translation, 'lamp-refund.fi.tr.yaml').scenario!;
  const { transcript } = playScript(scenario, { choices: [1] });
  const { t } = createI18n(language);
  return presentDebrief(scenario, transcript, scoreConversation(scenario, transcript), (key, params) => t(key as MessageKey, params));
}

describe('the debrief of a translated scenario', () => {
  it('says nothing when every text is translated', () => {
    expect(debriefOf(fi, 'fi').translationNote).toBeNull();
  });

  it('says how many texts were shown in the source language', () => {
    const partial = fi.replace('text: Nopeaa ja ystävällistä.', 'text: ""').replace('text: Kiitos, tuo oli helppoa.', 'text: ""');
    expect(debriefOf(partial, 'fi').translationNote).toBe('2 tämän skenaarion tekstiä ei ole vielä käännetty, joten ne näytettiin alkuperäisellä kielellä (englanti).');
    expect(debriefOf(partial, 'en').translationNote).toBe('2 texts in this scenario are not translated yet, so they were shown in English.');
  });
});
