/**
 * The accessible DOM overlay: all text the player reads and every control live here, laid out
 * at the 1920×1080 design size and scaled to sit exactly over the Phaser canvas (CSS variable
 * `--cd-scale`, recomputed on Phaser's scale `resize`, window resize and full-screen changes).
 *
 * Scenes call `overlay.mount(this, { label })` in `create()` and build their DOM into the
 * returned `Screen`; it is removed with all its listeners when the scene shuts down.
 * `overlay.announce(text)` speaks through an aria-live region.
 */
import * as Phaser from 'phaser';
import { DESIGN_HEIGHT, DESIGN_WIDTH } from '../theme.ts';
import { Screen, isEditing } from './screen.ts';

export interface MountOptions {
  /** Accessible name of the screen's region, e.g. "Settings". */
  label: string;
  /** Extra class on the section, for per-screen styling. */
  className?: string;
  /** Play the standard interface sounds for clicks, Escape and keyboard moves on this screen. */
  uiSounds?: boolean;
}

export class Overlay {
  /** The scaled stage that holds every screen. */
  readonly element: HTMLElement;
  private readonly politeRegion: HTMLElement;
  private readonly assertiveRegion: HTMLElement;
  private readonly toasts: HTMLElement;
  private readonly detach: Array<() => void> = [];
  private fullscreenMessages: { on: string; off: string } = { on: 'Full screen on.', off: 'Full screen off.' };
  private closeLabel = 'Close';

  constructor(private readonly game: Phaser.Game, private readonly parent: HTMLElement) {
    this.element = document.createElement('div');
    this.element.className = 'cd-overlay';
    this.element.id = 'cd-overlay';
    this.politeRegion = liveRegion('polite');
    this.assertiveRegion = liveRegion('assertive');
    this.toasts = document.createElement('div');
    this.toasts.className = 'cd-toasts';
    this.toasts.setAttribute('role', 'log');
    this.toasts.setAttribute('aria-live', 'polite');
    this.element.append(this.toasts, this.politeRegion, this.assertiveRegion);
    parent.append(this.element);
    this.watchSize();
    this.watchFullscreenKey();
    this.fit();
  }

  /** Create a screen for `scene`; it is disposed automatically on the scene's shutdown. */
  mount(scene: Phaser.Scene, options: MountOptions): Screen {
    const section = document.createElement('section');
    section.className = `cd-screen${options.className ? ` ${options.className}` : ''}`;
    section.setAttribute('aria-label', options.label);
    section.dataset.scene = scene.scene.key;
    if (options.uiSounds) section.dataset.uiSounds = 'true';
    this.element.insertBefore(section, this.toasts);
    const screen = new Screen(section);
    const dispose = () => screen.dispose();
    scene.events.once(Phaser.Scenes.Events.SHUTDOWN, dispose);
    scene.events.once(Phaser.Scenes.Events.DESTROY, dispose);
    screen.onDispose(() => {
      scene.events.off(Phaser.Scenes.Events.SHUTDOWN, dispose);
      scene.events.off(Phaser.Scenes.Events.DESTROY, dispose);
    });
    return screen;
  }

  /** Say `text` to screen-reader users (polite by default; `assertive` interrupts). */
  announce(text: string, options: { assertive?: boolean } = {}): void {
    const region = options.assertive ? this.assertiveRegion : this.politeRegion;
    // Clearing first makes a repeated sentence be read again.
    region.textContent = '';
    window.setTimeout(() => {
      region.textContent = text;
    }, 30);
  }

  /**
   * Show a short message that outlives screen changes (e.g. "results could not be saved"),
   * read out politely; it closes by itself after a while or with its close button.
   */
  notify(text: string, level: 'info' | 'warning' = 'info'): void {
    const toast = document.createElement('div');
    toast.className = 'cd-toast';
    toast.dataset.level = level;
    const message = document.createElement('p');
    message.textContent = text;
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'cd-toast-close';
    close.textContent = '×';
    close.setAttribute('aria-label', this.closeLabel);
    const remove = () => {
      window.clearTimeout(timer);
      close.removeEventListener('click', remove);
      toast.remove();
    };
    const timer = window.setTimeout(remove, 12_000);
    close.addEventListener('click', remove);
    toast.append(message, close);
    this.toasts.append(toast);
  }

  /** Apply the text-size setting (1, 1.25, 1.5). */
  setTextScale(scale: number): void {
    this.element.style.setProperty('--cd-text', String(scale));
  }

  /** Switch CSS transitions off for reduced motion. */
  setReducedMotion(reduced: boolean): void {
    this.element.dataset.reducedMotion = String(reduced);
  }

  /** Set the page language (for screen readers) and the overlay's own words. */
  setLanguage(language: string, words: { on: string; off: string; close: string }): void {
    document.documentElement.lang = language;
    this.fullscreenMessages = words;
    this.closeLabel = words.close;
  }

  /** Toggle full screen and announce it. */
  toggleFullscreen(): void {
    const wasOn = this.game.scale.isFullscreen;
    this.game.scale.toggleFullscreen();
    this.announce(wasOn ? this.fullscreenMessages.off : this.fullscreenMessages.on);
  }

  /** Position and scale the stage over the canvas. */
  fit(): void {
    const canvas = this.game.canvas;
    if (!canvas) return;
    const c = canvas.getBoundingClientRect();
    const p = this.parent.getBoundingClientRect();
    const scale = c.width > 0 ? c.width / DESIGN_WIDTH : 1;
    this.element.style.left = `${c.left - p.left}px`;
    this.element.style.top = `${c.top - p.top}px`;
    this.element.style.setProperty('--cd-scale', String(scale));
    this.element.style.height = `${DESIGN_HEIGHT}px`;
  }

  /** Remove the overlay and its listeners (when the game is destroyed). */
  destroy(): void {
    for (const off of this.detach.splice(0)) off();
    this.element.remove();
  }

  private watchSize(): void {
    const fit = () => this.fit();
    this.game.scale.on(Phaser.Scale.Events.RESIZE, fit);
    this.game.scale.on(Phaser.Scale.Events.ENTER_FULLSCREEN, fit);
    this.game.scale.on(Phaser.Scale.Events.LEAVE_FULLSCREEN, fit);
    window.addEventListener('resize', fit);
    const observer = new ResizeObserver(fit);
    observer.observe(this.parent);
    if (this.game.canvas) observer.observe(this.game.canvas);
    this.detach.push(() => {
      this.game.scale.off(Phaser.Scale.Events.RESIZE, fit);
      this.game.scale.off(Phaser.Scale.Events.ENTER_FULLSCREEN, fit);
      this.game.scale.off(Phaser.Scale.Events.LEAVE_FULLSCREEN, fit);
      window.removeEventListener('resize', fit);
      observer.disconnect();
    });
  }

  private watchFullscreenKey(): void {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.repeat) return;
      if ((e.key === 'f' || e.key === 'F') && !isEditing(e.target)) {
        e.preventDefault();
        this.toggleFullscreen();
      }
    };
    document.addEventListener('keydown', onKey);
    this.detach.push(() => document.removeEventListener('keydown', onKey));
  }
}

function liveRegion(politeness: 'polite' | 'assertive'): HTMLElement {
  const region = document.createElement('div');
  region.className = 'cd-sr-only';
  region.setAttribute('aria-live', politeness);
  region.setAttribute('aria-atomic', 'true');
  if (politeness === 'assertive') region.setAttribute('role', 'alert');
  else region.setAttribute('role', 'status');
  region.dataset.live = politeness;
  return region;
}
