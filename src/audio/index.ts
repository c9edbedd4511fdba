/**
 * Sound for the game shell. `loadAudio()` fetches the Howler adapter only when asked, so the
 * first screen does not carry it, and falls back to silence if it cannot load.
 */
import type { AudioPort } from './port.ts';
import { createSilentAudio } from './silentAudio.ts';

export type { AudioPort, AudioState, EmotionSound, UiSound, Volumes } from './port.ts';
export { UI_SOUNDS, EMOTION_SOUNDS } from './port.ts';
export { createSilentAudio } from './silentAudio.ts';

/**
 * The Howler-backed port, loaded lazily; a silent port when `enabled` is false or the module
 * cannot load (never rejects).
 */
export async function loadAudio(enabled = true): Promise<AudioPort> {
  if (!enabled) return createSilentAudio();
  try {
    const { createHowlerAudio } = await import('./howlerAudio.ts');
    return createHowlerAudio();
  } catch (error) {
    console.warn(`Calm Desk: sound is off (${(error as Error).message}); captions carry the game.`);
    return createSilentAudio();
  }
}
