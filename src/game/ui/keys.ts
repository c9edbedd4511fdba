/**
 * Keyboard conventions shared by every screen: arrows move focus through a list of controls,
 * Esc goes back, number keys pick the n-th item of a numbered list. (Tab, Enter and Space work
 * natively because every control is a real button.) F for full screen is global (see overlay).
 */
import type { Screen } from './screen.ts';

const FOCUSABLE = 'button:not([disabled]), a[href], input:not([disabled]), select:not([disabled]), [tabindex="0"]';

/**
 * Let Up/Down (and Left/Right) move focus between the focusable elements inside `container`,
 * wrapping around. Radio groups and sliders keep their own arrow behaviour.
 */
export function arrowNavigation(screen: Screen, container: HTMLElement): void {
  screen.listen(container, 'keydown', (event) => {
    const e = event as KeyboardEvent;
    const step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[e.key];
    if (step === undefined || e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target as HTMLElement;
    if (target instanceof HTMLInputElement && (target.type === 'radio' || target.type === 'range')) return;
    if (target instanceof HTMLSelectElement) return;
    const items = [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((n) => n.offsetParent !== null);
    if (items.length === 0) return;
    const index = items.indexOf(document.activeElement as HTMLElement);
    const next = items[(index + step + items.length) % items.length] ?? items[0];
    next?.focus({ preventScroll: false });
    e.preventDefault();
  });
}

export interface ScreenKeys {
  /** Esc (and Backspace outside fields): go back. */
  back?: () => void;
  /** Digit 1..9 pressed: pick that item (1-based). Return false when there is no such item. */
  number?: (n: number) => boolean | void;
}

/** Wire Esc and number keys for a screen. */
export function bindKeys(screen: Screen, keys: ScreenKeys): void {
  screen.onKey((e) => {
    if (e.repeat) return false;
    if (keys.back && (e.key === 'Escape' || e.key === 'Backspace')) {
      keys.back();
      return true;
    }
    if (keys.number && /^[1-9]$/.test(e.key)) return keys.number(Number(e.key)) !== false;
    return false;
  });
}
