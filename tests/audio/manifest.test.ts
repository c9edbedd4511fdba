import { readdirSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AMBIENCE, UI, emotionSound, formatsOf, scenarioSounds, soundUrls, voiceFileUrls } from '../../src/audio/manifest.ts';
import { EMOTION_SOUNDS, UI_SOUNDS } from '../../src/audio/port.ts';
import { SETTINGS } from '../../src/scenario/vocabulary.ts';

const dir = new URL('../../assets/audio/', import.meta.url);

describe('sound manifest', () => {
  it('has an ambience loop for every setting and a file pair (ogg, mp3) for every sound it names', () => {
    const names = new Set<string>();
    for (const setting of SETTINGS) {
      expect(AMBIENCE[setting].loop).toBe(true);
      for (const s of scenarioSounds(setting)) names.add(s.name);
    }
    for (const ui of UI_SOUNDS) names.add(UI[ui].name);
    for (const name of names) {
      const urls = soundUrls(name);
      expect(urls, name).toHaveLength(2);
      expect(formatsOf(urls)).toEqual(['ogg', 'mp3']);
    }
  });

  it('gives each setting only its own ambience, plus every emotion sound', () => {
    const sounds = scenarioSounds('restaurant');
    expect(sounds.filter((s) => s.channel === 'ambience').map((s) => s.name)).toEqual(['ambience-restaurant']);
    expect(sounds.filter((s) => s.channel === 'voice')).toHaveLength(EMOTION_SOUNDS.length);
  });

  it('lets a setting flavour a sound: the shop door has a bell', () => {
    expect(emotionSound('shop', 'door').name).toBe('emotion-door-bell');
    expect(emotionSound('office', 'door').name).toBe('emotion-door');
    expect(emotionSound(null, 'sigh').name).toBe('emotion-sigh');
    expect(emotionSound('phone', 'sigh').name).toBe('emotion-sigh-phone');
    expect(emotionSound('phone', 'door').name).toBe('emotion-door');
  });

  it('finds no URL for a voice file that is not bundled', () => {
    expect(voiceFileUrls('nobody/line-1.ogg')).toEqual([]);
  });

  it('keeps every file the manifest uses, and nothing it does not, within the size budget', () => {
    const files = readdirSync(dir).filter((f) => /\.(ogg|mp3)$/.test(f));
    const used = new Set(
      [...SETTINGS.flatMap((s) => scenarioSounds(s)), ...UI_SOUNDS.map((u) => UI[u])].flatMap((s) => [`${s.name}.ogg`, `${s.name}.mp3`]),
    );
    expect(new Set(files)).toEqual(used);
    const total = files.reduce((sum, f) => sum + statSync(new URL(f, dir)).size, 0);
    expect(total).toBeLessThan(1.5 * 1024 * 1024);
    // A scenario downloads one format of its ambience and emotion sounds: keep that small.
    const perScenario = scenarioSounds('airport').reduce((sum, s) => sum + statSync(new URL(`${s.name}.ogg`, dir)).size, 0);
    expect(perScenario).toBeLessThan(100 * 1024);
  });

  it('labels data: URLs (tiny files Vite inlines) by their MIME type', () => {
    expect(formatsOf(['data:audio/mpeg;base64,AAAA', 'data:audio/ogg;base64,AAAA', '/a/b.mp3?v=1'])).toEqual(['mp3', 'ogg', 'mp3']);
  });
});
