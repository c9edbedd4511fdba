/**
 * The sound interface scenes talk to. Scenes depend on this file only; the Howler adapter
 * (`howlerAudio.ts`) and the no-op one (`silentAudio.ts`) implement it. Nothing here ever
 * throws or rejects: sound is a garnish, the captions carry the game.
 */
import type { SettingId } from '../scenario/vocabulary.ts';

/** Short interface sounds. */
export const UI_SOUNDS = ['move', 'select', 'back', 'pause', 'resume'] as const;
export type UiSound = (typeof UI_SOUNDS)[number];

/** Sounds a customer makes besides words. */
export const EMOTION_SOUNDS = ['sigh', 'phone-ring', 'huff', 'relieved', 'door'] as const;
export type EmotionSound = (typeof EMOTION_SOUNDS)[number];

/** Loudness per channel, each 0..1. */
export interface Volumes {
  voice: number;
  ambience: number;
  ui: number;
}

/**
 * - `ok`: sound plays.
 * - `locked`: the browser blocked autoplay; audio resumes on the next click, tap or key press.
 * - `muted`: the player turned sound off.
 * - `unavailable`: no audio in this browser (or audio is switched off): play on silently.
 * Show a small muted icon for anything but `ok`.
 */
export type AudioState = 'ok' | 'locked' | 'muted' | 'unavailable';

export interface AudioPort {
  /** Try to start audio now (call from a user gesture, e.g. the first key press on the title). */
  unlock(): void;
  /** Set the three channel volumes (0..1, clamped). Applies to sounds already playing. */
  setVolumes(volumes: Volumes): void;
  /** Mute or unmute everything; state becomes `muted` while muted. */
  setMuted(muted: boolean): void;
  /**
   * Load what one scenario needs: the setting's ambience loop, the emotion sounds and the
   * scenario's voice files (paths relative to `assets/voices/`). Resolves when everything has
   * loaded or failed; never rejects. Call before `ambience()` for that setting; sounds not yet
   * loaded are simply skipped.
   */
  loadForScenario(setting: SettingId, voiceFiles: readonly string[]): Promise<void>;
  /** Fade in the setting's ambience loop (fading out any other); `null` fades it out. */
  ambience(setting: SettingId | null): void;
  /** Play a UI sound. */
  ui(name: UiSound): void;
  /** Play an emotion sound (loaded by `loadForScenario`). */
  emotion(name: EmotionSound): void;
  /**
   * Play a customer's recorded line (stopping any line already playing).
   * Returns its length, or null when it cannot play (not provided, not loaded, failed, muted,
   * locked): then the caller times the line from its text.
   */
  voice(file: string): { durationMs: number } | null;
  /** Length of a loaded voice file, undefined when unknown (not loaded or failed). */
  voiceDurationMs(file: string): number | undefined;
  /** Stop the customer's line now (interrupted, paused, scene left). */
  stopVoice(): void;
  /** Current state, for the muted icon. */
  state(): AudioState;
  /** Call `listener` whenever `state()` changes; returns a function that unsubscribes. */
  onStateChange(listener: (state: AudioState) => void): () => void;
  /** Stop everything, unload sounds, remove listeners. The port is unusable afterwards. */
  dispose(): void;
}
