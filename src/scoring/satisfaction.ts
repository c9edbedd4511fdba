/** The customer's own satisfaction rating, 1..5, from the mood curve and the ending. */
import type { EndEntry } from '../conversation/transcript.ts';
import { SATISFACTION } from './weights.ts';

const clampRating = (value: number): number => Math.min(5, Math.max(1, Math.round(value)));

/** 1 + 4 × (1 − m / 100), m = final mood and average mood mixed by `SATISFACTION.finalMoodShare`. */
export function moodRating(moodCurve: readonly number[]): number {
  if (moodCurve.length === 0) return 3;
  const final = moodCurve[moodCurve.length - 1]!;
  const mean = moodCurve.reduce((a, b) => a + b, 0) / moodCurve.length;
  const m = SATISFACTION.finalMoodShare * final + (1 - SATISFACTION.finalMoodShare) * mean;
  return 1 + 4 * (1 - m / 100);
}

/** Walk-out → 1; with an ending rating s: round(0.6 s + 0.4 mood rating); else the mood rating. */
export function satisfactionOf(moodCurve: readonly number[], ending: EndEntry | undefined): number {
  if (ending?.outcome === 'walked-out') return SATISFACTION.walkedOut;
  const fromMood = moodRating(moodCurve);
  if (ending?.satisfaction !== undefined) {
    return clampRating(SATISFACTION.endingShare * ending.satisfaction + (1 - SATISFACTION.endingShare) * fromMood);
  }
  return clampRating(fromMood);
}
