/**
 * Scene changes, including scenes whose code loads on demand (Conversation, Debrief and their
 * engine stay out of the first screen's download). `goTo` adds a lazy scene the first time it
 * is needed, then starts it:
 *
 * ```ts
 * await goTo(this, 'Conversation', { file, scenario });
 * ```
 */
import type * as Phaser from 'phaser';

type SceneClass = new () => Phaser.Scene;
const LAZY = import.meta.glob<Record<string, SceneClass>>(['./scenes/Conversation.ts', './scenes/Debrief.ts']);

/** Keys of the lazily loaded scenes present in this build. */
export function lazySceneKeys(): string[] {
  return Object.keys(LAZY).map((path) => path.replace(/^.*\//, '').replace(/\.ts$/, ''));
}

/** Make sure `key` (and the other lazy scenes, which link to each other) is registered. */
export async function ensureScene(scene: Phaser.Scene, key: string): Promise<boolean> {
  const manager = scene.scene.manager;
  const keys = new Set([key, ...lazySceneKeys()]);
  await Promise.all(
    [...keys].map(async (k) => {
      if (manager.keys[k]) return;
      const load = LAZY[`./scenes/${k}.ts`];
      if (!load) return;
      const module = await load();
      const SceneType = module[k];
      if (SceneType && !manager.keys[k]) scene.scene.add(k, SceneType, false);
    }),
  );
  return Boolean(manager.keys[key]);
}

/** Start scene `key` with `data`, loading its code first when needed. Returns false if it does not exist. */
export async function goTo(scene: Phaser.Scene, key: string, data?: object): Promise<boolean> {
  if (!(await ensureScene(scene, key))) return false;
  scene.scene.start(key, data);
  return true;
}
