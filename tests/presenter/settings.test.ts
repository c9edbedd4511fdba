import { describe, expect, it } from 'vitest';
import { createI18n } from '../../src/i18n/index.ts';
import { presentSettings, textScaleFrom, type SettingsValues } from '../../src/presenter/settings.ts';

const values: SettingsValues = {
  language: 'fi',
  textScale: 1.25,
  readingSpeed: 'slow',
  volume: { voice: 0.9, ambience: 0.456, ui: 0 },
  muted: true,
  reducedMotion: false,
  speechSynthesis: false,
  facilitatorMode: true,
};
const native = (l: 'en' | 'fi') => (l === 'fi' ? 'Suomi' : 'English');

describe('presentSettings', () => {
  it('shows the current values', () => {
    const view = presentSettings(values, createI18n('en').t, native);
    expect(view.language.selected).toBe('fi');
    expect(view.language.choices).toEqual([
      { value: 'en', label: 'English' },
      { value: 'fi', label: 'Suomi' },
    ]);
    expect(view.textSize.selected).toBe('1.25');
    expect(view.readingSpeed.selected).toBe('slow');
    expect(view.volumes.map((v) => [v.channel, v.value, v.valueText])).toEqual([
      ['voice', 90, '90 %'],
      ['ambience', 46, '46 %'],
      ['ui', 0, '0 %'],
    ]);
    expect(view.sound.find((s) => s.key === 'muted')?.checked).toBe(true);
    expect(view.facilitator.checked).toBe(true);
    expect(view.reducedMotion.checked).toBe(false);
  });

  it('labels everything in the UI language', () => {
    const view = presentSettings(values, createI18n('fi').t, native);
    expect(view.heading).toBe('Asetukset');
    expect(view.readingSpeed.choices.map((c) => c.label)).toEqual(['Hidas', 'Normaali', 'Nopea']);
  });

  it('parses text-size choices back to stored numbers', () => {
    expect(['1', '1.25', '1.5', 'junk'].map(textScaleFrom)).toEqual([1, 1.25, 1.5, 1]);
  });
});
