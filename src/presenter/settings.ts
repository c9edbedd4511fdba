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

/** What the learning-records status line is built from (mirrors the sender's status; the core must not import the shell). */
export interface RecordsStatusInput {
  config: { kind: 'off' } | { kind: 'incomplete'; missing: string } | { kind: 'ready' };
  waiting: number;
  sending: boolean;
  lastError: { message: string; at: string } | null;
  /** Epoch ms of the next automatic try, or null. */
  nextRetryAt: number | null;
  lastDeliveredAt: string | null;
}

/**
 * The one-line state of the xAPI queue for the Settings screen, e.g.
 * "3 statements waiting, last error: HTTP 503 (Service Unavailable) at 10:42, next try at 10:43."
 * `time` formats a moment as the player's clock shows it.
 */
export function recordsStatusLine(input: RecordsStatusInput, t: Translate, time: (date: Date) => string): string {
  const { config } = input;
  const waiting = input.waiting > 0 ? `${t('records.statusWaiting', { count: input.waiting })}. ` : '';
  if (config.kind === 'off') return `${waiting}${t('records.statusOff')}`;
  if (config.kind === 'incomplete') return `${waiting}${t(config.missing === 'actor' ? 'records.statusNeedsActor' : 'records.statusNeedsFix')}`;
  if (input.waiting === 0 && !input.sending && !input.lastError) {
    const delivered = input.lastDeliveredAt ? ` (${t('records.statusDelivered', { time: time(new Date(input.lastDeliveredAt)) })})` : '';
    return `${t('records.statusIdle')}${delivered}.`;
  }
  const parts = [t('records.statusWaiting', { count: input.waiting })];
  if (input.sending) parts.push(t('records.statusSending'));
  if (input.lastError) parts.push(t('records.statusLastError', { error: input.lastError.message, time: time(new Date(input.lastError.at)) }));
  if (input.nextRetryAt !== null && !input.sending) parts.push(t('records.statusNextTry', { time: time(new Date(input.nextRetryAt)) }));
  return `${parts.join(', ')}.`;
}
