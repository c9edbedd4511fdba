/**
 * Sound starts with the first key press, click or touch (issue 12, item 13): creating the audio
 * context at start-up was a 200–300 ms long task while the title screen appeared.
 */
import { describe, expect, it, vi } from 'vitest';
import { afterFirstGesture } from '../../src/game/firstGesture.ts';

function fakeDocument(hasBeenActive: boolean): Document {
  const target = new EventTarget() as EventTarget & { defaultView: unknown };
  target.defaultView = { navigator: { userActivation: { hasBeenActive } } };
  return target as unknown as Document;
}

describe('afterFirstGesture', () => {
  it('waits for the first key press, click or touch, then runs once', () => {
    for (const gesture of ['keydown', 'pointerdown', 'touchstart']) {
      const doc = fakeDocument(false);
      const start = vi.fn();
      afterFirstGesture(start, doc);
      expect(start).not.toHaveBeenCalled();
      doc.dispatchEvent(new Event('pointermove'));
      expect(start).not.toHaveBeenCalled();
      doc.dispatchEvent(new Event(gesture));
      expect(start, gesture).toHaveBeenCalledTimes(1);
      doc.dispatchEvent(new Event('keydown'));
      doc.dispatchEvent(new Event('pointerdown'));
      expect(start, gesture).toHaveBeenCalledTimes(1);
    }
  });

  it('runs at once when the page has already had a gesture', () => {
    const start = vi.fn();
    afterFirstGesture(start, fakeDocument(true));
    expect(start).toHaveBeenCalledTimes(1);
  });
});
