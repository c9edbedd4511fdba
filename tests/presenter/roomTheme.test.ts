import { describe, expect, test } from 'vitest';
import { contrastRatio, ROOM_TEXT_PAIRS, ROOM_THEME, ROOM_TYPE } from '../../src/presenter/roomTheme.ts';

describe('the projector theme', () => {
  test.each(ROOM_TEXT_PAIRS.map(([fg, bg]) => [fg, bg, contrastRatio(ROOM_THEME[fg], ROOM_THEME[bg])] as const))(
    '%s text on %s: %f to 1, at least 7 (WCAG AAA)',
    (_fg, _bg, ratio) => {
      expect(ratio).toBeGreaterThanOrEqual(7);
    },
  );

  test('the contrast formula matches known values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
  });

  test('body text is at least 40 px at 1080p', () => {
    expect(Math.min(...Object.values(ROOM_TYPE))).toBeGreaterThanOrEqual(40);
  });
});
