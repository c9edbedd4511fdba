import { describe, expect, it } from 'vitest';
import { SPEECH_RATE, createSpeech, type SpeechApi } from '../../src/audio/speech.ts';

class Utterance {
  voice: SpeechSynthesisVoice | null = null;
  lang = '';
  rate = 1;
  volume = 1;
  onend: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly text: string) {}
}

function fakeApi(langs: string[]) {
  const spoken: Utterance[] = [];
  let cancels = 0;
  const voices = langs.map((lang, i) => ({ lang, name: `v${i}`, localService: i > 0, default: false, voiceURI: `v${i}` }));
  const api = {
    synth: {
      getVoices: () => voices as unknown as SpeechSynthesisVoice[],
      speak: (u: SpeechSynthesisUtterance) => void spoken.push(u as unknown as Utterance),
      cancel: () => void cancels++,
    },
    Utterance: Utterance as unknown as SpeechApi['Utterance'],
  };
  return { api, spoken, cancels: () => cancels };
}

describe('speech voice', () => {
  it('speaks in a voice of the scenario language at the reading-speed rate, preferring a local voice', () => {
    const { api, spoken } = fakeApi(['en-US', 'fi-FI', 'fi_FI']);
    const speech = createSpeech(api);
    expect(speech.speak('Missä minun pakettini on?', { language: 'fi', readingSpeed: 'slow', volume: 2 })).toBe(true);
    expect(spoken[0]).toMatchObject({ text: 'Missä minun pakettini on?', lang: 'fi-FI', rate: SPEECH_RATE.slow, volume: 1 });
    expect(spoken[0]!.voice).toMatchObject({ name: 'v1' });
  });

  it('says no rather than reading Finnish with an English voice', () => {
    const { api, spoken } = fakeApi(['en-GB']);
    const speech = createSpeech(api);
    expect(speech.canSpeak('fi')).toBe(false);
    expect(speech.speak('Hei', { language: 'fi', readingSpeed: 'normal', volume: 1 })).toBe(false);
    expect(spoken).toEqual([]);
  });

  it('cancels the line in progress, and reports the end once', () => {
    const { api, spoken, cancels } = fakeApi(['en-GB']);
    const speech = createSpeech(api);
    let ends = 0;
    speech.speak('One.', { language: 'en', readingSpeed: 'fast', volume: 0.5, onEnd: () => ends++ });
    speech.speak('Two.', { language: 'en', readingSpeed: 'fast', volume: 0.5 });
    expect(cancels()).toBe(2);
    spoken[0]!.onend?.();
    spoken[0]!.onerror?.();
    expect(ends).toBe(1);
  });

  it('does nothing where the browser has no speech API', () => {
    const speech = createSpeech(undefined);
    expect(speech.canSpeak('en')).toBe(false);
    expect(speech.speak('Hello', { language: 'en', readingSpeed: 'normal', volume: 1 })).toBe(false);
    speech.cancel();
  });
});
