/**
 * Keyboard conventions shared by every screen: arrows move focus through a list of controls,
 * Esc goes back, number keys pick the n-th item of a numbered list. (Tab, Enter and Space work
 * natively because every control is a real button.) F for full screen is global (see overlay).
 */
import type { Screen } from './screen.ts';

const FOCUSABLE = 'button:not([disabled]), a[href], input:not([disabled]), select:not([disabled]), [tabindex="0"]';

/**
 * Let the arrow keys move focus between the focusable elements inside `container`, wrapping
 * around. In a CSS grid, Up/Down move by a whole row. Radio groups and sliders keep their own
 * arrow behaviour.
 */
export function arrowNavigation(screen: Screen, container: HTMLElement): void {
  screen.listen(container, 'keydown', (event) => {
    const e = event as KeyboardEvent;
    const columns = gridColumns(container);
    const step = { ArrowDown: columns, ArrowRight: 1, ArrowUp: -columns, ArrowLeft: -1 }[e.key];
    if (step === undefined || e.altKey || e.ctrlKey || e.metaKey) return;
    const target = e.target as HTMLElement;
    if (target instanceof HTMLInputElement && (target.type === 'radio' || target.type === 'range')) return;
    if (target instanceof HTMLSelectElement) return;
    const items = [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((n) => n.offsetParent !== null);
    if (items.length === 0) return;
    const index = items.indexOf(document.activeElement as HTMLElement);
    const destination = index + step;
    // Moving by rows stops at the edges; moving one by one wraps around.
    const wrapped = Math.abs(step) > 1 ? Math.min(items.length - 1, Math.max(0, destination)) : (destination + items.length) % items.length;
    const next = items[wrapped] ?? items[0];
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

function gridColumns(container: HTMLElement): number {
  const style = getComputedStyle(container);
  if (style.display !== 'grid') return 1;
  return Math.max(1, style.gridTemplateColumns.split(' ').filter(Boolean).length);
}
