/**
 * The customer's voice: the scenario's recording when there is one, else (if the player asked
 * for it) the browser's speech voice, else nothing: the captions always carry the line.
 */
import type { AudioPort } from '../../audio/port.ts';
import { createSpeech, type Speech } from '../../audio/speech.ts';
import type { CustomerLine } from '../../scenario/model.ts';
import type { Language } from '../../scenario/vocabulary.ts';
import type { Settings } from '../../storage/index.ts';

export class CustomerVoice {
  private speech: Speech | null = null;

  constructor(
    private readonly audio: () => AudioPort,
    private readonly language: Language,
    private readonly settings: () => Settings,
  ) {}

  /** Length of the line's recording when it is loaded, so the driver times the line by it. */
  durationMs(line: CustomerLine): number | undefined {
    return line.voice ? this.audio().voiceDurationMs(line.voice) : undefined;
  }

  /** Say a line (stopping any line in progress). */
  say(line: CustomerLine): void {
    this.stop();
    if (line.voice && this.audio().voice(line.voice)) return;
    const settings = this.settings();
    if (!settings.speechSynthesis || settings.muted) return;
    this.speech ??= createSpeech();
    this.speech.speak(line.text, { language: this.language, readingSpeed: settings.readingSpeed, volume: settings.volume.voice });
  }

  /** Stop talking now (interrupted, paused, scene left). */
  stop(): void {
    this.audio().stopVoice();
    this.speech?.cancel();
  }
}
