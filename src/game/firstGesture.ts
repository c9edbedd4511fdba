/** The page's first key press, click or touch: what waits for it (sound, see services.ts). */

/** Runs `start` once the page has had a key press, click or touch (at once if it already has). */
export function afterFirstGesture(start: () => void, target: Document = document): void {
  if (target.defaultView?.navigator.userActivation?.hasBeenActive) {
    start();
    return;
  }
  const events = ['keydown', 'pointerdown', 'touchstart'] as const;
  const once = () => {
    for (const name of events) target.removeEventListener(name, once, { capture: true });
    start();
  };
  for (const name of events) target.addEventListener(name, once, { capture: true, passive: true });
}
