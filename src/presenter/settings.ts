/**
 * View-model of the Settings screen: every option with its label, choices and current value.
 * The scene turns it into native controls; changes go back through `Partial<Settings>` patches.
 */
import type { Translate } from '../i18n/index.ts';
import { LANGUAGES, type Language } from '../scenario/vocabulary.ts';

/** The settings fields this screen edits (mirrors `src/storage/settings.ts`, which the core must not import). */
export interface SettingsValues {
  language: Language;
  textScale: 1 | 1.25 | 1.5;
  readingSpeed: 'slow' | 'normal' | 'fast';
  volume: { voice: number; ambience: number; ui: number };
  muted: boolean;
  reducedMotion: boolean;
  speechSynthesis: boolean;
  facilitatorMode: boolean;
}

export interface ChoiceField<V extends string> {
  legend: string;
  hint?: string;
  choices: Array<{ value: V; label: string }>;
  selected: V;
}

export type VolumeChannel = keyof SettingsValues['volume'];
export type ToggleKey = 'muted' | 'reducedMotion' | 'speechSynthesis' | 'facilitatorMode';

export interface SettingsView {
  heading: string;
  displayHeading: string;
  soundHeading: string;
  trainingHeading: string;
  language: ChoiceField<Language>;
  textSize: ChoiceField<'1' | '1.25' | '1.5'>;
  readingSpeed: ChoiceField<SettingsValues['readingSpeed']>;
  reducedMotion: { key: ToggleKey; label: string; checked: boolean };
  volumes: Array<{ channel: VolumeChannel; label: string; value: number; valueText: string }>;
  sound: Array<{ key: ToggleKey; label: string; checked: boolean }>;
  facilitator: { key: ToggleKey; label: string; hint: string; checked: boolean };
  backLabel: string;
}

const TEXT_SIZES = [
  { value: '1', key: 'settings.textSize_normal' },
  { value: '1.25', key: 'settings.textSize_large' },
  { value: '1.5', key: 'settings.textSize_largest' },
] as const;

/** Build the Settings view-model. Language names are shown in their own language so anyone can find theirs. */
export function presentSettings(values: SettingsValues, t: Translate, nativeName: (l: Language) => string): SettingsView {
  const percent = (v: number) => Math.round(Math.min(1, Math.max(0, v)) * 100);
  return {
    heading: t('settings.heading'),
    displayHeading: t('settings.display'),
    soundHeading: t('settings.sound'),
    trainingHeading: t('settings.training'),
    language: {
      legend: t('settings.language'),
      hint: t('settings.languageHint'),
      choices: LANGUAGES.map((l) => ({ value: l, label: nativeName(l) })),
      selected: values.language,
    },
    textSize: {
      legend: t('settings.textSize'),
      choices: TEXT_SIZES.map((s) => ({ value: s.value, label: t(s.key) })),
      selected: String(values.textScale) as '1' | '1.25' | '1.5',
    },
    readingSpeed: {
      legend: t('settings.readingSpeed'),
      choices: (['slow', 'normal', 'fast'] as const).map((v) => ({ value: v, label: t(`settings.readingSpeed_${v}`) })),
      selected: values.readingSpeed,
    },
    reducedMotion: { key: 'reducedMotion', label: t('settings.reducedMotion'), checked: values.reducedMotion },
    volumes: (['voice', 'ambience', 'ui'] as const).map((channel) => {
      const value = percent(values.volume[channel]);
      const labelKey = ({ voice: 'settings.volumeVoice', ambience: 'settings.volumeAmbience', ui: 'settings.volumeUi' } as const)[channel];
      return { channel, label: t(labelKey), value, valueText: t('settings.percent', { value }) };
    }),
    sound: [
      { key: 'muted', label: t('settings.mute'), checked: values.muted },
      { key: 'speechSynthesis', label: t('settings.speechVoice'), checked: values.speechSynthesis },
    ],
    facilitator: {
      key: 'facilitatorMode',
      label: t('settings.facilitatorMode'),
      hint: t('settings.facilitatorModeHint'),
      checked: values.facilitatorMode,
    },
    backLabel: t('settings.back'),
  };
}

/** Parse a text-size choice back to the stored number. */
export function textScaleFrom(value: string): SettingsValues['textScale'] {
  return value === '1.5' ? 1.5 : value === '1.25' ? 1.25 : 1;
}
