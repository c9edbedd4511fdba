/**
 * Mood bands shared by the conversation and debrief view-models: the 0..100 mood number becomes
 * a word a trainee understands (calm, uneasy, upset, furious), a colour and a face.
 */
import type { Expression } from '../scenario/vocabulary.ts';

export const MOOD_BANDS = ['calm', 'uneasy', 'upset', 'furious'] as const;
export type MoodBand = (typeof MOOD_BANDS)[number];

/** Lowest mood of each band (0 calm .. 100 furious). */
const BAND_FLOORS: Readonly<Record<MoodBand, number>> = { calm: 0, uneasy: 35, upset: 60, furious: 80 };

/** Band colours, calm teal-green to a muted red: the mood meter and the debrief plot use them. */
export const MOOD_COLOURS: Readonly<Record<MoodBand, number>> = {
  calm: 0x4f9a7d,
  uneasy: 0xc9a23f,
  upset: 0xd9765f,
  furious: 0xc2483a,
};

/** Darker band colours for text badges: white text on them stays above 4.5:1. */
export const MOOD_BADGE_COLOURS: Readonly<Record<MoodBand, number>> = {
  calm: 0x2f6b52,
  uneasy: 0x7a5a12,
  upset: 0xa34a33,
  furious: 0x8f3a2a,
};

/** The face a customer makes when only the mood speaks (between lines, while waiting). */
const BAND_FACES: Readonly<Record<MoodBand, Expression>> = {
  calm: 'neutral',
  uneasy: 'annoyed',
  upset: 'angry',
  furious: 'furious',
};

/** Mood clamped to 0..100 and rounded, so views never show 101 or 37.4999. */
export function clampMood(mood: number): number {
  if (!Number.isFinite(mood)) return 0;
  return Math.round(Math.min(100, Math.max(0, mood)));
}

/**
 * The band a mood falls in.
 * @example moodBand(62) // 'upset'
 */
export function moodBand(mood: number): MoodBand {
  const m = clampMood(mood);
  if (m >= BAND_FLOORS.furious) return 'furious';
  if (m >= BAND_FLOORS.upset) return 'upset';
  if (m >= BAND_FLOORS.uneasy) return 'uneasy';
  return 'calm';
}

/** The face that fits a mood when no line dictates one; a very calm customer looks relieved. */
export function moodExpression(mood: number): Expression {
  const m = clampMood(mood);
  if (m < 15) return 'relieved';
  return BAND_FACES[moodBand(m)];
}

/** A colour as CSS `#rrggbb`. */
export function colourCss(colour: number): string {
  return `#${colour.toString(16).padStart(6, '0')}`;
}
