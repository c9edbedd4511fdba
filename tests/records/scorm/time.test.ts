import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { cmiTimespan, MAX_TIMESPAN_MS, parseCmiTimespan } from '../../../src/records/scorm/time.ts';

/** SCORM 1.2 CMITimespan: HHHH:MM:SS.SS, hours 2..4 digits, at most two decimals. */
const CMI_TIMESPAN = /^\d{2,4}:[0-5]\d:[0-5]\d(\.\d{1,2})?$/;

describe('cmi.core.session_time (CMITimespan)', () => {
  test('formats hours, minutes, seconds and hundredths', () => {
    expect(cmiTimespan(0)).toBe('0000:00:00.00');
    expect(cmiTimespan(3_723_450)).toBe('0001:02:03.45');
    expect(cmiTimespan(59_999)).toBe('0000:00:59.99');
    expect(cmiTimespan(36 * 3600_000)).toBe('0036:00:00.00');
  });

  test('negative, NaN and endless spans stay in the format', () => {
    expect(cmiTimespan(-5)).toBe('0000:00:00.00');
    expect(cmiTimespan(Number.NaN)).toBe('0000:00:00.00');
    expect(cmiTimespan(Number.POSITIVE_INFINITY)).toBe('0000:00:00.00');
    expect(cmiTimespan(1e15)).toBe('9999:59:59.99');
  });

  test('every span is a valid CMITimespan and reads back to the hundredth', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_TIMESPAN_MS }), (ms) => {
        const text = cmiTimespan(ms);
        expect(text).toMatch(CMI_TIMESPAN);
        expect(parseCmiTimespan(text)).toBe(Math.floor(ms / 10) * 10);
      }),
    );
  });

  test('reads the shorter forms LMSs send back and rejects others', () => {
    expect(parseCmiTimespan('00:05:30')).toBe(330_000);
    expect(parseCmiTimespan('0000:00:01.5')).toBe(1500);
    expect(parseCmiTimespan('5:00:00')).toBeNull();
    expect(parseCmiTimespan('PT5M')).toBeNull();
  });
});
