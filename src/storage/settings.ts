/**
 * Player settings: what the Settings screen edits and the store persists.
 * `defaultSettings` picks the language and motion from the browser on first run.
 */
import { z } from 'zod';
import { LANGUAGES } from '../scenario/vocabulary.ts';
import { defaultRecordsSettings, type RecordsSettings } from './recordsDefaults.ts';

export { DEFAULT_ACTIVITY_BASE, DEFAULT_PASS_MARK, defaultRecordsSettings } from './recordsDefaults.ts';
export type { RecordsSettings } from './recordsDefaults.ts';

/** Text sizes the Settings screen offers (1 = normal). */
export const TEXT_SCALES = [1, 1.25, 1.5] as const;
export const READING_SPEEDS = ['slow', 'normal', 'fast'] as const;
export type ReadingSpeed = (typeof READING_SPEEDS)[number];

/** How fast the customer "talks" when no recorded voice times the line, in characters per second. */
export const CHARS_PER_SECOND: Readonly<Record<ReadingSpeed, number>> = { slow: 11, normal: 15, fast: 21 };

const unit = z.number().min(0).max(1);

/**
 * Where learning records go (xAPI); see `RecordsSettings`. Empty endpoint: nothing is sent anywhere.
 * The secret stays in this browser's storage; docs/records.md says to use a write-only LRS key.
 */
export const recordsSettingsSchema = z.object({
  endpoint: z.string().max(500),
  username: z.string().max(500),
  secret: z.string().max(500),
  actorName: z.string().max(200),
  actorEmail: z.string().max(320),
  passMark: z.number().int().min(0).max(100),
  activityBase: z.string().max(500),
}) satisfies z.ZodType<RecordsSettings>;

export const settingsSchema = z.object({
  language: z.enum(LANGUAGES),
  textScale: z.union([z.literal(1), z.literal(1.25), z.literal(1.5)]),
  readingSpeed: z.enum(READING_SPEEDS),
  volume: z.object({ voice: unit, ambience: unit, ui: unit }),
  muted: z.boolean(),
  reducedMotion: z.boolean(),
  /** Read customer lines aloud with the browser's speech voice when no recording exists. */
  speechSynthesis: z.boolean(),
  /** Show facilitator notes (for onboarding sessions on a projector). */
  facilitatorMode: z.boolean(),
  /** Learning records (xAPI): the LRS, the learner and the pass mark. */
  records: recordsSettingsSchema,
});

export type Settings = z.infer<typeof settingsSchema>;
export type TextScale = Settings['textScale'];

/** What the browser tells us on first run. */
export interface SettingsEnv {
  /** `navigator.language`, e.g. `fi-FI`. */
  navigatorLanguage?: string;
  /** `matchMedia('(prefers-reduced-motion: reduce)').matches`. */
  prefersReducedMotion?: boolean;
}

/**
 * First-run settings: Finnish when the browser language starts with `fi`, else English;
 * reduced motion when the system asks for it.
 * @example defaultSettings({ navigatorLanguage: 'fi-FI' }).language // 'fi'
 */
export function defaultSettings(env: SettingsEnv = {}): Settings {
  const lang = (env.navigatorLanguage ?? '').trim().toLowerCase();
  return {
    language: /^fi($|[-_])/.test(lang) ? 'fi' : 'en',
    textScale: 1,
    readingSpeed: 'normal',
    volume: { voice: 0.9, ambience: 0.5, ui: 0.6 },
    muted: false,
    reducedMotion: env.prefersReducedMotion === true,
    speechSynthesis: false,
    facilitatorMode: false,
    records: defaultRecordsSettings(),
  };
}

/** Characters per second the customer speaks at for these settings. */
export function charsPerSecond(settings: Pick<Settings, 'readingSpeed'>): number {
  return CHARS_PER_SECOND[settings.readingSpeed];
}

/** Reads the browser's environment for `defaultSettings` (safe where `navigator`/`matchMedia` are missing). */
export function browserSettingsEnv(): SettingsEnv {
  const nav = typeof navigator === 'undefined' ? undefined : navigator;
  let prefersReducedMotion: boolean;
  try {
    prefersReducedMotion =
      typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  } catch {
    prefersReducedMotion = false;
  }
  return { navigatorLanguage: nav?.language, prefersReducedMotion };
}
