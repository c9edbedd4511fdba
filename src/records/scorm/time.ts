/**
 * SCORM 1.2 time values. `cmi.core.session_time` is a CMITimespan: `HHHH:MM:SS.SS`, hours of
 * two to four digits, seconds with at most two decimals (SCORM 1.2 RTE, data types).
 *
 * ```ts
 * cmiTimespan(3_723_450); // "0001:02:03.45"
 * ```
 */

/** The longest span the format can hold: 9999:59:59.99. */
export const MAX_TIMESPAN_MS = (9999 * 3600 + 59 * 60 + 59) * 1000 + 990;

/** Milliseconds as a SCORM 1.2 CMITimespan (four-digit hours); negative or NaN is zero, too long is capped. */
export function cmiTimespan(ms: number): string {
  const safe = Number.isFinite(ms) ? Math.min(Math.max(0, ms), MAX_TIMESPAN_MS) : 0;
  const centis = Math.floor(safe / 10);
  const hours = Math.floor(centis / 360_000);
  const minutes = Math.floor((centis % 360_000) / 6000);
  const seconds = Math.floor((centis % 6000) / 100);
  const fraction = centis % 100;
  return `${pad(hours, 4)}:${pad(minutes, 2)}:${pad(seconds, 2)}.${pad(fraction, 2)}`;
}

/** Reads a CMITimespan (`HH:MM:SS`, `HHHH:MM:SS.S`…) back to milliseconds; null when it is not one. */
export function parseCmiTimespan(text: string): number | null {
  const match = /^(\d{2,4}):([0-5]\d):([0-5]\d)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  const [, h, m, s, f = '0'] = match;
  const fraction = Number(f.padEnd(2, '0')) * 10;
  return ((Number(h) * 60 + Number(m)) * 60 + Number(s)) * 1000 + fraction;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
