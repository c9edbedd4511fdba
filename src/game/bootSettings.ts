/**
 * The settings the first screen needs (language, text size, motion), read leniently from
 * localStorage without the storage module, so the title does not wait for its validator.
 * The full store (zod-validated, with migrations) loads right after and takes over.
 */
import { detectLanguage } from '../i18n/index.ts';
import { defaultRecordsSettings } from '../storage/recordsDefaults.ts';
import type { Settings } from '../storage/settings.ts';

/** Same key as `SETTINGS_KEY` in `src/storage/store.ts`. */
const KEY = 'calm-desk/settings';

/** First-run defaults from the browser, then whatever valid fields the saved settings have. */
export function bootSettings(): Settings {
  const defaults: Settings = {
    language: detectLanguage(typeof navigator === 'undefined' ? [] : [navigator.language]),
    textScale: 1,
    readingSpeed: 'normal',
    volume: { voice: 0.9, ambience: 0.5, ui: 0.6 },
    muted: false,
    reducedMotion: prefersReducedMotion(),
    speechSynthesis: false,
    facilitatorMode: false,
    records: defaultRecordsSettings(),
  };
  const saved = readSaved();
  return {
    ...defaults,
    language: saved.language === 'fi' || saved.language === 'en' ? saved.language : defaults.language,
    textScale: saved.textScale === 1.25 || saved.textScale === 1.5 ? saved.textScale : defaults.textScale,
    reducedMotion: typeof saved.reducedMotion === 'boolean' ? saved.reducedMotion : defaults.reducedMotion,
  };
}

function readSaved(): Record<string, unknown> {
  try {
    const doc = JSON.parse(localStorage.getItem(KEY) ?? 'null') as { settings?: unknown } | null;
    return doc && typeof doc.settings === 'object' && doc.settings !== null ? (doc.settings as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function prefersReducedMotion(): boolean {
  try {
    return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  } catch {
    return false;
  }
}
