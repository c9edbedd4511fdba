/**
 * Which sound files exist and which a scenario needs. Files live in `assets/audio/` (made by
 * `assets/audio/make-sounds.sh`) and `assets/voices/` (recorded lines a scenario names).
 * Vite turns each into a URL at build time; nothing is downloaded until a sound is loaded.
 */
import type { SettingId } from '../scenario/vocabulary.ts';
import type { EmotionSound, UiSound } from './port.ts';

export type Channel = 'voice' | 'ambience' | 'ui';

export interface SoundSpec {
  /** File name without extension in `assets/audio/`. */
  name: string;
  channel: Channel;
  /** Extra gain on top of the channel volume (files are already levelled by the script). */
  gain: number;
  loop: boolean;
}

/** Preferred first: Ogg Vorbis (small, loops without a gap), then MP3 for browsers without Ogg. */
export const FORMATS = ['ogg', 'mp3'] as const;

const audioUrls = import.meta.glob<string>('../../assets/audio/*.{ogg,mp3}', {
  query: '?url',
  import: 'default',
  eager: true,
});
const voiceUrls = import.meta.glob<string>('../../assets/voices/**/*.{ogg,mp3}', {
  query: '?url',
  import: 'default',
  eager: true,
});

const spec = (name: string, channel: Channel, loop = false, gain = 1): SoundSpec => ({ name, channel, gain, loop });

export const AMBIENCE: Readonly<Record<SettingId, SoundSpec>> = {
  shop: spec('ambience-shop', 'ambience', true),
  phone: spec('ambience-phone', 'ambience', true),
  airport: spec('ambience-airport', 'ambience', true),
  restaurant: spec('ambience-restaurant', 'ambience', true),
  office: spec('ambience-office', 'ambience', true),
  chat: spec('ambience-chat', 'ambience', true),
  pharmacy: spec('ambience-pharmacy', 'ambience', true),
  hotel: spec('ambience-hotel', 'ambience', true),
  bank: spec('ambience-bank', 'ambience', true),
  clinic: spec('ambience-clinic', 'ambience', true),
  'car-service': spec('ambience-car-service', 'ambience', true),
  transit: spec('ambience-transit', 'ambience', true),
  checkout: spec('ambience-checkout', 'ambience', true),
};

export const UI: Readonly<Record<UiSound, SoundSpec>> = {
  move: spec('ui-move', 'ui'),
  select: spec('ui-select', 'ui'),
  back: spec('ui-back', 'ui'),
  pause: spec('ui-pause', 'ui'),
  resume: spec('ui-resume', 'ui'),
};

const EMOTION: Readonly<Record<EmotionSound, SoundSpec>> = {
  sigh: spec('emotion-sigh', 'voice'),
  'phone-ring': spec('emotion-phone-ring', 'voice'),
  huff: spec('emotion-huff', 'voice'),
  relieved: spec('emotion-relieved', 'voice'),
  door: spec('emotion-door', 'voice'),
};

/** Where a setting has its own take on a sound (a shop door rings its bell; a caller's breath comes through a handset). */
const EMOTION_BY_SETTING: Partial<Record<SettingId, Partial<Record<EmotionSound, SoundSpec>>>> = {
  shop: { door: spec('emotion-door-bell', 'voice') },
  phone: {
    sigh: spec('emotion-sigh-phone', 'voice'),
    huff: spec('emotion-huff-phone', 'voice'),
    relieved: spec('emotion-relieved-phone', 'voice'),
  },
};

/** The emotion sound to use for `name` in `setting`. */
export function emotionSound(setting: SettingId | null, name: EmotionSound): SoundSpec {
  return (setting && EMOTION_BY_SETTING[setting]?.[name]) || EMOTION[name];
}

/** Everything a scenario in `setting` needs besides its voices: its ambience and its emotion sounds. */
export function scenarioSounds(setting: SettingId): SoundSpec[] {
  const emotions = (Object.keys(EMOTION) as EmotionSound[]).map((n) => emotionSound(setting, n));
  return [AMBIENCE[setting], ...emotions];
}

/** URLs of a generated sound, best format first; empty when the files are missing. */
export function soundUrls(name: string): string[] {
  return FORMATS.map((ext) => audioUrls[`../../assets/audio/${name}.${ext}`]).filter((u): u is string => !!u);
}

/**
 * URLs of a scenario's voice file (path relative to `assets/voices/`, as the scenario writes it),
 * including the same recording in the other format when present; empty when not bundled.
 */
export function voiceFileUrls(file: string): string[] {
  const base = file.replace(/^\/+/, '').replace(/\.(ogg|mp3)$/i, '');
  const exact = voiceUrls[`../../assets/voices/${file.replace(/^\/+/, '')}`];
  const all = FORMATS.map((ext) => voiceUrls[`../../assets/voices/${base}.${ext}`]).filter((u): u is string => !!u);
  return exact ? [exact, ...all.filter((u) => u !== exact)] : all;
}

/** Formats in the same order as `urls`, for Howler (data: URLs carry no extension). */
export function formatsOf(urls: readonly string[]): string[] {
  return urls.map((u) => (/\.mp3(\?|$)|^data:audio\/mpeg/i.test(u) ? 'mp3' : 'ogg'));
}
