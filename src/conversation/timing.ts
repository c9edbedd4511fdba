/**
 * How long customer lines take to say. Pure, so the driver, the presenter and the benchmarks
 * agree on it.
 */
import type { CustomerLine } from '../scenario/model.ts';
import { DEFAULT_CHARS_PER_SECOND, LINE_GAP_MS, MIN_LINE_MS } from './constants.ts';

export interface TimingOptions {
  charsPerSecond?: number;
  voiceDurationMs?: (line: CustomerLine) => number | undefined;
}

/** A line placed on the turn's timeline. */
export interface LinePlan {
  index: number;
  line: CustomerLine;
  /** Start, ms after the turn began. */
  startMs: number;
  durationMs: number;
}

/** Ms to say one line: its voice length when known, else its text at the reading speed (at least MIN_LINE_MS). */
export function lineDurationMs(line: CustomerLine, options: TimingOptions = {}): number {
  const voice = options.voiceDurationMs?.(line);
  if (typeof voice === 'number' && Number.isFinite(voice) && voice > 0) return Math.round(voice);
  const speed = options.charsPerSecond && options.charsPerSecond > 0 ? options.charsPerSecond : DEFAULT_CHARS_PER_SECOND;
  return Math.max(MIN_LINE_MS, Math.round((line.text.length / speed) * 1000));
}

export function lineDurations(lines: readonly CustomerLine[], options: TimingOptions = {}): number[] {
  return lines.map((line) => lineDurationMs(line, options));
}

/** Lays lines end to end with `gapMs` between them. */
export function planLines(lines: readonly CustomerLine[], durations: readonly number[], gapMs = LINE_GAP_MS): LinePlan[] {
  const plans: LinePlan[] = [];
  let cursor = 0;
  lines.forEach((line, index) => {
    const durationMs = durations[index] ?? MIN_LINE_MS;
    plans.push({ index, line, startMs: cursor, durationMs });
    cursor += durationMs + gapMs;
  });
  return plans;
}
