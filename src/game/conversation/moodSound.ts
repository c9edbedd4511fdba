/**
 * Which sound a customer makes when their mood moves: a huff when they boil up, a sigh when
 * they get uneasy, a relieved breath when they calm down, the door when they walk out.
 */
import type { EmotionSound } from '../../audio/port.ts';
import type { Transcript } from '../../conversation/transcript.ts';
import { endingOf } from '../../conversation/transcript.ts';

/** Mood steps smaller than this pass without a sound. */
export const MOOD_SOUND_STEP = 8;

/** The sound for a mood change from `before` to `after`; `ended` is the transcript once the call ended. */
export function moodSound(before: number, after: number, ended: Transcript | null): EmotionSound | null {
  if (ended && endingOf(ended)?.outcome === 'walked-out') return 'door';
  const delta = after - before;
  if (delta >= MOOD_SOUND_STEP) return after >= 60 ? 'huff' : 'sigh';
  if (delta <= -MOOD_SOUND_STEP) return 'relieved';
  return null;
}
