/**
 * The conversation engine's fixed numbers, in one place. Scoring weights live in
 * `src/scoring/weights.ts`; these are the rules of the conversation itself.
 */
import { DEFAULT_INTERRUPTION_MOOD } from '../scenario/defaults.ts';

/** Extra mood (anger) a customer feels when the trainee answers over them (the default `interrupted.mood`). */
export const INTERRUPTION_MOOD = DEFAULT_INTERRUPTION_MOOD;

/** Mood is kept within this range (0 calm .. 100 furious). */
export const MOOD_MIN = 0;
export const MOOD_MAX = 100;

/** Reading speeds (characters per second) offered in the settings. */
export const READING_SPEEDS = { slow: 11, normal: 15, fast: 20 } as const;
export type ReadingSpeed = keyof typeof READING_SPEEDS;

/** Default speaking speed when a line has no recorded voice. */
export const DEFAULT_CHARS_PER_SECOND = READING_SPEEDS.normal;

/** Pause between two customer lines, in ms. */
export const LINE_GAP_MS = 400;

/** No line, however short, is spoken faster than this (ms). */
export const MIN_LINE_MS = 1200;
