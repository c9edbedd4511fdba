/**
 * Optional browser speech voice for customer lines that have no recording. Used only when the
 * player turns it on and the browser has a voice for the scenario's language; otherwise the
 * captions carry the line as always.
 */
import type { Language } from '../scenario/vocabulary.ts';
import type { ReadingSpeed } from '../storage/settings.ts';

/** Speaking rate per reading speed (1 is the voice's normal pace). */
export const SPEECH_RATE: Readonly<Record<ReadingSpeed, number>> = { slow: 0.85, normal: 1, fast: 1.2 };

export interface SpeakOptions {
  language: Language;
  readingSpeed: ReadingSpeed;
  /** 0..1, the voice channel volume. */
  volume: number;
  /** Called once when the line finishes or is cancelled. */
  onEnd?: () => void;
}

export interface Speech {
  /** True when the browser can speak `language`. */
  canSpeak(language: Language): boolean;
  /** Speaks `text` (cancelling any line in progress); false when it cannot. */
  speak(text: string, options: SpeakOptions): boolean;
  /** Stops speaking now. */
  cancel(): void;
}

export interface SpeechApi {
  synth: Pick<SpeechSynthesis, 'speak' | 'cancel' | 'getVoices'>;
  Utterance: new (text: string) => SpeechSynthesisUtterance;
}

/** The browser's speech API, or undefined where there is none. */
export function browserSpeechApi(): SpeechApi | undefined {
  if (typeof speechSynthesis === 'undefined' || typeof SpeechSynthesisUtterance === 'undefined') return undefined;
  return { synth: speechSynthesis, Utterance: SpeechSynthesisUtterance };
}

/** Creates the speech voice over `api` (default: the browser's). Without an API nothing is spoken. */
export function createSpeech(api: SpeechApi | undefined = browserSpeechApi()): Speech {
  const voiceFor = (language: Language): SpeechSynthesisVoice | undefined => {
    const voices = api?.synth.getVoices() ?? [];
    const matching = voices.filter((v) => v.lang.toLowerCase().replace('_', '-').split('-')[0] === language);
    return matching.find((v) => v.localService) ?? matching[0];
  };
  return {
    canSpeak: (language) => voiceFor(language) !== undefined,
    speak(text, options) {
      const voice = voiceFor(options.language);
      if (!api || !voice || text.trim() === '') return false;
      api.synth.cancel();
      const u = new api.Utterance(text);
      u.voice = voice;
      u.lang = voice.lang;
      u.rate = SPEECH_RATE[options.readingSpeed];
      u.volume = Math.min(1, Math.max(0, options.volume));
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
        options.onEnd?.();
      };
      u.onend = end;
      u.onerror = end;
      api.synth.speak(u);
      return true;
    },
    cancel: () => api?.synth.cancel(),
  };
}
