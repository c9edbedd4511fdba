import * as Phaser from 'phaser';
import { FONT_FAMILY, PALETTE } from '../theme.ts';
import { services } from '../services.ts';
import { queueArt, queueCrowd } from '../textures.ts';
import { el } from '../ui/dom.ts';

/** The calmed-down customers who greet the player on the Title, drawn as one texture. */
export const TITLE_CROWD_KEY = 'title-crowd';
const TITLE_CUSTOMERS = ['woman-60s', 'man-40s', 'woman-20s', 'man-70s', 'person-30s'] as const;

const BAR = { x: 560, y: 600, width: 800, height: 28 };

/**
 * Loads the font and the title art with a real progress bar (drawn in Phaser, mirrored by an
 * accessible `role="progressbar"` in the overlay), then starts the Title.
 */
export class Preloader extends Phaser.Scene {
  private bar?: Phaser.GameObjects.Graphics;
  private progressEl?: HTMLElement;

  constructor() {
    super('Preloader');
  }

  init(): void {
    const { overlay, t } = services(this);
    const screen = overlay.mount(this, { label: t('common.loading') });
    const label = el('p', { className: 'cd-muted', style: { position: 'absolute', left: '0', right: '0', top: '650px', textAlign: 'center' } }, t('common.loading'));
    this.progressEl = el('div', {
      className: 'cd-sr-only',
      attrs: { role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-valuenow': '0', 'aria-label': t('common.loading') },
    });
    screen.append(el('h1', { className: 'cd-title-wordmark', style: { position: 'absolute', left: '0', right: '0', top: '420px', textAlign: 'center' } }, t('common.appName')), label, this.progressEl);
    this.add.rectangle(BAR.x + BAR.width / 2, BAR.y + BAR.height / 2, BAR.width + 12, BAR.height + 12, PALETTE.paper).setOrigin(0.5);
    this.bar = this.add.graphics();
    this.draw(0);
    const onProgress = (value: number) => this.draw(value);
    this.load.on(Phaser.Loader.Events.PROGRESS, onProgress);
    screen.onDispose(() => this.load.off(Phaser.Loader.Events.PROGRESS, onProgress));
  }

  preload(): void {
    queueArt(this, { backdrops: ['office'] });
    queueCrowd(this, TITLE_CROWD_KEY, TITLE_CUSTOMERS.map((portrait) => ({ portrait, expression: 'happy' as const })));
  }

  async create(): Promise<void> {
    this.draw(1);
    await loadFonts();
    this.scene.start('Title');
  }

  private draw(value: number): void {
    const { t } = services(this);
    this.bar?.clear();
    this.bar?.fillStyle(PALETTE.tealSoft, 1).fillRoundedRect(BAR.x, BAR.y, BAR.width, BAR.height, BAR.height / 2);
    const w = Math.max(BAR.height, BAR.width * value);
    this.bar?.fillStyle(PALETTE.teal, 1).fillRoundedRect(BAR.x, BAR.y, w, BAR.height, BAR.height / 2);
    const percent = Math.round(value * 100);
    this.progressEl?.setAttribute('aria-valuenow', String(percent));
    this.progressEl?.setAttribute('aria-valuetext', t('common.loadingProgress', { percent }));
  }
}

/** Wait for both weights of the bundled font (never longer than 3 s: a missing font must not block the game). */
async function loadFonts(): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts) return;
  const fonts = Promise.all([
    document.fonts.load(`400 32px "${FONT_FAMILY}"`),
    document.fonts.load(`700 32px "${FONT_FAMILY}"`),
  ]).catch(() => undefined);
  await Promise.race([fonts, new Promise((resolve) => setTimeout(resolve, 3000))]);
}
