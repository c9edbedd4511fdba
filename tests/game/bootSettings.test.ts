import { afterEach, describe, expect, it, vi } from 'vitest';
import { bootSettings } from '../../src/game/bootSettings.ts';

function stubBrowser(saved: string | null, language = 'en-GB', reduced = false) {
  vi.stubGlobal('localStorage', { getItem: () => saved });
  vi.stubGlobal('navigator', { language });
  vi.stubGlobal('matchMedia', () => ({ matches: reduced }));
}

describe('bootSettings', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('takes the first-run language and motion from the browser', () => {
    stubBrowser(null, 'fi-FI', true);
    expect(bootSettings()).toMatchObject({ language: 'fi', textScale: 1, reducedMotion: true });
  });

  it('reads language, text size and motion from saved settings', () => {
    const doc = { format: 'calm-desk/settings', version: 2, settings: { language: 'fi', textScale: 1.5, reducedMotion: false } };
    stubBrowser(JSON.stringify(doc), 'en-US', true);
    expect(bootSettings()).toMatchObject({ language: 'fi', textScale: 1.5, reducedMotion: false });
  });

  it('ignores damaged or odd values (the full store repairs them later)', () => {
    stubBrowser(JSON.stringify({ settings: { language: 'sv', textScale: 9, reducedMotion: 'yes' } }), 'en-US');
    expect(bootSettings()).toMatchObject({ language: 'en', textScale: 1, reducedMotion: false });
    stubBrowser('{not json', 'fi');
    expect(bootSettings().language).toBe('fi');
  });

  it('works where storage throws (private windows)', () => {
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new Error('SecurityError');
      },
    });
    vi.stubGlobal('navigator', { language: 'en' });
    expect(bootSettings().language).toBe('en');
  });
});
