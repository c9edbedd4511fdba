/**
 * Art as Phaser textures, made on demand from the pure SVG generators in `src/art`.
 * Backdrops and portraits load per scenario (lazily), not up front.
 *
 * ```ts
 * await loadArt(this, { backdrops: ['shop'], portraits: ['woman-60s'] });
 * this.add.image(960, 540, backdropKey('shop'));
 * this.add.image(500, 600, portraitKey('woman-60s', 'worried'));
 * ```
 */
import * as Phaser from 'phaser';
import { BACKDROP_HEIGHT, BACKDROP_WIDTH, backdropSvg } from '../art/backdrops.ts';
import { crowdSvg, PORTRAIT_HEIGHT, PORTRAIT_WIDTH, portraitSvg } from '../art/portraits.ts';
import { EXPRESSIONS, type Expression, type PortraitId, type SettingId } from '../scenario/vocabulary.ts';
import { ArtCache, type ArtGroup } from './artCache.ts';

/** Texture key of a setting's backdrop. */
export function backdropKey(setting: SettingId): string {
  return `backdrop-${setting}`;
}

/** Texture key of one portrait expression (at a scale other than 1 when asked for a smaller one). */
export function portraitKey(portrait: PortraitId, expression: string, scale = 1): string {
  return scale === 1 ? `portrait-${portrait}-${expression}` : `portrait-${portrait}-${expression}@${scale}`;
}

export interface ArtRequest {
  backdrops?: readonly SettingId[];
  /** Every expression of each portrait is loaded. */
  portraits?: readonly PortraitId[];
  /** Only these expressions (default: all of them). */
  expressions?: readonly Expression[];
  /** Rendered portrait size relative to the generator's 600×720 (default 1). */
  portraitScale?: number;
}

/** Queue the requested art on the scene's loader (for use inside `preload()`). Already-loaded textures are skipped. */
export function queueArt(scene: Phaser.Scene, request: ArtRequest): number {
  let queued = 0;
  for (const setting of request.backdrops ?? []) {
    const key = backdropKey(setting);
    if (scene.textures.exists(key)) continue;
    scene.load.svg(key, svgBase64(backdropSvg(setting)), { width: BACKDROP_WIDTH, height: BACKDROP_HEIGHT });
    queued += 1;
  }
  const scale = request.portraitScale ?? 1;
  for (const portrait of request.portraits ?? []) {
    for (const expression of request.expressions ?? EXPRESSIONS) {
      const key = portraitKey(portrait, expression, scale);
      if (scene.textures.exists(key)) continue;
      scene.load.svg(key, svgBase64(portraitSvg(portrait, expression)), {
        width: Math.round(PORTRAIT_WIDTH * scale),
        height: Math.round(PORTRAIT_HEIGHT * scale),
      });
      queued += 1;
    }
  }
  return queued;
}

/**
 * Queue several portraits as one texture (one image to decode and upload instead of many),
 * e.g. the Title's row of customers. Returns whether anything was queued.
 */
export function queueCrowd(
  scene: Phaser.Scene,
  key: string,
  members: ReadonlyArray<{ portrait: PortraitId; expression: Expression }>,
  scale = 0.5,
): boolean {
  if (scene.textures.exists(key)) return false;
  const svg = crowdSvg(members, scale);
  const size = /width="(\d+)" height="(\d+)"/.exec(svg);
  scene.load.svg(key, svgBase64(svg), { width: Number(size?.[1] ?? 0), height: Number(size?.[2] ?? 0) });
  return true;
}

/** One art cache per game (its texture manager); the Title's and the list's office backdrop stays. */
const caches = new WeakMap<Phaser.Textures.TextureManager, ArtCache>();

/**
 * Frees the scenario art least recently asked for beyond the cache's limits (see `artCache.ts`),
 * keeping what `request` needs. Called as a scenario's art is asked for, when no other scenario's
 * art is on screen (one scene runs at a time).
 */
function evictOldArt(scene: Phaser.Scene, request: ArtRequest): void {
  let cache = caches.get(scene.textures);
  if (!cache) {
    cache = new ArtCache(undefined, [`backdrop:${'office' satisfies SettingId}`]);
    caches.set(scene.textures, cache);
  }
  const scale = request.portraitScale ?? 1;
  const groups: ArtGroup[] = [
    ...(request.backdrops ?? []).map((setting): ArtGroup => `backdrop:${setting}`),
    ...(request.portraits ?? []).map((portrait): ArtGroup => `portrait:${portrait}@${scale}`),
  ];
  for (const group of cache.use(groups)) {
    const [kind, id = ''] = group.split(':') as [string, string];
    const keys = kind === 'backdrop'
      ? [backdropKey(id as SettingId)]
      : EXPRESSIONS.map((expression) => portraitKey(id.slice(0, id.lastIndexOf('@')) as PortraitId, expression, Number(id.slice(id.lastIndexOf('@') + 1))));
    for (const key of keys) if (scene.textures.exists(key)) scene.textures.remove(key);
  }
}

/**
 * Load art outside `preload()` (e.g. in `create()`); resolves when done, also when a file failed.
 * Older scenarios' art beyond the cache limits is freed first.
 */
export function loadArt(scene: Phaser.Scene, request: ArtRequest): Promise<void> {
  evictOldArt(scene, request);
  if (queueArt(scene, request) === 0) return Promise.resolve();
  return new Promise((resolve) => {
    scene.load.once(Phaser.Loader.Events.COMPLETE, () => resolve());
    scene.load.start();
  });
}

/** Phaser's loader decodes `data:` URLs as base64, so SVG text is encoded that way (UTF-8 safe). */
function svgBase64(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}
