import { describe, expect, it } from 'vitest';
import { charsPerSecond, defaultSettings, settingsSchema } from '../../src/storage/settings.ts';

describe('defaultSettings', () => {
  it('picks Finnish for any fi browser language and English otherwise', () => {
    expect(defaultSettings({ navigatorLanguage: 'fi' }).language).toBe('fi');
    expect(defaultSettings({ navigatorLanguage: 'fi-FI' }).language).toBe('fi');
    expect(defaultSettings({ navigatorLanguage: 'FI_fi' }).language).toBe('fi');
    expect(defaultSettings({ navigatorLanguage: 'sv-FI' }).language).toBe('en');
    expect(defaultSettings({ navigatorLanguage: 'fil-PH' }).language).toBe('en');
    expect(defaultSettings({}).language).toBe('en');
  });

  it('follows the system reduced-motion preference', () => {
    expect(defaultSettings({ prefersReducedMotion: true }).reducedMotion).toBe(true);
    expect(defaultSettings().reducedMotion).toBe(false);
  });

  it('is valid against its own schema, with ambience quieter than voice', () => {
    const s = defaultSettings();
    expect(settingsSchema.parse(s)).toEqual(s);
    expect(s.volume.ambience).toBeLessThan(s.volume.voice);
    expect(s.speechSynthesis).toBe(false);
    expect(s.facilitatorMode).toBe(false);
  });
});

describe('charsPerSecond', () => {
  it('is slower for slow and faster for fast', () => {
    const slow = charsPerSecond({ readingSpeed: 'slow' });
    const normal = charsPerSecond({ readingSpeed: 'normal' });
    const fast = charsPerSecond({ readingSpeed: 'fast' });
    expect(slow).toBeLessThan(normal);
    expect(normal).toBeLessThan(fast);
  });
});

describe('settingsSchema', () => {
  it('rejects text scales and volumes outside the offered range', () => {
    expect(settingsSchema.safeParse({ ...defaultSettings(), textScale: 2 }).success).toBe(false);
    expect(settingsSchema.safeParse({ ...defaultSettings(), volume: { voice: 1.5, ambience: 0, ui: 0 } }).success).toBe(false);
  });
});
