import { describe, expect, it, vi } from 'vitest';
import { createSilentAudio } from '../../src/audio/silentAudio.ts';
import { loadAudio } from '../../src/audio/index.ts';

describe('silent audio', () => {
  it('plays nothing, says so, and lets callers time lines from text', async () => {
    const audio = createSilentAudio();
    expect(audio.state()).toBe('unavailable');
    await expect(audio.loadForScenario('shop', ['a.ogg'])).resolves.toBeUndefined();
    audio.unlock();
    audio.ambience('shop');
    audio.ui('select');
    audio.emotion('sigh');
    audio.setVolumes({ voice: 1, ambience: 1, ui: 1 });
    expect(audio.voice('a.ogg')).toBeNull();
    expect(audio.voiceDurationMs('a.ogg')).toBeUndefined();
  });

  it('reports muting to listeners until unsubscribed or disposed', () => {
    const audio = createSilentAudio();
    const seen: string[] = [];
    const off = audio.onStateChange((s) => seen.push(s));
    audio.setMuted(true);
    audio.setMuted(true);
    audio.setMuted(false);
    off();
    audio.setMuted(true);
    expect(seen).toEqual(['muted', 'unavailable']);
    audio.dispose();
    audio.setMuted(false);
    expect(audio.state()).toBe('muted');
  });
});

describe('loadAudio', () => {
  it('gives the silent port when sound is switched off', async () => {
    const audio = await loadAudio(false);
    expect(audio.state()).toBe('unavailable');
  });

  it('falls back to the silent port with a warning when the Howler adapter cannot load', async () => {
    vi.resetModules();
    vi.doMock('../../src/audio/howlerAudio.ts', () => {
      throw new Error('chunk failed to load');
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { loadAudio: load } = await import('../../src/audio/index.ts');
    const audio = await load();
    expect(audio.state()).toBe('unavailable');
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/sound is off/);
    warn.mockRestore();
    vi.doUnmock('../../src/audio/howlerAudio.ts');
  });
});
