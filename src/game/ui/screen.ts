/**
 * A `Screen` is one scene's piece of the DOM overlay: a `<section>` plus every listener and
 * clean-up the scene registered through it. `dispose()` (called on the scene's `shutdown`)
 * removes the section and all listeners, so restarting a scene twenty times leaks nothing.
 *
 * ```ts
 * const screen = overlay.mount(this, { label: t('title.heading') });
 * screen.root.append(button(t('title.play'), () => this.scene.start('ScenarioSelect')));
 * screen.onKey((e) => e.key === 'Escape' && (goBack(), true));
 * ```
 */
export type KeyHandler = (event: KeyboardEvent) => boolean | void;

export class Screen {
  readonly root: HTMLElement;
  private readonly cleanups: Array<() => void> = [];
  private isDisposed = false;

  constructor(root: HTMLElement) {
    this.root = root;
  }

  get disposed(): boolean {
    return this.isDisposed;
  }

  /** Add an event listener that is removed when the screen goes away. */
  listen<K extends keyof HTMLElementEventMap>(
    target: HTMLElement,
    type: K,
    handler: (event: HTMLElementEventMap[K]) => void,
    options?: AddEventListenerOptions,
  ): void;
  listen(target: EventTarget, type: string, handler: (event: Event) => void, options?: AddEventListenerOptions): void;
  listen(target: EventTarget, type: string, handler: (event: Event) => void, options?: AddEventListenerOptions): void {
    if (this.isDisposed) return;
    target.addEventListener(type, handler, options);
    this.cleanups.push(() => target.removeEventListener(type, handler, options));
  }

  /**
   * Handle a key press anywhere on the page while this screen is up. Return `true` when the
   * key was used: the default browser action is then prevented. Keys typed into text fields,
   * selects and sliders are left to them (except Escape).
   */
  onKey(handler: KeyHandler): void {
    this.listen(document, 'keydown', (event) => {
      const e = event as KeyboardEvent;
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      if (isEditing(e.target) && e.key !== 'Escape') return;
      if (handler(e) === true) e.preventDefault();
    });
  }

  /** Run `cleanup` when the screen goes away (timers, subscriptions, Phaser listeners). */
  onDispose(cleanup: () => void): void {
    if (this.isDisposed) cleanup();
    else this.cleanups.push(cleanup);
  }

  /** Append children to the screen's root and return the root. */
  append(...children: Array<Node | string>): HTMLElement {
    this.root.append(...children);
    return this.root;
  }

  /** Focus an element without scrolling the stage. */
  focus(element: HTMLElement | null | undefined): void {
    element?.focus({ preventScroll: true });
  }

  /** Remove the section and every listener; safe to call twice. */
  dispose(): void {
    if (this.isDisposed) return;
    this.isDisposed = true;
    for (const cleanup of this.cleanups.splice(0).reverse()) {
      try {
        cleanup();
      } catch (error) {
        console.error('Screen clean-up failed', error);
      }
    }
    this.root.remove();
  }
}

/** True when the key event belongs to a control that uses keys itself. */
export function isEditing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
  return false;
}
